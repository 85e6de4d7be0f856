/**
 * 1. Import 10,000 .txt articles into a new project through the real Importer, against the practical limit:
 * the same rows inserted with one prepared statement in one transaction, into the same schema (so the search
 * index triggers run in both). Also measured: the same Importer with files grouped into transactions of 500,
 * the change recommended in bench/README.md, to show what it would gain.
 */
import { join } from 'node:path';
import type { ImportReport } from '@shared/model';
import { decodeArticle } from '../../../src/main/import/decode';
import { Importer, emptyReport } from '../../../src/main/import/importer';
import { sourcesFromPaths, type ImportSource } from '../../../src/main/import/sources';
import { newDocument } from '../../../src/main/import/textDocument';
import { Project } from '../../../src/main/project/project';
import { articleCorpus, rememberCorpusProject } from '../fixtures.mts';
import type { BenchContext } from '../lib/context.mts';
import { timed } from '../lib/stats.mts';

const BATCH = 500;

function checkReport(report: ImportReport, expected: number): void {
  if (report.imported.length !== expected || report.rejected.length || report.skipped.length) {
    throw new Error(
      `import: expected ${expected} imported, got ${report.imported.length} imported, ${report.skipped.length} skipped, ${report.rejected.length} rejected`,
    );
  }
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export async function importSuite(ctx: BenchContext): Promise<void> {
  const corpus = await articleCorpus(ctx);
  const n = corpus.files.length;
  ctx.log(`import: ${n} articles, ${(corpus.bytes / 2 ** 20).toFixed(1)} MiB`);

  // Baseline: the same rows (computed beforehand, untimed), one statement, one transaction.
  const importedAt = new Date().toISOString();
  const rows = corpus.files.map((f) => newDocument(f.name, f.text, importedAt));
  const baselineProject = Project.create(join(ctx.work, 'import-baseline.spanlight'));
  const insert = baselineProject.db.prepare(
    `INSERT INTO documents (id, title, file_name, text, sha256, length, imported_at)
     VALUES (@id, @title, @fileName, @text, @sha256, @length, @importedAt)`,
  );
  const baseline = await timed(() => baselineProject.db.transaction(() => rows.forEach((row) => insert.run(row)))());
  baselineProject.close();

  // Reading and decoding alone, for the breakdown: what any import must pay before touching the database.
  const readDecode = await timed(() => {
    for (const source of sourcesFromPaths([corpus.dir]).sources) decodeArticle(source.read());
  });

  // The app's import, as the Import folder command runs it.
  const projectPath = join(ctx.work, 'corpus.spanlight');
  const project = Project.create(projectPath);
  const real = await timed(() => new Importer(project).importAll(sourcesFromPaths([corpus.dir]).sources));
  project.close();
  checkReport(real.value, n);
  rememberCorpusProject(ctx, projectPath);

  // Prototype of the recommended change: the same Importer, files grouped into one transaction per 500
  // (each file still its own savepoint, so a bad file is still rejected alone).
  const batchedProject = Project.create(join(ctx.work, 'import-batched.spanlight'));
  const batched = await timed(() => {
    const importer = new Importer(batchedProject);
    const report = emptyReport();
    const sources: ImportSource[] = sourcesFromPaths([corpus.dir]).sources;
    for (const chunk of chunks(sources, BATCH)) batchedProject.transaction(() => importer.importAll(chunk, report));
    return report;
  });
  batchedProject.close();
  checkReport(batched.value, n);

  const rate = (ms: number) => n / (ms / 1000);
  const limit = { label: '1 prepared INSERT, 1 transaction', value: rate(baseline.ms) };
  ctx.figures.push(
    { suite: 'import', name: `${n.toLocaleString('en-US')} .txt files, Importer`, value: rate(real.ms), unit: 'articles/s', better: 'higher', baseline: limit },
    {
      suite: 'import',
      name: `same, ${BATCH} files a transaction`,
      note: 'prototype of recommended change',
      value: rate(batched.ms),
      unit: 'articles/s',
      better: 'higher',
      baseline: limit,
    },
  );
  ctx.details.import = {
    articles: n,
    megabytes: corpus.bytes / 2 ** 20,
    ms: { importer: real.ms, importerBatched: batched.ms, baselineInsert: baseline.ms, readAndDecodeOnly: readDecode.ms },
    perArticleMs: { importer: real.ms / n, importerBatched: batched.ms / n, baselineInsert: baseline.ms / n },
  };
}
