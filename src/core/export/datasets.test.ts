/**
 * Every export format over the hard dataset (test/support/datasetFixtures.ts): checked by a Python
 * consumer, the canonical JSONL validated against its JSON Schema, round trips through each format that can
 * be imported, filters, and cancelling.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_INFO } from '@shared/datasets';
import { EXPORT_FORMATS, type ExportFormat, type ExportSummary } from '@shared/model';
import { Importer } from '../import/importer';
import { sourcesFromPaths } from '../import/sources';
import { Project } from '../project/project';
import { buildHardDataset, exportPath, type BuiltDataset } from '../../../test/support/datasetFixtures';
import { CollectingWritable, steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { exportDataset, exportToFile } from './exporter';

const temp = useTempDirs();
const CHECK = resolve(__dirname, '../../../scripts/check_offsets.py');
const SCHEMA = resolve(__dirname, '../../../resources/schemas/spanlight-jsonl.schema.json');

let dir: string;
let project: Project;
let built: BuiltDataset;
const paths = {} as Record<ExportFormat, string>;
const summaries = {} as Record<ExportFormat, ExportSummary>;

const pathFor = (format: ExportFormat) => exportPath(dir, 'hard', format);

beforeAll(async () => {
  dir = temp.make();
  project = Project.create(join(dir, 'hard.spanlight'), steppingClock());
  built = buildHardDataset(project);
  for (const format of EXPORT_FORMATS) {
    paths[format] = pathFor(format);
    summaries[format] = await exportToFile(project, format, paths[format]);
  }
});

afterAll(() => project.close());

function python(...args: string[]) {
  const run = spawnSync('python3', [CHECK, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** What a project holds, by content (ids of spans differ between imports), for round-trip comparison. */
function view(target: Project) {
  return target.documents.list().map((summary) => {
    const document = target.documents.get(summary.id)!;
    const labels = new Map(target.labels.list().map((l) => [l.id, l.name]));
    const annotations = target.annotations.listByDocument(summary.id);
    const key = new Map(annotations.map((a) => [a.id, `${a.start}-${a.end}-${labels.get(a.labelId)}`]));
    return {
      id: document.id,
      title: document.title,
      status: document.status,
      text: document.text,
      spans: annotations
        .map((a) => ({
          start: a.start,
          end: a.end,
          label: labels.get(a.labelId)!,
          note: a.note,
          attributes: a.attributes,
          annotator: a.annotator,
        }))
        .sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label)),
      relations: target.relations
        .listByDocument(summary.id)
        .map((r) => `${key.get(r.fromId)} ${r.type} ${key.get(r.toId)}`)
        .sort(),
    };
  });
}

function importInto(path: string, format: 'auto' | 'brat' = 'auto') {
  const copy = Project.inMemory(steppingClock());
  const { sources, problems } = sourcesFromPaths([path]);
  const report = new Importer(copy, { format }).importAll(sources);
  expect(problems).toEqual([]);
  expect(report.rejected).toEqual([]);
  return copy;
}

describe('every format carries the text, and a Python consumer finds text[start:end] for every span', () => {
  it('holds all documents and spans, and says what CoNLL could not hold', () => {
    for (const format of EXPORT_FORMATS) {
      expect(summaries[format], format).toMatchObject({ documents: 4, spans: built.spans });
    }
    expect(summaries.conll.warnings).toEqual(
      expect.arrayContaining([
        "conll: spans that share a token with another span of the same label are left out of that label's column",
        'conll: spans that start or end inside a token tag the whole token',
        'conll: spans that cross a sentence boundary begin again (B-) in the next sentence',
      ]),
    );
    expect(summaries.jsonl.warnings).toBeUndefined();
  });

  it.each(EXPORT_FORMATS.filter((f) => f !== 'conll'))('%s', (format) => {
    const run = python(format, paths[format], paths.jsonl);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${format} spans: ${built.spans}\n`);
    expect(run.status).toBe(0);
  });

  it('conll: every token is text[start:end] and every BIO column is well formed', () => {
    const run = python('conll', paths.conll, paths.jsonl);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^conll tokens: \d{3,}\n$/);
  });

  it('brat as the browser downloads it: a zip of the same folder', async () => {
    const zipPath = join(dir, 'downloaded-brat.zip');
    const out = createWriteStream(zipPath);
    await project.withSnapshot((reader) => exportDataset(reader, 'brat', out));
    out.end();
    await once(out, 'finish');
    expect(python('brat', zipPath, paths.jsonl)).toMatchObject({
      status: 0,
      stdout: `brat spans: ${built.spans}\n`,
    });
  });

  it('brat written to a path ending in .zip is that zip', async () => {
    const zipPath = join(dir, 'written-brat.zip');
    expect(await exportToFile(project, 'brat', zipPath)).toMatchObject({
      path: zipPath,
      documents: 4,
      spans: built.spans,
    });
    expect(python('brat', zipPath, paths.jsonl)).toMatchObject({
      status: 0,
      stdout: `brat spans: ${built.spans}\n`,
    });
  });

  it('the check fails on a span off by one UTF-16 unit (it can fail)', () => {
    const lines = readFileSync(paths.jsonl, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const span = lines[0].spans.find((s: { text: string }) => s.text === '👍🏽');
    span.text = lines[0].text.slice(span.start, span.end);
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, lines.map((l: unknown) => JSON.stringify(l)).join('\n') + '\n');
    const run = python('jsonl', broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.jsonl:1: span .*: text\[\d+:\d+\] is '👍🏽', not/);
  });
});

describe('the canonical JSONL', () => {
  it('validates line by line against resources/schemas/spanlight-jsonl.schema.json', () => {
    const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(
      JSON.parse(readFileSync(SCHEMA, 'utf8')),
    );
    const lines = readFileSync(paths.jsonl, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(validate(JSON.parse(line)), JSON.stringify(validate.errors)).toBe(true);
    // The schema can refuse: a line of another version, or a span without its text.
    const line = JSON.parse(lines[0]!);
    expect(validate({ ...line, schema: 'spanlight-jsonl/3' })).toBe(false);
    expect(validate({ ...line, spans: [{ ...line.spans[0], text: undefined }] })).toBe(false);
  });

  it('carries status, attributes, notes, annotators and links', () => {
    const [hard, crlf] = readFileSync(paths.jsonl, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(hard.status).toBe('done');
    expect(crlf.status).toBe('in_progress');
    expect(hard.relations.map((r: { type: string }) => r.type).sort()).toEqual(['denies', 'supports']);
    expect(hard.spans.find((s: { text: string }) => s.text === '٣٫٥').attributes).toEqual({
      value: 3.5,
      approximate: false,
    });
    expect(new Set(hard.spans.map((s: { annotator: string }) => s.annotator))).toEqual(new Set(['Rana']));
    expect(new Set(crlf.spans.map((s: { annotator: string }) => s.annotator))).toEqual(new Set(['Sam']));
  });
});

describe('round trips: importing an export gives back the same documents and spans', () => {
  it('jsonl: everything, and the same bytes when exported again', async () => {
    const copy = importInto(paths.jsonl);
    try {
      expect(view(copy)).toEqual(view(project));
      const again = new CollectingWritable();
      await exportDataset(copy, 'jsonl', again);
      expect(again.text).toBe(readFileSync(paths.jsonl, 'utf8'));
    } finally {
      copy.close();
    }
  });

  it('label-studio: everything (notes, attributes, annotators, links, status)', () => {
    const copy = importInto(paths['label-studio']);
    try {
      expect(view(copy)).toEqual(view(project));
    } finally {
      copy.close();
    }
  });

  it('brat: texts, spans without edge line breaks, notes, attributes typed by the label, links (no status, no annotator)', () => {
    const copy = importInto(paths.brat);
    try {
      const strip = (v: ReturnType<typeof view>) =>
        v
          .map(({ status: _s, spans, ...rest }) => ({
            ...rest,
            spans: spans.map(({ annotator: _a, ...s }) => s),
          }))
          .sort((a, b) => a.id.localeCompare(b.id));
      // brat cannot hold a line break at a span's edge: the export leaves it out, and says so.
      const withoutEdgeBreaks = (v: ReturnType<typeof view>) =>
        v.map((d) => {
          const points = Array.from(d.text);
          return {
            ...d,
            spans: d.spans.map((s) => {
              let [start, end] = [s.start, s.end];
              while (points[start] === '\n') start++;
              while (points[end - 1] === '\n') end--;
              return { ...s, start, end };
            }),
          };
        });
      expect(strip(view(copy))).toEqual(strip(withoutEdgeBreaks(view(project))));
      expect(summaries.brat.warnings).toEqual([
        'brat: spans that start or end on a line break are written without that line break',
      ]);
    } finally {
      copy.close();
    }
  });

  it.each(['doccano', 'spacy'] as const)('%s: texts, ids, titles and spans', (format) => {
    const copy = importInto(paths[format]);
    try {
      const strip = (v: ReturnType<typeof view>) =>
        v.map(({ id, title, text, spans }) => ({
          id,
          title,
          text,
          spans: spans.map(({ start, end, label }) => ({ start, end, label })),
        }));
      expect(strip(view(copy))).toEqual(strip(view(project)));
      if (format === 'spacy')
        expect(view(copy).map((d) => d.status)).toEqual(view(project).map((d) => d.status));
    } finally {
      copy.close();
    }
  });
});

describe('filters', () => {
  async function exportWith(format: ExportFormat, filter: object) {
    const out = new CollectingWritable();
    const counts = await exportDataset(project, format, out, { filter });
    return {
      counts,
      lines: out.text
        .trimEnd()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    };
  }

  it('by status keeps those documents', async () => {
    const { counts, lines } = await exportWith('jsonl', { statuses: ['done'] });
    expect(counts.documents).toBe(2);
    expect(lines.map((l) => l.status)).toEqual(['done', 'done']);
  });

  it('by label keeps those spans, and the links whose both ends are kept', async () => {
    const { lines } = await exportWith('jsonl', { labels: ['claim', 'denial'] });
    expect(lines).toHaveLength(4);
    const spans = lines.flatMap((l) => l.spans);
    expect(new Set(spans.map((s) => s.label))).toEqual(new Set(['claim', 'denial']));
    expect(lines.flatMap((l) => l.relations).map((r) => r.type)).toEqual(['denies']);
  });

  it("by annotator keeps that annotator's spans", async () => {
    const { counts, lines } = await exportWith('doccano', { annotator: 'Sam' });
    expect(counts).toMatchObject({ documents: 4, spans: 5 });
    expect(lines.filter((l) => l.label.length > 0).map((l) => l.id)).toEqual([
      built.documentIds.crlf,
      built.documentIds.long,
    ]);
  });
});

describe('an export that fails or is cancelled leaves nothing behind', () => {
  it.each(['jsonl', 'brat', 'qdpx'] as const)('%s cancelled after the first document', async (format) => {
    const target = temp.make();
    const path = join(target, format === 'brat' ? 'out' : `out${EXPORT_FORMAT_INFO[format].extension}`);
    const controller = new AbortController();
    await expect(
      exportToFile(project, format, path, {
        signal: controller.signal,
        onProgress: ({ done }) => done >= 1 && controller.abort(),
      }),
    ).rejects.toThrow(/abort/i);
    expect(readdirSync(target)).toEqual([]);
  });

  it('brat refuses a folder that holds files', async () => {
    await expect(exportToFile(project, 'brat', dir)).rejects.toThrow(/already exists/);
    expect(existsSync(join(dir, 'hard.spanlight'))).toBe(true);
  });
});
