/**
 * 2. Export 200,000 spans over 10,000 documents with the real exporter (exportToFile), in the formats of
 * BENCHED_FORMATS, against a baseline that only JSON.stringify's the same rows (those the canonical JSONL
 * export wrote, parsed back into memory) to the same file. Rates are the project's spans per second,
 * whatever a format can express of them.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_FORMAT_INFO } from '@shared/datasets';
import type { ExportFormat } from '@shared/model';
import { exportToFile } from '../../../src/core/export/exporter';
import { FORMAT_MODULES } from '../../../src/core/export/formats';
import { Project } from '../../../src/core/project/project';
import { corpusProjectWithSpans } from '../fixtures.mts';
import type { BenchContext } from '../lib/context.mts';
import { timed } from '../lib/stats.mts';

/** The formats measured, one line each. JSONL must stay: it is checked to hold every span, and its rows are
 * the baseline's. */
const BENCHED_FORMATS: ExportFormat[] = ['jsonl', 'csv', 'conll'];

/** Best of this many runs of each, so a stray disk flush does not decide a ratio. */
const RUNS = 2;

/** The baseline: JSON.stringify each row to the file, in chunks of 200 documents. */
async function stringifyToFile(rows: unknown[], path: string): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  for (let i = 0; i < rows.length; i += 200) {
    let chunk = '';
    for (const row of rows.slice(i, i + 200)) chunk += JSON.stringify(row) + '\n';
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function best(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) ms = Math.min(ms, (await timed(fn)).ms);
  return ms;
}

export async function exportSuite(ctx: BenchContext): Promise<void> {
  const { path, documents, spans } = await corpusProjectWithSpans(ctx);
  ctx.log(`export: ${documents} documents, ${spans} spans`);
  const formats = BENCHED_FORMATS.filter((f) => FORMAT_MODULES[f] !== undefined);
  const outputOf = (format: ExportFormat) => join(ctx.work, `dataset${EXPORT_FORMAT_INFO[format].extension}`);
  const ms: Record<string, number> = {};
  const written: Record<
    string,
    { documents: number; spans: number; warnings: number; megabytes: number | null }
  > = {};
  const project = Project.open(path);
  try {
    for (const format of formats) {
      const out = outputOf(format);
      ms[format] = await best(RUNS, async () => {
        rmSync(out, { recursive: true, force: true });
        const summary = await exportToFile(project, format, out);
        const stat = statSync(out);
        written[format] = {
          documents: summary.documents,
          spans: summary.spans,
          warnings: summary.warnings?.length ?? 0,
          megabytes: stat.isFile() ? stat.size / 2 ** 20 : null,
        };
        if (summary.documents !== documents || (format === 'jsonl' && summary.spans !== spans)) {
          throw new Error(
            `export ${format}: ${summary.documents} documents, ${summary.spans} spans; expected ${documents}, ${spans}`,
          );
        }
      });
    }
  } finally {
    project.close();
  }

  // The baseline: the very rows the canonical export wrote, parsed back (untimed), stringified to the same file.
  const jsonl = outputOf('jsonl');
  const rows = readFileSync(jsonl, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);
  ms.baseline = await best(RUNS, () => stringifyToFile(rows, jsonl));

  const rate = (value: number) => spans / (value / 1000);
  const baseline = { label: 'JSON.stringify of the same rows', value: rate(ms.baseline) };
  for (const format of formats) {
    ctx.figures.push({
      suite: 'export',
      name: `${spans.toLocaleString('en-US')} spans, ${format}`,
      note: written[format]?.megabytes ? `${written[format].megabytes.toFixed(0)} MB` : undefined,
      value: rate(ms[format]!),
      unit: 'spans/s',
      better: 'higher',
      baseline,
    });
  }
  ctx.details.export = {
    documents,
    spans,
    bestOfRuns: RUNS,
    ms,
    written,
    notBenched: BENCHED_FORMATS.filter((f) => !formats.includes(f)),
  };
}
