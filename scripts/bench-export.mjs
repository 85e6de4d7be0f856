#!/usr/bin/env node
/**
 * Export at scale: wall time and peak memory of `spanlight export` (the built CLI, out/main/cli.js, one
 * process per export) on the sample project (resources/samples: six annotated articles) and on a generated project of N documents (default
 * 100,000), beside a baseline of 1,000 documents measured in the same run: flat memory means the peak at N
 * is about the peak at 1,000. Last, the JSONL of the N documents imported into a new project.
 *
 *   npm run build && node scripts/bench-export.mjs [--documents 100000] [--formats jsonl,csv,brat,conll]
 *                                                  [--before <cli.js>]
 *
 * `--before` names a CLI built from the code before a change (`npm run build`, then copy out/main to
 * bench/tmp/): the CSV export (plain and --excel) and the CSV import of the N documents then also run through
 * it, alternating with the current CLI, three times each, in the same run. On a shared machine compare the
 * CPU seconds (user + system, from the process itself): wall time follows the load of everything else.
 *
 * Peak memory: the process's maximum resident set size (process.resourceUsage().maxRSS, read at exit) and its
 * peak V8 heap in use (sampled every 20 ms).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'out/main/cli.js');
/** The sample articles the project ships: the benchmark needs nothing beside the clone. */
const samples = join(root, 'resources/samples');
const articles = join(samples, 'articles');
const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '100000' },
    formats: { type: 'string', default: 'jsonl,csv,conll,brat,label-studio,doccano,spacy,webanno,qdpx' },
    before: { type: 'string' },
  },
});
const N = Number(values.documents);
const formats = values.formats.split(',');
const work = mkdtempSync(join(tmpdir(), 'spanlight-bench-export-'));
const rssHook = join(work, 'rss.cjs');
// Peak heap is sampled every 20 ms; peak RSS is the kernel's figure for the whole process.
writeFileSync(
  rssHook,
  `let heap = 0;
setInterval(() => { heap = Math.max(heap, process.memoryUsage().heapUsed); }, 20).unref();
process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nBENCH_MAX_RSS_KB ' + u.maxRSS + ' BENCH_PEAK_HEAP ' + heap + ' BENCH_CPU_US ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });
`,
);

function run(args, nodeOptions = [], program = cli) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...nodeOptions, '--require', rssHook, program, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0)
    throw new Error(`spanlight ${args.join(' ')} failed:\n${child.stdout}\n${child.stderr}`);
  const rss = Number(/BENCH_MAX_RSS_KB (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  const heap = Number(/BENCH_PEAK_HEAP (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  const cpu = Number(/BENCH_CPU_US (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { ms, cpuS: cpu / 1e6, rssMb: rss / 1024, heapMb: heap / 1048576, out: child.stdout.trim() };
}

function sizeOf(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** A project of `count` news-like documents (English and Arabic, emoji), 4 spans and a link each. */
function generate(path, count) {
  run(['import', path, join(articles, readdirSync(articles).sort()[0])]);
  const db = new Database(path);
  db.function('spanlight_fold', { deterministic: true }, (text) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );
  const doc = db.prepare(
    'INSERT INTO documents (id, title, file_name, text, sha256, length, status, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ann = db.prepare(
    `INSERT INTO annotations (id, document_id, label_id, start, "end", note, attributes, annotator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, 'bench', ?, ?)`,
  );
  const rel = db.prepare(
    `INSERT INTO relations (id, document_id, from_id, to_id, type, annotator, created_at) VALUES (?, ?, ?, ?, 'denies', 'bench', ?)`,
  );
  const now = new Date().toISOString();
  const statuses = ['todo', 'in_progress', 'done', 'skipped'];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const title = `Report ${i}: officials say ${i % 97} were hurt`;
      const body = `${title}\nThe ministry said ${i % 97} people were hurt 😀 in the attack.\nوقالت الوزارة إن ${i % 97} أشخاص أصيبوا في الهجوم.\nA spokesman denied the report.\n`;
      const text = body.repeat(3);
      const id = `doc-${i}`;
      doc.run(id, title, `${id}.txt`, text, `sha-${i}`, Array.from(text).length, statuses[i % 4], now);
      const at = (needle) => Array.from(text.slice(0, text.indexOf(needle))).length;
      const claim = at('The ministry');
      ann.run(
        `${id}-c`,
        id,
        'claim',
        claim,
        claim + Array.from(`The ministry said ${i % 97} people were hurt`).length,
        '{"stance":"reports"}',
        now,
        now,
      );
      const n = at(` ${i % 97} people`) + 1;
      ann.run(`${id}-n`, id, 'number', n, n + String(i % 97).length, `{"value":${i % 97}}`, now, now);
      const d = at('A spokesman');
      ann.run(`${id}-d`, id, 'denial', d, d + 'A spokesman denied the report.'.length, '{}', now, now);
      const a = at('وقالت');
      ann.run(`${id}-a`, id, 'claim', a, a + Array.from('وقالت الوزارة').length, '{}', now, now);
      rel.run(`${id}-r`, id, `${id}-d`, `${id}-c`, now);
    }
  })();
  // Checkpoint now, so no export pays for reading a 250 MB write-ahead log.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const rows = [];

/** A table row for an import run (`r`) of the file at `input`. */
function importRow(project, format, r, input) {
  return {
    project,
    format,
    heapCap: '',
    seconds: (r.ms / 1000).toFixed(2),
    cpuSeconds: r.cpuS.toFixed(2),
    peakRssMb: r.rssMb.toFixed(0),
    peakHeapMb: r.heapMb.toFixed(0),
    outputMb: (sizeOf(input) / 1e6).toFixed(1),
    result: r.out.split('\n').at(-1),
  };
}

/**
 * The CSV export and import of the large project through the CLI before a change and the current one,
 * alternating (before, after, before, after, …) so that both see the same machine.
 */
function compareBefore(big, before) {
  const articlesCsv = join(work, 'articles.csv');
  writeDocumentsCsv(big, articlesCsv);
  for (let round = 1; round <= 3; round++) {
    for (const [name, program] of [
      ['before', before],
      ['after', cli],
    ]) {
      const label = `${N.toLocaleString('en')} docs (${name}, round ${round})`;
      measure(label, big, 'csv', [], false, program);
      measure(label, big, 'csv', ['--excel'], false, program);
      const target = join(work, `csv-import-${name}-${round}.spanlight`);
      const imported = run(
        ['import', target, articlesCsv, '--format', 'csv', '--id-column', 'id'],
        [],
        program,
      );
      rows.push(importRow(label, 'import csv', imported, articlesCsv));
      rmSync(target, { force: true });
    }
  }
}

/** The project's documents as a CSV of documents (id, title, text), what a CSV import reads. */
function writeDocumentsCsv(project, path) {
  const db = new Database(project, { readonly: true });
  const rows = db.prepare('SELECT id, title, text FROM documents ORDER BY rowid').raw().all();
  db.close();
  writeFileSync(path, stringify(rows, { header: true, columns: ['id', 'title', 'text'] }));
}
/**
 * Each export of the large project runs a second time with V8's old space capped at HEAP_CAP_MB: it can
 * finish only if what it keeps alive stays under the cap, whatever the project's size (the peak heap column
 * also counts garbage not yet collected).
 */
const HEAP_CAP_MB = 64;

function measure(label, project, format, extra = [], capped = false, program = cli) {
  // brat as a zip (what the browser downloads) rather than a folder of 2N small files.
  const out = join(work, `${label}-${format}${format === 'brat' ? '.zip' : ''}`);
  const r = run(['export', project, '--format', format, '--out', out, ...extra], [], program);
  const size = sizeOf(out);
  let cap = '';
  if (capped) {
    rmSync(out, { recursive: true, force: true });
    try {
      run(
        ['export', project, '--format', format, '--out', out, ...extra],
        [`--max-old-space-size=${HEAP_CAP_MB}`],
      );
      cap = `ok under ${HEAP_CAP_MB} MB`;
    } catch {
      cap = `FAILS under ${HEAP_CAP_MB} MB`;
    }
  }
  rows.push({
    project: label,
    format: [format, ...extra].join(' '),
    heapCap: cap,
    seconds: (r.ms / 1000).toFixed(2),
    cpuSeconds: r.cpuS.toFixed(2),
    peakRssMb: r.rssMb.toFixed(0),
    peakHeapMb: r.heapMb.toFixed(0),
    outputMb: (size / 1e6).toFixed(1),
    result: r.out,
  });
  rmSync(out, { recursive: true, force: true });
}

try {
  const samplesProject = join(work, 'samples.spanlight');
  run(['import', samplesProject, join(samples, 'annotations.jsonl'), articles]);
  for (const format of [
    'jsonl',
    'csv',
    'conll',
    'brat',
    'label-studio',
    'doccano',
    'spacy',
    'webanno',
    'qdpx',
  ])
    measure('6 samples', samplesProject, format);

  const baseline = join(work, 'baseline.spanlight');
  let t = Date.now();
  generate(baseline, 1000);
  const big = join(work, 'big.spanlight');
  generate(big, N);
  console.log(
    `generated 1,000 and ${N.toLocaleString('en')} documents in ${((Date.now() - t) / 1000).toFixed(1)} s (project ${(statSync(big).size / 1e6).toFixed(0)} MB)`,
  );
  for (const format of formats) {
    measure('1,000 docs (baseline)', baseline, format);
    measure(`${N.toLocaleString('en')} docs`, big, format, [], true);
  }
  // Import streams too: the large project's JSONL back into a new project (checked, then inserted, a line at a time).
  const dataset = join(work, 'big.jsonl');
  run(['export', big, '--format', 'jsonl', '--out', dataset]);
  const imported = run(['import', join(work, 'reimported.spanlight'), dataset]);
  rows.push(importRow(`${N.toLocaleString('en')} docs`, 'import jsonl', imported, dataset));
  if (values.before) compareBefore(big, resolve(values.before));
  console.table(rows.map(({ result: _r, ...row }) => row));
} finally {
  rmSync(work, { recursive: true, force: true });
}
