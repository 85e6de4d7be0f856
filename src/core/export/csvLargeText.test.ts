/**
 * A long article in `document_text` (quotes, commas, CRLF, Arabic, emoji) and many rows of one document come
 * back whole from the CSV writer (formats/csv.ts), read by an independent CSV reader.
 */
import { describe, expect, it } from 'vitest';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import { Project } from '../project/project';
import { CollectingWritable, parseCsv, steppingClock } from '../../../test/support/fixtures';
import { exportDataset } from './exporter';

describe('CSV export of large documents', () => {
  it('writes a 300 KB text and 500 spans of one document exactly', async () => {
    const text = 'قال المتحدث "لا" 😀, then a line\r\nand more. '.repeat(7000);
    const spans = Array.from({ length: 500 }, (_, i) => ({ start: i * 10, end: i * 10 + 5, label: 'claim' }));
    const project = Project.inMemory(steppingClock());
    const line = JSON.stringify({ id: 'long', text, spans });
    const report = new Importer(project).importAll([sourceFromBytes('long.jsonl', Buffer.from(line))]);
    expect(report.rejected).toEqual([]);
    const out = new CollectingWritable();
    await project.withSnapshot((reader) => exportDataset(reader, 'csv', out));
    project.close();
    const [, ...rows] = parseCsv(out.text);
    expect(rows).toHaveLength(500);
    expect(rows[0]!.at(-1)).toBe(text);
    expect(rows.slice(1).every((row) => row.at(-1) === '')).toBe(true);
    expect(rows.map((row) => Number(row[3]))).toEqual(spans.map((s) => s.start));
  });
});
