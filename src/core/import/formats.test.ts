/**
 * Reading every import format: what each accepts, and bad files rejected whole with `file:line: reason`
 * while nothing of them lands.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@shared/contract';
import type { ImportOptions } from '@shared/datasets';
import { Project } from '../project/project';
import { rangeOf, steppingClock, useTempDirs, writeCounts } from '../../../test/support/fixtures';
import { Importer, emptyReport } from './importer';
import { sourceFromBytes, sourcesFromPaths, type ImportSource } from './sources';
import { inEnglish } from '../../../test/support/importProblems';

const utf8 = (name: string, text: string) => sourceFromBytes(name, Buffer.from(text, 'utf8'));

function run(sources: ImportSource[], options: Partial<ImportOptions> = {}) {
  const project = Project.inMemory(steppingClock());
  const before = writeCounts(project);
  const report = new Importer(project, options).importAll(sources);
  return { project, report, before };
}

/** Imports one bad file and checks it is rejected with exactly these problems, and that nothing landed. */
function expectRejected(
  source: ImportSource,
  problems: Array<string | RegExp>,
  options: Partial<ImportOptions> = {},
) {
  const { project, report, before } = run([source], options);
  try {
    expect(report.imported).toEqual([]);
    expect(report.rejected).toHaveLength(1);
    const lines = inEnglish(report.rejected)[0]!.reason.split('\n');
    expect(lines).toHaveLength(problems.length);
    problems.forEach((p, i) =>
      typeof p === 'string' ? expect(lines[i]).toBe(p) : expect(lines[i]).toMatch(p),
    );
    expect(writeCounts(project)).toEqual(before);
  } finally {
    project.close();
  }
}

const jsonl = (...lines: unknown[]) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

describe('Spanlight JSONL', () => {
  it('rejects a file with a syntax error, an end past the text, start after end, or a text that does not match', () => {
    expectRejected(
      utf8(
        'bad.jsonl',
        jsonl(
          { text: 'good line', spans: [{ start: 0, end: 4, label: 'claim' }] },
          '{"text": "broken",',
          { text: 'abc', spans: [{ start: 0, end: 9, label: 'claim' }] },
          { text: 'abc', spans: [{ start: 2, end: 1, label: 'claim' }] },
          { text: 'a 😀 b', spans: [{ start: 2, end: 3, label: 'claim', text: 'x' }] },
          { text: 'abc', relations: [{ from: 'nope', to: 'nada', type: 'denies' }] },
          { schema: 'spanlight-jsonl/9', text: 'abc' },
        ),
      ),
      [
        /^bad\.jsonl:2: not valid JSON/,
        'bad.jsonl:3: span 1: end 9 is past the end of the text (3 code points)',
        'bad.jsonl:4: span 1: start 2 is not before end 1',
        'bad.jsonl:5: span 1: its text "x" does not match the document text "😀" at [2, 3)',
        'bad.jsonl:6: link 1 (denies): no span "nope" in this document',
        'bad.jsonl:6: link 1 (denies): no span "nada" in this document',
        /^bad\.jsonl:7: schema "spanlight-jsonl\/9" is not "spanlight-jsonl\/2"/,
      ],
    );
  });

  it('reads a UTF-16 file with a BOM; rejects other bytes that are not UTF-8 with the byte offset', () => {
    const text = jsonl({
      id: 'u16',
      text: 'نص 😀',
      spans: [{ start: 3, end: 4, label: 'claim', text: '😀' }],
    });
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { project, report } = run([sourceFromBytes('utf16.jsonl', bytes)]);
    expect(report.imported).toEqual([
      expect.objectContaining({ fileName: 'utf16.jsonl:1', documentId: 'u16', spans: 1 }),
    ]);
    project.close();
    const latin1 = Buffer.concat([
      Buffer.from('{"text": "caf', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n'),
    ]);
    const bad = run([sourceFromBytes('latin1.jsonl', latin1)]);
    expect(inEnglish(bad.report.rejected)).toEqual([
      { fileName: 'latin1.jsonl', reason: 'it is not valid UTF-8 (first bad byte at offset 13)' },
    ]);
    bad.project.close();
  });

  it('keeps status, annotators, attributes and links', () => {
    const { project, report } = run([
      utf8(
        'full.jsonl',
        jsonl({
          schema: 'spanlight-jsonl/2',
          id: 'd1',
          status: 'done',
          text: 'They said 3 fell. They denied it.',
          spans: [
            {
              id: 's1',
              start: 0,
              end: 17,
              label: 'claim',
              annotator: 'Ana',
              attributes: { stance: 'reports' },
            },
            { id: 's2', start: 10, end: 11, label: 'number', annotator: null, attributes: { value: 3 } },
            { id: 's3', start: 18, end: 33, label: 'denial' },
          ],
          relations: [{ id: 'r1', from: 's3', to: 's1', type: 'denies' }],
        }),
      ),
    ]);
    expect(report.rejected).toEqual([]);
    expect(project.documents.summary('d1')!.status).toBe('done');
    expect(project.annotations.get('s1')).toMatchObject({
      annotator: 'Ana',
      attributes: { stance: 'reports' },
    });
    expect(project.annotations.get('s2')).toMatchObject({ annotator: null, attributes: { value: 3 } });
    expect(project.relations.listByDocument('d1')).toEqual([
      expect.objectContaining({ id: 'r1', fromId: 's3', toId: 's1', type: 'denies' }),
    ]);
    project.close();
  });

  it('names layers as the app does: an annotator trimmed, a blank one as none, a name too long refused', () => {
    const { project, report } = run([
      utf8(
        'names.jsonl',
        jsonl({
          id: 'd1',
          text: 'They said 3 fell. They denied it.',
          spans: [
            { id: 's1', start: 0, end: 4, label: 'claim', annotator: '  Ana ' },
            { id: 's2', start: 10, end: 11, label: 'number', annotator: '   ' },
          ],
        }),
      ),
    ]);
    expect(report.rejected).toEqual([]);
    expect(project.annotations.get('s1')).toMatchObject({ annotator: 'Ana' });
    expect(project.annotations.get('s2')).toMatchObject({ annotator: null });
    project.close();
    expectRejected(
      utf8(
        'long.jsonl',
        jsonl({ text: 'abc', spans: [{ start: 0, end: 1, label: 'claim', annotator: 'x'.repeat(101) }] }),
      ),
      [`long.jsonl:1: span 1: annotator "${'x'.repeat(40)}"…: it is longer than 100 characters`],
    );
  });
});

describe('doccano', () => {
  it('reads the label form and the entities/relations form', () => {
    const { project, report } = run([
      utf8(
        'doccano.jsonl',
        jsonl(
          {
            id: 7,
            text: 'Troops 😀 left',
            label: [
              [0, 6, 'claim'],
              [7, 8, 'number'],
            ],
          },
          {
            text: 'A denied B',
            entities: [
              { id: 1, label: 'claim', start_offset: 0, end_offset: 1 },
              { id: 2, label: 'denial', start_offset: 2, end_offset: 8 },
            ],
            relations: [{ id: 3, from_id: 2, to_id: 1, type: 'denies' }],
          },
        ),
      ),
    ]);
    expect(report.rejected).toEqual([]);
    expect(report.imported.map((i) => [i.fileName, i.spans])).toEqual([
      ['doccano.jsonl:1', 2],
      ['doccano.jsonl:2', 2],
    ]);
    expect(project.documents.summary('7')).toBeDefined();
    expect(project.relations.listByDocument(report.imported[1]!.documentId).map((r) => r.type)).toEqual([
      'denies',
    ]);
    project.close();
  });

  it('rejects an offset past the text with its line', () => {
    expectRejected(
      utf8(
        'd.jsonl',
        jsonl({ text: 'ok', label: [[0, 2, 'claim']] }, { text: 'abc', label: [[1, 7, 'claim']] }),
      ),
      ['d.jsonl:2: span 1 (#0): end 7 is past the end of the text (3 code points)'],
    );
  });
});

describe('Label Studio', () => {
  const task = (text: string, value: object) => ({
    data: { text },
    annotations: [{ result: [{ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value }] }],
  });

  it('reads tasks, reporting each at the line where it starts', () => {
    const content =
      '[\n' +
      JSON.stringify(task('a 😀 b', { start: 2, end: 3, text: '😀', labels: ['claim'] })) +
      ',\n' +
      JSON.stringify(task('xyz', { start: 0, end: 2, text: 'yz', labels: ['claim'] })) +
      '\n]';
    expectRejected(utf8('ls.json', content), [
      'ls.json:3: span 1 (r1): its text "yz" does not match the document text "xy" at [0, 2)',
    ]);
    const good = run([
      utf8('ls.json', JSON.stringify([task('a 😀 b', { start: 2, end: 3, text: '😀', labels: ['claim'] })])),
    ]);
    expect(good.report.imported).toEqual([expect.objectContaining({ fileName: 'ls.json:1', spans: 1 })]);
    good.project.close();
  });

  it('rejects an array that is not closed, and a task without text', () => {
    expectRejected(
      utf8('open.json', '[' + JSON.stringify(task('abc', { start: 0, end: 1, labels: ['claim'] }))),
      ['open.json:1: the array of tasks is not closed with ]'],
    );
    expectRejected(utf8('notext.json', '[{"data": {"n": 1}, "annotations": []}]'), [
      'notext.json:1: the task has no text in data',
    ]);
  });
});

describe('brat', () => {
  const pair = (txt: string | Buffer, ann: string) => [
    sourceFromBytes('corpus/doc1.txt', typeof txt === 'string' ? Buffer.from(txt) : txt),
    utf8('corpus/doc1.ann', ann),
  ];

  it('reads a pair; a CRLF text is stored with LF and its spans move with it', () => {
    const txt = 'Title\r\nThe army said 3 fell.\r\n';
    const { project, report } = run(
      pair(
        txt,
        'T1\tclaim 7 27\tThe army said 3 fell\nT2\tnumber 21 22\t3\nA1\tvalue T2 3\n#1\tAnnotatorNotes T1\tline\\none\nR1\tsupports Arg1:T2 Arg2:T1\n',
      ),
    );
    expect(report.rejected).toEqual([]);
    const id = report.imported[0]!.documentId;
    expect(id).toBe('doc1');
    const text = project.documents.get(id)!.text;
    expect(text).toBe('Title\nThe army said 3 fell.\n');
    const spans = project.annotations.listByDocument(id);
    expect(spans.map((s) => [s.start, s.end])).toEqual(
      [rangeOf(text, 'The army said 3 fell'), rangeOf(text, '3')].map((r) => [r.start, r.end]),
    );
    expect(spans[0]!.note).toBe('line\none');
    expect(spans[1]!.attributes).toEqual({ value: 3 });
    project.close();
  });

  it('rejects a text that does not match, a discontinuous span and a line it cannot read, nothing landing', () => {
    const { project, report, before } = run(
      pair(
        'one two three',
        'T1\tclaim 0 3\tone\nT2\tclaim 0 3;8 13\tone three\nT3\tclaim 4 7\ttwx\nX1 what\n',
      ),
    );
    expect(inEnglish(report.rejected)).toEqual([
      {
        fileName: 'corpus/doc1.txt',
        reason: [
          'corpus/doc1.ann:2: T2: a discontinuous span (text between its fragments) cannot be imported',
          'corpus/doc1.ann:3: T3: its text "twx" does not match the text there "two"',
          'corpus/doc1.ann:4: not a brat standoff line: "X1 what"',
        ].join('\n'),
      },
    ]);
    expect(writeCounts(project)).toEqual(before);
    project.close();
  });

  it('regression: a label name or link type the app could not take is rejected, as in the label dialog (one rule for both)', () => {
    const long = 'x'.repeat(61);
    const { project, report, before } = run(
      pair('one two', `T1\t${long} 0 3\tone\nT2\tclaim 4 7\ttwo\nR1\t${'y'.repeat(51)} Arg1:T1 Arg2:T2\n`),
    );
    expect(inEnglish(report.rejected)).toEqual([
      {
        fileName: 'corpus/doc1.txt',
        reason: [
          // A long value is named by its first 40 characters (parsed.ts).
          // The span's problem names its .ann line; problems are listed in line order, the link's (no line) first.
          `corpus/doc1.ann: link 1: type "${'y'.repeat(40)}"…: it is longer than 50 characters`,
          `corpus/doc1.ann:1: span 1 (T1): label "${'x'.repeat(40)}"…: it is longer than 60 characters`,
        ].join('\n'),
      },
    ]);
    expect(writeCounts(project)).toEqual(before);
    project.close();

    const longest = 'x'.repeat(60);
    const accepted = run(pair('one two', `T1\t${longest} 0 3\tone\n`));
    expect(accepted.report.rejected).toEqual([]);
    expect(accepted.project.labels.byName(longest)).toMatchObject({ name: longest });
    accepted.project.close();
  });

  it('rejects an .ann without its .txt', () => {
    const { report } = run([utf8('lonely.ann', 'T1\tclaim 0 1\tx\n')]);
    expect(inEnglish(report.rejected)).toEqual([
      { fileName: 'lonely.ann', reason: 'a brat .ann file needs the .txt of the same name beside it' },
    ]);
  });
});

describe('CSV of documents', () => {
  const csv =
    'id,headline,body\r\na1,First,"Line one\r\nline two, with comma"\r\na2,Second,"He said ""no"""\r\n';

  it('reads the chosen text, title and id columns', () => {
    const { project, report } = run([utf8('articles.csv', csv)], {
      format: 'csv',
      csv: { textColumn: 'body', titleColumn: 'headline', idColumn: 'id' },
    });
    expect(report.rejected).toEqual([]);
    expect(report.imported.map((i) => [i.fileName, i.documentId, i.title])).toEqual([
      ['articles.csv:2', 'a1', 'First'],
      ['articles.csv:4', 'a2', 'Second'],
    ]);
    expect(project.documents.get('a1')!.text).toBe('Line one\nline two, with comma');
    expect(project.documents.get('a2')!.text).toBe('He said "no"');
    project.close();
  });

  it('rejects a missing column, an unclosed quote, a short row', () => {
    expectRejected(utf8('a.csv', csv), ['a.csv:1: no text column "text" (columns: id, headline, body)'], {
      format: 'csv',
    });
    expectRejected(utf8('b.csv', 'text\nok\n"never closed\n'), ['b.csv:3: a quoted field is not closed'], {
      format: 'csv',
    });
    // "1 fields" until the message came from the catalogue, which has the plural forms.
    expectRejected(utf8('c.csv', 'id,text\n1,fine\n2\n'), ['c.csv:3: 1 field, the header has 2'], {
      format: 'csv',
    });
  });
});

describe('cancelling an import', () => {
  it('keeps the files done before the cancel and nothing of the file it was reading', async () => {
    const project = Project.inMemory(steppingClock());
    const controller = new AbortController();
    const sources = [
      utf8('one.txt', 'First article'),
      utf8('two.jsonl', jsonl({ text: 'Second', spans: [{ start: 0, end: 6, label: 'claim' }] })),
      utf8('three.txt', 'Third'),
    ];
    const report = emptyReport();
    const importing = new Importer(project).importAllAsync(sources, report, {
      signal: controller.signal,
      onProgress: ({ phase }) => phase === 'Writing two.jsonl' && controller.abort(),
    });
    await expect(importing).rejects.toThrow(/abort/i);
    expect(report.imported.map((i) => i.fileName)).toEqual(['one.txt']);
    expect(project.documents.list().map((d) => d.title)).toEqual(['First article']);
    expect(project.annotations.listByLabel('claim')).toEqual([]);
    project.close();
  });
});

describe('JSON Lines files on disk, read a line at a time', () => {
  const temp = useTempDirs();

  function onDisk(name: string, content: string | Buffer): ImportSource[] {
    const dir = temp.make();
    writeFileSync(join(dir, name), content);
    return sourcesFromPaths([join(dir, name)]).sources;
  }

  it('reports the same problems with the same lines, and nothing lands', () => {
    const content = jsonl(
      { text: 'good line', spans: [{ start: 0, end: 4, label: 'claim' }] },
      '{"text": "broken",',
      { text: 'abc', spans: [{ start: 0, end: 9, label: 'claim' }] },
      { text: 'a 😀 b', spans: [{ start: 2, end: 3, label: 'claim', text: 'x' }] },
    );
    const [source] = onDisk('bad.jsonl', content);
    expect(source!.path).toBeDefined();
    expectRejected(source!, [
      /^bad\.jsonl:2: not valid JSON/,
      'bad.jsonl:3: span 1: end 9 is past the end of the text (3 code points)',
      'bad.jsonl:4: span 1: its text "x" does not match the document text "😀" at [2, 3)',
    ]);
  });

  it('gives the byte offset of the first bad byte in the whole file; a UTF-8 BOM and CRLF line ends are fine', () => {
    const good = jsonl({ text: 'first' }) + '{"text": "caf';
    const [bad] = onDisk(
      'latin1.jsonl',
      Buffer.concat([Buffer.from(good), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    );
    expectRejected(bad!, [`it is not valid UTF-8 (first bad byte at offset ${Buffer.byteLength(good)})`]);
    const [bom] = onDisk(
      'bom.jsonl',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('{"id": "x", "text": "ok"}\r\n{"text": "two", "label": []}\r\n'),
      ]),
    );
    const { project, report } = run([bom!]);
    expect(report.imported.map((i) => [i.fileName, i.documentId])).toEqual([
      ['bom.jsonl:1', 'x'],
      ['bom.jsonl:2', expect.any(String)],
    ]);
    project.close();
  });

  it('a file that would take the project past LIMITS.labels is rejected whole; the next file lands', () => {
    const labels = Array.from({ length: LIMITS.labels }, (_, i) => ({ start: 0, end: 3, label: `L${i}` }));
    const sources = [
      ...onDisk('many.jsonl', jsonl({ text: 'fine', spans: [] }, { text: 'too many labels', spans: labels })),
      ...onDisk('next.txt', 'Next article'),
    ];
    const { project, report, before } = run(sources);
    const defaults = before.labels!;
    expect(inEnglish(report.rejected)).toEqual([
      {
        fileName: 'many.jsonl',
        reason: `many.jsonl:2: label "L${LIMITS.labels - defaults}" would be label ${LIMITS.labels + 1}; a project holds at most ${LIMITS.labels} (as many as the app can reorder)`,
      },
    ]);
    expect(report.imported.map((i) => i.fileName)).toEqual(['next.txt']);
    expect(project.documents.list().map((d) => d.title)).toEqual(['Next article']);
    expect(project.labels.list()).toHaveLength(defaults);
    project.close();
  });

  it('tells doccano from Spanlight by the first line', () => {
    const [source] = onDisk('d.jsonl', jsonl({ text: 'Troops left', label: [[0, 6, 'claim']] }));
    const { project, report } = run([source!]);
    expect(report.imported).toEqual([expect.objectContaining({ fileName: 'd.jsonl:1', spans: 1 })]);
    project.close();
  });

  it('a cancel while checking the lines leaves nothing of the file', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => ({
      text: `Document ${i}`,
      spans: [{ start: 0, end: 8, label: 'claim' }],
    }));
    const sources = [...onDisk('first.txt', 'First article'), ...onDisk('many.jsonl', jsonl(...lines))];
    const project = Project.inMemory(steppingClock());
    const controller = new AbortController();
    const report = emptyReport();
    const phases: string[] = [];
    const importing = new Importer(project).importAllAsync(sources, report, {
      signal: controller.signal,
      onProgress: ({ phase }) => {
        phases.push(phase);
        if (phase.startsWith('Checking many.jsonl: 1') && !controller.signal.aborted) controller.abort();
      },
    });
    await expect(importing).rejects.toThrow(/abort/i);
    expect(phases).toContain('Checking many.jsonl: 499 documents');
    expect(project.documents.list().map((d) => d.title)).toEqual(['First article']);
    project.close();
  });
});

describe('CSV files on disk, read a record at a time', () => {
  const temp = useTempDirs();
  const columns = { textColumn: 'body', titleColumn: 'headline', idColumn: 'id' };

  function onDisk(name: string, content: string | Buffer): ImportSource {
    const dir = temp.make();
    writeFileSync(join(dir, name), content);
    const [source] = sourcesFromPaths([join(dir, name)]).sources;
    // Read in pieces, never whole: reading it whole fails the test.
    return {
      ...source!,
      read: () => {
        throw new Error('the whole file was read');
      },
    };
  }

  it('reads the same documents, titles, ids and lines as from memory: BOM, CRLF, LF, CR, empty lines', () => {
    const content =
      '\ufeffid,headline,body\r\na1,First,"Line one\r\nline two, with comma"\n\n' +
      'a2,Second,"He said ""no"""\ra3,Third,"x\ny\nz"\r\n\r\na4,Fourth,plain\n';
    const fromDisk = run([onDisk('articles.csv', content)], { format: 'csv', csv: columns });
    const fromMemory = run([utf8('articles.csv', content)], { format: 'csv', csv: columns });
    for (const { report } of [fromDisk, fromMemory]) {
      expect(report.rejected).toEqual([]);
      expect(report.imported.map((i) => [i.fileName, i.documentId, i.title])).toEqual([
        ['articles.csv:2', 'a1', 'First'],
        ['articles.csv:5', 'a2', 'Second'],
        ['articles.csv:6', 'a3', 'Third'],
        ['articles.csv:10', 'a4', 'Fourth'],
      ]);
    }
    expect(fromDisk.project.documents.get('a1')!.text).toBe('Line one\nline two, with comma');
    expect(fromDisk.project.documents.get('a2')!.text).toBe('He said "no"');
    expect(fromDisk.project.documents.get('a3')!.text).toBe('x\ny\nz');
    fromDisk.project.close();
    fromMemory.project.close();
  });

  it('reports the same problems with the same lines, and nothing lands', () => {
    expectRejected(onDisk('b.csv', 'text\nok\n"never closed\n'), ['b.csv:3: a quoted field is not closed'], {
      format: 'csv',
    });
    expectRejected(onDisk('c.csv', 'id,text\n1,fine\n2\n'), ['c.csv:3: 1 field, the header has 2'], {
      format: 'csv',
    });
    expectRejected(
      onDisk('d.csv', 'text\n"multi\nline"\n"done"x\n'),
      ['d.csv:4: text after a closing quote (a quote inside a field must be doubled)'],
      { format: 'csv' },
    );
    expectRejected(onDisk('e.csv', 'text\nsaid "no"\n'), ['e.csv:2: a quote inside an unquoted field'], {
      format: 'csv',
    });
    expectRejected(onDisk('f.csv', 'text\n'), ['f.csv: it holds no documents'], { format: 'csv' });
    expectRejected(
      onDisk('g.csv', Buffer.concat([Buffer.from('text\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')])),
      ['it is not valid UTF-8 (first bad byte at offset 8)'],
      { format: 'csv' },
    );
  });

  it('reads records that cross the pieces it reads (3 MB of multi-line quoted texts)', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const text = `Report ${i}: "quoted", then\r\na second line ${'ولد 😀 '.repeat(150)}`;
      return { id: `r${i}`, text };
    });
    const content =
      'id,body\n' + rows.map((r) => `${r.id},"${r.text.replace(/"/g, '""')}"`).join('\n') + '\n';
    expect(Buffer.byteLength(content)).toBeGreaterThan(3_000_000);
    const { project, report } = run([onDisk('big.csv', content)], {
      csv: { textColumn: 'body', idColumn: 'id' },
    });
    expect(report.rejected).toEqual([]);
    expect(report.imported).toHaveLength(rows.length);
    // Each record takes two lines, after the header.
    expect(report.imported[1999]!.fileName).toBe('big.csv:4000');
    for (const i of [0, 777, 1999])
      expect(project.documents.get(`r${i}`)!.text).toBe(rows[i]!.text.replace('\r\n', '\n'));
    project.close();
  });
});
