import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '@shared/model';
import { Project } from '../project/project';
import {
  SAMPLE_ARTICLES_DIR,
  changeLogOf,
  codePointSlice,
  rangeOf,
  sampleArticles,
  steppingClock,
  tableRows,
  useTempDirs,
  writeCounts,
} from '../../../test/support/fixtures';
import { Importer } from './importer';
import { sourceFromBytes, sourcesFromPaths, type ImportSource } from './sources';
import { inEnglish } from '../../../test/support/importProblems';

const temp = useTempDirs();

let project: Project;

beforeEach(() => {
  project = Project.inMemory(steppingClock());
});

afterEach(() => project.close());

function importSources(sources: ImportSource[]): ImportReport {
  return new Importer(project).importAll(sources);
}

const textSource = (name: string, text: string) => sourceFromBytes(name, Buffer.from(text, 'utf8'));
const jsonl = (...lines: unknown[]) =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

describe('plain text articles', () => {
  it('imports the six sample articles with their titles, exact text and sha256', () => {
    const { sources, problems } = sourcesFromPaths([SAMPLE_ARTICLES_DIR]);
    expect(problems).toEqual([]);
    expect(sources).toHaveLength(6);
    const report = importSources(sources);
    expect(report.rejected).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.imported).toHaveLength(6);

    sampleArticles().forEach((file, i) => {
      const imported = report.imported[i]!;
      expect(imported.fileName).toBe(join('articles', basename(file)));
      expect(imported.spans).toBe(0);
      const expectedText = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
      const expectedTitle = expectedText
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line !== '')!;
      const document = project.documents.get(imported.documentId)!;
      expect(document.text).toBe(expectedText);
      expect(document.title).toBe(expectedTitle);
      expect(imported.title).toBe(expectedTitle);
      expect(document.fileName).toBe(imported.fileName);
      expect(document.sha256).toBe(createHash('sha256').update(expectedText, 'utf8').digest('hex'));
      expect(document.length).toBe(Array.from(expectedText).length);
      expect(document.status).toBe('todo');
    });
    // Titles are trimmed: ar-01 ends its first line with a space, en-03 starts with one.
    expect(report.imported.every((f) => f.title === f.title.trim() && f.title !== '')).toBe(true);
    // Each import is in the change log, without the (large) text.
    const log = tableRows(project, 'change_log');
    expect(log.map((row) => [row.cause, row.entity, row.op])).toEqual(
      Array(6).fill(['import', 'document', 'insert']),
    );
    expect(JSON.parse(log[0]!.after as string)).not.toHaveProperty('text');
  });

  it('skips every sample article the second time, and the same text with CRLF line ends', () => {
    importSources(sourcesFromPaths([SAMPLE_ARTICLES_DIR]).sources);
    const counts = writeCounts(project);
    const again = importSources(sourcesFromPaths([SAMPLE_ARTICLES_DIR]).sources);
    expect(again.imported).toEqual([]);
    expect(again.rejected).toEqual([]);
    expect(again.skipped).toHaveLength(6);
    expect(again.skipped.every((s) => s.reason === 'already in the project (same text)')).toBe(true);

    const windows = readFileSync(sampleArticles()[2]!, 'utf8').replace(/\n/g, '\r\n');
    expect(inEnglish(importSources([textSource('windows.txt', windows)]).skipped)).toEqual([
      { fileName: 'windows.txt', reason: 'already in the project (same text)' },
    ]);
    expect(writeCounts(project)).toEqual(counts);
  });

  it('imports the good files of a batch and rejects each bad one with its reason', () => {
    const unreadable: ImportSource = {
      name: 'gone.txt',
      read: () => {
        throw new Error('EACCES: permission denied');
      },
    };
    const report = importSources([
      textSource('good-1.txt', 'First good\nBody.'),
      sourceFromBytes('latin1.txt', Buffer.from('Caf\u00e9 cr\u00e8me', 'latin1')),
      sourceFromBytes('empty.txt', new Uint8Array()),
      textSource('blank.txt', ' \n\t\r\n  '),
      sourceFromBytes('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d])),
      unreadable,
      textSource('good-2.txt', '\n\n  Second good  \nBody 😀.'),
    ]);
    expect(report.imported.map((f) => [f.fileName, f.title])).toEqual([
      ['good-1.txt', 'First good'],
      ['good-2.txt', 'Second good'],
    ]);
    expect(inEnglish(report.rejected)).toEqual([
      { fileName: 'latin1.txt', reason: 'it is not valid UTF-8 (first bad byte at offset 3)' },
      { fileName: 'empty.txt', reason: 'it is empty' },
      { fileName: 'blank.txt', reason: 'it holds only whitespace' },
      { fileName: 'image.txt', reason: 'it looks binary (a NUL byte at byte 4)' },
      { fileName: 'gone.txt', reason: 'it cannot be read (EACCES: permission denied)' },
    ]);
    expect(project.documents.count()).toBe(2);
  });
});

describe('canonical JSONL', () => {
  const TEXT_A = 'Ministry statement\nThe ministry said 12 😀 fighters fled.';
  const TEXT_B = 'مصادر: هروب المُقَاتِلِين\nقال المصدر إنّ 15 مقاتلاً انشقوا.';
  const B_15 = rangeOf(TEXT_B, '15').start;

  function goodFile(): string {
    return jsonl(
      {
        id: 'doc-a',
        title: 'A custom title',
        text: TEXT_A,
        spans: [
          {
            id: 'span-1',
            start: 19,
            end: 36,
            label: 'claim',
            text: codePointSlice(TEXT_A, 19, 36),
            note: 'attributed',
          },
          { id: 'span-2', start: 37, end: 39, label: 'number', text: '12' },
          // No text, a null note and a label the project does not have yet.
          { id: 'span-3', start: 40, end: 41, label: 'quote', note: null },
        ],
      },
      '',
      { id: 'doc-b', text: TEXT_B, spans: [{ start: B_15, end: B_15 + 2, label: 'number', text: '15' }] },
    );
  }

  it('imports documents with their ids, titles and spans, and creates unknown labels', () => {
    const report = importSources([textSource('data.jsonl', goodFile())]);
    expect(report.rejected).toEqual([]);
    expect(report.imported).toEqual([
      { fileName: 'data.jsonl:1', documentId: 'doc-a', title: 'A custom title', spans: 3 },
      // Without a title, the first line of the text is the title.
      { fileName: 'data.jsonl:3', documentId: 'doc-b', title: 'مصادر: هروب المُقَاتِلِين', spans: 1 },
    ]);
    expect(project.documents.get('doc-a')!.text).toBe(TEXT_A);

    const spans = project.annotations.listByDocument('doc-a').map((a) => ({
      id: a.id,
      start: a.start,
      end: a.end,
      labelId: a.labelId,
      note: a.note,
      text: codePointSlice(TEXT_A, a.start, a.end),
    }));
    expect(spans).toEqual([
      { id: 'span-1', start: 19, end: 36, labelId: 'claim', note: 'attributed', text: 'The ministry said' },
      { id: 'span-2', start: 37, end: 39, labelId: 'number', note: '', text: '12' },
      { id: 'span-3', start: 40, end: 41, labelId: 'quote', note: '', text: '😀' },
    ]);
    const [b] = project.annotations.listByDocument('doc-b');
    expect(b).toMatchObject({ labelId: 'number', start: B_15, end: B_15 + 2 });
    expect(b!.id).toMatch(/^[0-9a-f-]{36}$/);

    expect(project.labels.get('quote')).toEqual({
      id: 'quote',
      name: 'quote',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      hotkey: null,
      position: 3,
      attributes: [],
    });
    const spanLog = tableRows(project, 'change_log').filter((row) => row.entity === 'annotation');
    expect(spanLog).toHaveLength(4);
    expect(spanLog.every((row) => row.cause === 'import' && row.action_id === null)).toBe(true);
  });

  it('regression: a label the data brings has its change-log row, in the transaction of its file (it had none)', () => {
    importSources([textSource('data.jsonl', goodFile())]);
    const labelLog = changeLogOf(project).filter((row) => row.entity === 'label');
    expect(labelLog).toEqual([
      expect.objectContaining({
        cause: 'import',
        action_id: null,
        entity_id: 'quote',
        op: 'insert',
        before: null,
        after: project.labels.get('quote'),
      }),
    ]);
    // Logged before the annotation that uses it, as it was written.
    const log = changeLogOf(project);
    expect(log.findIndex((row) => row.entity_id === 'quote')).toBeLessThan(
      log.findIndex((row) => row.entity_id === 'span-3'),
    );
    // Data using the label again finds it, and logs no second label.
    importSources([
      textSource(
        'more.jsonl',
        jsonl({ text: 'Quoted again', spans: [{ start: 0, end: 6, label: 'quote' }] }),
      ),
    ]);
    expect(changeLogOf(project).filter((row) => row.entity === 'label')).toHaveLength(1);
  });

  it('gives a new id to a document or span whose id is taken, and skips a text already imported', () => {
    importSources([textSource('data.jsonl', goodFile())]);
    const report = importSources([
      textSource(
        'more.jsonl',
        jsonl(
          { id: 'doc-a', text: TEXT_A }, // same text: skipped
          {
            id: 'doc-a',
            text: 'Another text\nwith a taken id.',
            spans: [{ id: 'span-1', start: 0, end: 7, label: 'claim' }],
          },
        ),
      ),
    ]);
    expect(inEnglish(report.skipped)).toEqual([
      { fileName: 'more.jsonl:1', reason: 'already in the project (same text)' },
    ]);
    const [imported] = report.imported;
    expect(imported!.documentId).not.toBe('doc-a');
    const [span] = project.annotations.listByDocument(imported!.documentId);
    expect(span!.id).not.toBe('span-1');
    expect(project.annotations.get('span-1')!.documentId).toBe('doc-a');
  });

  it.each([
    ['a malformed line', '{"text": "Second line", "spans": [', /^bad\.jsonl:2: not valid JSON/],
    ['a line without text', { title: 'No text' }, /^bad\.jsonl:2: text: /],
    [
      'a span ending past the text',
      { text: 'a😀b', spans: [{ start: 0, end: 4, label: 'claim' }] },
      /^bad\.jsonl:2: span 1: end 4 is past the end of the text \(3 code points\)/,
    ],
    [
      'a span whose start is after its end',
      { text: 'abcdef', spans: [{ id: 's', start: 4, end: 2, label: 'claim' }] },
      /^bad\.jsonl:2: span 1 \(s\): start 4 is not before end 2/,
    ],
    [
      'a span with fractional offsets',
      { text: 'abcdef', spans: [{ start: 0.5, end: 2, label: 'claim' }] },
      /^bad\.jsonl:2: spans\.0\.start: /,
    ],
    [
      'a span whose text does not match (UTF-16 offsets)',
      { text: 'a😀bc', spans: [{ start: 3, end: 4, label: 'claim', text: 'b' }] },
      /^bad\.jsonl:2: span 1: its text "b" does not match the document text "c" at \[3, 4\)/,
    ],
  ])('rejects the whole file for %s, naming file:line, and writes nothing', (_name, secondLine, reason) => {
    const before = { counts: writeCounts(project), labels: project.labels.list() };
    // Line 1 is valid and uses a new label: neither it nor the label may land.
    const first = { id: 'ok', text: 'A valid first line', spans: [{ start: 0, end: 1, label: 'brand-new' }] };
    const report = importSources([textSource('bad.jsonl', jsonl(first, secondLine))]);
    expect(report.imported).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.fileName).toBe('bad.jsonl');
    expect(report.rejected[0]!.reason).toMatch(reason);
    expect({ counts: writeCounts(project), labels: project.labels.list() }).toEqual(before);
  });

  it('lists the problems of several lines, one a line', () => {
    const report = importSources([textSource('bad.jsonl', jsonl('nope', { text: 'ok' }, '[1,2]'))]);
    expect(report.rejected[0]!.reason.split('\n')).toEqual([
      expect.stringMatching(/^bad\.jsonl:1: not valid JSON/),
      expect.stringMatching(/^bad\.jsonl:3: /),
    ]);
    expect(project.documents.count()).toBe(0);
  });

  it('rejects a file that holds no documents', () => {
    expect(importSources([textSource('blank-lines.jsonl', '\n\n \n{}\n')]).rejected[0]!.reason).toMatch(
      /^blank-lines\.jsonl:4: text: /,
    );
    expect(importSources([textSource('nothing.jsonl', '[]')]).rejected[0]!.reason).toMatch(
      /^nothing\.jsonl:1: /,
    );
  });

  it('imports the good files of a batch when a JSONL file is rejected', () => {
    const report = importSources([
      textSource('bad.jsonl', jsonl({ text: 'x', spans: [{ start: 0, end: 2, label: 'claim' }] })),
      textSource('good.txt', 'Still imported\nyes.'),
    ]);
    expect(report.rejected.map((r) => r.fileName)).toEqual(['bad.jsonl']);
    expect(report.imported.map((r) => r.fileName)).toEqual(['good.txt']);
  });
});

describe('sourcesFromPaths', () => {
  it('walks folders recursively in name order, picking .txt and .jsonl and skipping hidden entries', () => {
    const root = join(temp.make(), 'corpus');
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'a.txt'), 'A\n');
    writeFileSync(join(root, 'b', 'deep', 'c.txt'), 'C\n');
    writeFileSync(join(root, 'b', 'data.jsonl'), '{"text":"D"}\n');
    writeFileSync(join(root, 'b', 'LOUD.TXT'), 'L\n');
    writeFileSync(join(root, 'notes.md'), 'not an article');
    writeFileSync(join(root, '.hidden.txt'), 'hidden');
    writeFileSync(join(root, '.git', 'x.txt'), 'hidden too');

    const { sources, problems } = sourcesFromPaths([root]);
    expect(problems).toEqual([]);
    expect(sources.map((s) => s.name)).toEqual([
      join('corpus', 'a.txt'),
      join('corpus', 'b', 'data.jsonl'),
      join('corpus', 'b', 'deep', 'c.txt'),
      join('corpus', 'b', 'LOUD.TXT'),
    ]);
    expect(Buffer.from(sources[2]!.read()).toString()).toBe('C\n');
  });

  it('takes a file path as it is and reports a missing path while keeping the others', () => {
    const dir = temp.make();
    const file = join(dir, 'article.md');
    writeFileSync(file, 'Picked by hand, so any extension goes\n');
    const missing = join(dir, 'missing.txt');
    const { sources, problems } = sourcesFromPaths([missing, file]);
    expect(inEnglish(problems)).toEqual([{ fileName: missing, reason: 'it does not exist' }]);
    expect(sources.map((s) => s.name)).toEqual(['article.md']);
    expect(importSources(sources).imported).toHaveLength(1);
  });
});
