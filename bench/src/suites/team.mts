/**
 * 6. Working as a team, at the scale: the agreement report over 10,000 documents × 3 annotators ×
 * 20 spans each, and a merge of one annotator's 200,000 spans (a canonical JSONL export) into the project;
 * each beside the time to only read the same spans from SQLite.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '@shared/model';
import { projectAgreement } from '../../../src/core/agreement/projectAgreement';
import { jsonlMergeSource } from '../../../src/core/import/mergeSources';
import { orderedId } from '../../../src/core/ids/orderedId';
import { Project } from '../../../src/core/project/project';
import { SPANS_PER_ARTICLE, corpusProject } from '../fixtures.mts';
import { generateSpans } from '../lib/corpus.mts';
import type { BenchContext } from '../lib/context.mts';
import { Random } from '../lib/random.mts';
import { timed } from '../lib/stats.mts';

const TEAM = ['Ana', 'Ben', 'Chen'];

/** A's spans, and B's and C's as A's with some moved, dropped or relabelled: agreement worth measuring. */
function teamSpans(random: Random, text: string) {
  const base = generateSpans(random, text, SPANS_PER_ARTICLE);
  return TEAM.map((annotator, i) =>
    base.map((span) => {
      if (i === 0 || random.next() > 0.2) return { ...span, annotator };
      const shift = Math.floor(random.next() * 3);
      return { ...span, start: Math.max(0, span.start - shift), annotator };
    }),
  );
}

export async function teamSuite(ctx: BenchContext): Promise<void> {
  const corpus = await corpusProject(ctx);
  const path = join(ctx.work, 'team.spanlight');
  const copy = new Database(corpus, { readonly: true });
  await copy.backup(path);
  copy.close();

  const random = new Random(ctx.seed + 6);
  const project = Project.open(path);
  const at = new Date().toISOString();
  let spans = 0;
  const mergeLines: string[] = [];
  project.transaction(() => {
    for (let after = 0; ;) {
      const page = project.documents.page(after, 500);
      if (page.length === 0) break;
      for (const document of page) {
        for (const layer of teamSpans(random, document.text))
          for (const span of layer) {
            const annotation: Annotation = {
              id: random.uuid(),
              documentId: document.id,
              labelId: span.label,
              start: span.start,
              end: span.end,
              note: '',
              attributes: {},
              annotator: span.annotator,
              createdAt: at,
              updatedAt: at,
            };
            project.importService.addAnnotation(annotation);
            spans++;
          }
        // A fourth annotator's work, exported elsewhere, to merge in.
        const theirs = generateSpans(random, document.text, SPANS_PER_ARTICLE).map((s) => ({
          ...s,
          annotator: 'Dara',
        }));
        mergeLines.push(JSON.stringify({ text: document.text, spans: theirs }));
      }
      after = page[page.length - 1]!.rowid;
    }
  });
  const documents = project.documents.count();
  ctx.log(`team: ${documents} documents, ${spans} spans by ${TEAM.length} annotators`);

  const readAll = () =>
    project.db.prepare('SELECT document_id, label_id, start, "end", annotator FROM annotations').raw().all()
      .length;
  const read = await timed(readAll);
  const agreement = await timed(() => projectAgreement(project, { annotators: TEAM }));
  ctx.figures.push({
    suite: 'team',
    name: `agreement report, ${documents.toLocaleString('en-US')} documents × ${TEAM.length} annotators × ${SPANS_PER_ARTICLE} spans`,
    value: agreement.ms,
    unit: 'ms',
    better: 'lower',
    baseline: {
      label: `reading the same ${read.value.toLocaleString('en-US')} spans from SQLite`,
      value: read.ms,
    },
  });

  const source = join(ctx.work, 'dara.jsonl');
  writeFileSync(source, mergeLines.join('\n') + '\n');
  const incoming = mergeLines.length * SPANS_PER_ARTICLE;
  const merge = await timed(() => project.mergeService.merge(source, jsonlMergeSource(source).documents));
  const readMerged = await timed(
    () =>
      project.db
        .prepare(`SELECT document_id, label_id, start, "end" FROM annotations WHERE annotator = 'Dara'`)
        .raw()
        .all().length,
  );
  if (readMerged.value !== incoming) throw new Error(`team: merged ${readMerged.value} spans of ${incoming}`);
  ctx.figures.push({
    suite: 'team',
    name: `merge of one annotator's ${incoming.toLocaleString('en-US')} spans (JSONL)`,
    value: incoming / (merge.ms / 1000),
    unit: 'spans/s',
    better: 'higher',
    baseline: { label: 'reading the same spans from SQLite', value: incoming / (readMerged.ms / 1000) },
  });
  // The practical limit of any merge that stores spans as rows: the same rows inserted with one prepared
  // statement in one committed transaction (time-ordered ids, as the merge makes them), deleted again untimed.
  const rows = project.db
    .prepare(
      `SELECT document_id, label_id, start, "end", note, attributes, created_at FROM annotations
       WHERE annotator = 'Dara'`,
    )
    .raw()
    .all() as Array<[string, string, number, number, string, string, string]>;
  const insert = project.db.prepare(
    `INSERT INTO annotations (id, document_id, label_id, start, "end", note, attributes, annotator, created_at,
       updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Dara-copy', ?, ?)`,
  );
  // With the page cache the merge gives itself (MERGE_CACHE_KIB in mergeService.ts).
  const cacheSize = project.db.pragma('cache_size', { simple: true }) as number;
  project.db.pragma('cache_size = -131072');
  const bareInsert = await timed(() => {
    project.db.transaction(() => {
      for (const [documentId, labelId, start, end, note, attributes, at] of rows)
        insert.run(orderedId(), documentId, labelId, start, end, note, attributes, at, at);
    })();
    return rows.length;
  });
  project.db.pragma(`cache_size = ${cacheSize}`);
  project.db.prepare(`DELETE FROM annotations WHERE annotator = 'Dara-copy'`).run();
  ctx.figures.push({
    suite: 'team',
    name: `merge of one annotator's ${incoming.toLocaleString('en-US')} spans, against the insert limit`,
    value: incoming / (merge.ms / 1000),
    unit: 'spans/s',
    better: 'higher',
    baseline: {
      label: 'inserting the same rows: 1 prepared INSERT, 1 transaction',
      value: incoming / (bareInsert.ms / 1000),
    },
  });
  ctx.details.team = {
    documents,
    spans,
    agreementMs: agreement.ms,
    readMs: read.ms,
    mergeMs: merge.ms,
    readMergedMs: readMerged.ms,
    bareInsertMs: bareInsert.ms,
    report: agreement.value.report.labels,
  };
  project.close();
}
