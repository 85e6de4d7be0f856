/**
 * 1. Import 10,000 .txt articles into a new project through the real Importer, against the practical limit:
 * the same rows inserted with one prepared statement in one transaction, into the same schema (so the search
 * index triggers run in both).
 */
import { join } from 'node:path';
import type { ImportReport } from '@shared/model';
import { decodeArticle } from '../../../src/core/import/decode';
import { Importer } from '../../../src/core/import/importer';
import { sourcesFromPaths } from '../../../src/core/import/sources';
import { newDocument } from '../../../src/core/import/textDocument';
import { Project } from '../../../src/core/project/project';
import { articleCorpus, rememberCorpusProject } from '../fixtures.mts';
import type { BenchContext } from '../lib/context.mts';
import { timed } from '../lib/stats.mts';

function checkReport(report: ImportReport, expected: number): void {
  if (report.imported.length !== expected || report.rejected.length || report.skipped.length) {
    throw new Error(
      `import: expected ${expected} imported, got ${report.imported.length} imported, ${report.skipped.length} skipped, ${report.rejected.length} rejected`,
    );
  }
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
  const baseline = await timed(() =>
    baselineProject.db.transaction(() => rows.forEach((row) => insert.run(row)))(),
  );
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

  const rate = (ms: number) => n / (ms / 1000);
  const limit = { label: '1 prepared INSERT, 1 transaction', value: rate(baseline.ms) };
  ctx.figures.push({
    suite: 'import',
    name: `${n.toLocaleString('en-US')} .txt files, Importer`,
    value: rate(real.ms),
    unit: 'articles/s',
    better: 'higher',
    baseline: limit,
  });
  ctx.details.import = {
    articles: n,
    megabytes: corpus.bytes / 2 ** 20,
    ms: { importer: real.ms, baselineInsert: baseline.ms, readAndDecodeOnly: readDecode.ms },
    perArticleMs: { importer: real.ms / n, baselineInsert: baseline.ms / n },
  };
}
