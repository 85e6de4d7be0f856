import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '@shared/model';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import { Project } from '../project/project';
import {
  CollectingWritable,
  MIXED_TEXT,
  addDocument,
  codePointSlice,
  parseCsv,
  rangeOf,
  steppingClock,
  useTempDirs,
} from '../../../test/support/fixtures';
import { exportDataset, exportToFile } from './exporter';
import { CSV_COLUMNS, csvField, csvRow } from './formats';

const temp = useTempDirs();

const CHECK_OFFSETS = resolve(__dirname, '../../../scripts/check_offsets.py');

/** Needles of MIXED_TEXT to annotate: every kind of character whose code point and UTF-16 offsets differ. */
const MIXED_SPANS: Array<[needle: string, labelId: string]> = [
  ['😀', 'claim'],
  ['🇸🇾', 'claim'],
  ['👨‍👩‍👧', 'number'],
  ['المُقَاتِلٌ', 'denial'],
  ['الـــهجوم', 'claim'],
  ['𝟙𝟚𝟛', 'number'],
  ['👍🏽', 'claim'],
  ['"quoted, text"', 'denial'],
];

// A title and notes that need CSV quoting: commas, quotes, LF and CRLF.
const QUOTING_TEXT = 'Report, "Karabakh": 93 killed\nSources said 93 fighters were killed, others fled.';

interface ExportedLine {
  schema: string;
  id: string;
  title: string;
  status: string;
  text: string;
  meta: Record<string, string | null>;
  spans: Array<{
    id: string;
    start: number;
    end: number;
    label: string;
    text: string;
    note: string;
    attributes: object;
    annotator: string | null;
  }>;
  relations: Array<{ id: string; from: string; to: string; type: string }>;
}

let project: Project;
let mixedId: string;

/** A project with an emoji/Arabic document, a document needing CSV quoting, and one without spans. */
function buildProject(target: Project): void {
  mixedId = addDocument(target, MIXED_TEXT, 'mixed.txt');
  for (const [needle, labelId] of MIXED_SPANS) {
    target.annotationService.create({ documentId: mixedId, ...rangeOf(MIXED_TEXT, needle), labelId });
  }
  const quotingId = addDocument(target, QUOTING_TEXT, 'quoting.txt');
  target.annotationService.create({
    documentId: quotingId,
    ...rangeOf(QUOTING_TEXT, 'Sources said 93 fighters were killed'),
    labelId: 'claim',
    note: 'Attributed, "anonymous"\nsecond line\r\nthird line',
  });
  target.annotationService.create({
    documentId: quotingId,
    ...rangeOf(QUOTING_TEXT, '93 fighters'),
    labelId: 'number',
    note: ',',
  });
  addDocument(target, 'No spans here\nJust text.', 'plain.txt');
}

const SPAN_COUNT = MIXED_SPANS.length + 2;

async function exportText(source: Project, format: ExportFormat): Promise<string> {
  const out = new CollectingWritable();
  await source.withSnapshot((reader) => exportDataset(reader, format, out));
  return out.text;
}

const parseJsonl = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportedLine);

beforeEach(() => {
  project = Project.inMemory(steppingClock());
  buildProject(project);
});

afterEach(() => project.close());

describe('JSONL export', () => {
  it('writes one line per document with keys schema, id, title, status, text, meta, spans, relations in that order', async () => {
    const out = new CollectingWritable();
    const counts = await exportDataset(project, 'jsonl', out);
    expect(counts).toEqual({ documents: 3, spans: SPAN_COUNT, warnings: [] });
    expect(out.text.endsWith('\n')).toBe(true);
    const lines = parseJsonl(out.text);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        'schema',
        'id',
        'title',
        'status',
        'text',
        'meta',
        'spans',
        'relations',
      ]);
      expect(line.schema).toBe('spanlight-jsonl/2');
      for (const span of line.spans) {
        expect(Object.keys(span)).toEqual([
          'id',
          'start',
          'end',
          'label',
          'text',
          'note',
          'attributes',
          'annotator',
        ]);
      }
    }
    const documents = project.documents.list();
    expect(lines.map((l) => [l.id, l.title])).toEqual(documents.map((d) => [d.id, d.title]));
    expect(lines.map((l) => l.spans.length)).toEqual([MIXED_SPANS.length, 2, 0]);
    expect(lines[0]!.text).toBe(MIXED_TEXT);
  });

  it('writes spans in code points: every span text is Array.from(text).slice(start, end)', async () => {
    const [mixed] = parseJsonl(await exportText(project, 'jsonl'));
    expect(mixed!.spans.map((s) => s.text).sort()).toEqual(MIXED_SPANS.map(([needle]) => needle).sort());
    for (const span of mixed!.spans) {
      expect(span.text).toBe(codePointSlice(mixed!.text, span.start, span.end));
      expect(span.note).toBe('');
    }
    // Labels are written by name, spans sorted by position.
    expect(mixed!.spans.map((s) => s.label)).toEqual(
      [...MIXED_SPANS]
        .sort((a, b) => rangeOf(MIXED_TEXT, a[0]).start - rangeOf(MIXED_TEXT, b[0]).start)
        .map(([, l]) => l),
    );
  });
});

describe('CSV export', () => {
  it("writes the header, then one RFC 4180 row per span that parses back to the same values, the text on a document's first row", async () => {
    const csv = await exportText(project, 'csv');
    expect(
      csv.startsWith(
        'doc_id,title,span_id,start,end,label,text,note,annotator,status,attributes,file_name,outlet,published,url,language,external_id,meta_extra,document_text\r\n',
      ),
    ).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(SPAN_COUNT);

    const expected = parseJsonl(await exportText(project, 'jsonl')).flatMap((d) =>
      d.spans.map((s, i) => [
        d.id,
        d.title,
        s.id,
        String(s.start),
        String(s.end),
        s.label,
        s.text,
        s.note,
        s.annotator ?? '',
        d.status,
        JSON.stringify(s.attributes),
        ...['file_name', 'outlet', 'published', 'url', 'language', 'external_id'].map(
          (key) => d.meta[key] ?? '',
        ),
        '',
        i === 0 ? d.text : '',
      ]),
    );
    expect(rows).toEqual(expected);
    // The quoting was really needed and really done.
    expect(rows.some((row) => row[7] === 'Attributed, "anonymous"\nsecond line\r\nthird line')).toBe(true);
    expect(rows.some((row) => row[1] === 'Report, "Karabakh": 93 killed')).toBe(true);
    expect(csv).toContain('"Report, ""Karabakh"": 93 killed"');
    // A note that is only a comma is quoted.
    expect(csv).toContain(',",",');
  });

  it('quotes a field only when it holds a comma, quote, CR or LF', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(42)).toBe('42');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
    expect(csvField(' spaces ')).toBe(' spaces ');
  });
});

describe('exportToFile', () => {
  it('writes the same bytes as the stream export, through a file project snapshot, and leaves no temporary file', async () => {
    const dir = temp.make();
    const onDisk = Project.create(join(dir, 'export-me.spanlight'), steppingClock());
    try {
      buildProject(onDisk);
      for (const format of ['jsonl', 'csv'] as const) {
        const path = join(dir, `out.${format}`);
        const summary = await exportToFile(onDisk, format, path);
        expect(summary).toEqual({ path, documents: 3, spans: SPAN_COUNT, warningCount: 0 });
        expect(readFileSync(path, 'utf8')).toBe(await exportText(onDisk, format));
      }
      expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([]);
    } finally {
      onDisk.close();
    }
  });

  it('replaces an existing export only when the new one is complete', async () => {
    const dir = temp.make();
    const path = join(dir, 'out.jsonl');
    writeFileSync(path, 'old export\n');
    await exportToFile(project, 'jsonl', path);
    expect(readFileSync(path, 'utf8')).toBe(await exportText(project, 'jsonl'));
  });

  it('fails into a folder that does not exist, leaving nothing behind', async () => {
    const dir = temp.make();
    const path = join(dir, 'missing', 'out.jsonl');
    await expect(exportToFile(project, 'jsonl', path)).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

describe('round trip', () => {
  it('export JSONL, import it into a new project, export again: byte-identical, in both formats', async () => {
    // Add a label the new project lacks, so the round trip must recreate it.
    new Importer(project).importAll([
      sourceFromBytes(
        'extra.jsonl',
        Buffer.from(
          JSON.stringify({
            id: 'extra',
            text: 'Extra doc',
            spans: [{ id: 'q1', start: 0, end: 5, label: 'quote', note: 'n' }],
          }),
        ),
      ),
    ]);
    const first = { jsonl: await exportText(project, 'jsonl'), csv: await exportText(project, 'csv') };

    const copy = Project.inMemory();
    try {
      const report = new Importer(copy).importAll([
        sourceFromBytes('export.jsonl', Buffer.from(first.jsonl, 'utf8')),
      ]);
      expect(report.rejected).toEqual([]);
      expect(report.imported).toHaveLength(4);
      expect(await exportText(copy, 'jsonl')).toBe(first.jsonl);
      expect(await exportText(copy, 'csv')).toBe(first.csv);
    } finally {
      copy.close();
    }
  });

  it('regression: spans on the same range keep their order through a round trip whatever their creation times', async () => {
    // Two annotations of one range, the one with the larger id created first. An export ordered by creation
    // time put them one way round; the re-import gives both the same time, so it put them the other way.
    // The ids and times are chosen, so the rows are written as an import writes them (the import service takes
    // whole annotations), copying a real annotation.
    const documentId = project.documents.list()[2]!.id;
    const created = project.annotationService.create({ documentId, start: 0, end: 2, labelId: 'claim' })
      .upserted[0]!;
    project.annotationService.delete(created.id);
    const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
    project.transaction(() => {
      project.importService.addAnnotation({
        ...created,
        id: 'z-created-first',
        ...at('2024-01-01T00:00:00.000Z'),
      });
      project.importService.addAnnotation({
        ...created,
        id: 'a-created-later',
        labelId: 'number',
        ...at('2024-06-01T00:00:00.000Z'),
      });
    });
    const first = await exportText(project, 'jsonl');

    const copy = Project.inMemory();
    try {
      new Importer(copy).importAll([sourceFromBytes('export.jsonl', Buffer.from(first, 'utf8'))]);
      expect(await exportText(copy, 'jsonl')).toBe(first);
    } finally {
      copy.close();
    }
  });
});

describe('a Python consumer', () => {
  it('finds text[start:end] == span text for every span of the JSONL and CSV exports', async () => {
    const dir = temp.make();
    const jsonlPath = join(dir, 'export.jsonl');
    const csvPath = join(dir, 'export.csv');
    await exportToFile(project, 'jsonl', jsonlPath);
    await exportToFile(project, 'csv', csvPath);

    for (const [format, path] of [
      ['jsonl', jsonlPath],
      ['csv', csvPath],
    ]) {
      const run = spawnSync('python3', [CHECK_OFFSETS, format!, path!, jsonlPath], { encoding: 'utf8' });
      expect(run.error).toBeUndefined();
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${format} spans: ${SPAN_COUNT}\n`);
    }
  });

  it('fails the CSV check when a row has no document text to check it against', async () => {
    const path = join(temp.make(), 'cut.csv');
    // Without its header and the document's first row, the next row has nothing to be checked against.
    const [header, , ...rest] = parseCsv(await exportText(project, 'csv'));
    expect(rest[0]!.at(-1)).toBe('');
    writeFileSync(path, [header!, ...rest].map(csvRow).join(''));

    const run = spawnSync('python3', [CHECK_OFFSETS, 'csv', path], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cut\.csv: span .*: the first row of document .* has no document_text/);
  });

  it('fails the check when a span is off by one UTF-16 unit (the check can fail)', async () => {
    const dir = temp.make();
    const path = join(dir, 'broken.jsonl');
    const lines = parseJsonl(await exportText(project, 'jsonl'));
    // What a UTF-16 exporter would have written: the JS string slice, not the code point slice.
    const span = lines[0]!.spans.find((s) => s.text === '👍🏽')!;
    span.text = lines[0]!.text.slice(span.start, span.end);
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

    const run = spawnSync('python3', [CHECK_OFFSETS, 'jsonl', path], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.jsonl:1: span .*: text\[\d+:\d+\] is '👍🏽', not/);
  });
});
