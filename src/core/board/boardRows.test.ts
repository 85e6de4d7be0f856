import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BOARD_COLUMNS } from '@shared/board';
import { Project } from '../project/project';
import { addDocument, codePointSlice, rangeOf, steppingClock } from '../../../test/support/fixtures';
import { boardTable } from './boardTable';
import { buildBoard } from './boardRows';
import { projectDocumentMeta, type BoardDocumentMeta } from './documentMeta';

// An emoji before the figures: code point offsets differ from UTF-16 ones after it.
const ENGLISH =
  'Fighters 🙂 counted\nThe observatory said 93 fighters were killed. Azerbaijan denied any fighters are there.';
const ARABIC = 'مقاتلون\nقالت مصادر إن نحو ٧٢ مقاتلاً قتلوا، وأرسلت أرمينيا 4000 مقاتل.';

let project: Project;
let english: string;
let arabic: string;
const meta = new Map<string, BoardDocumentMeta>();
const metaOf = (id: string) => meta.get(id)!;

function tag(documentId: string, text: string, needle: string, labelId: string, attributes = {}) {
  return project.annotationService.create({ documentId, ...rangeOf(text, needle), labelId, attributes })
    .upserted[0]!;
}

beforeEach(() => {
  project = Project.inMemory(steppingClock());
  english = addDocument(project, ENGLISH, 'english.txt');
  arabic = addDocument(project, ARABIC, 'arabic.txt');
  meta.set(english, {
    title: 'Fighters',
    fileName: 'english.txt',
    outlet: 'Reuters',
    published: '2020-10-01',
  });
  meta.set(arabic, { title: 'مقاتلون', fileName: 'arabic.txt', outlet: 'الجزيرة', published: '2020-09-30' });
});
afterEach(() => project.close());

describe('buildBoard', () => {
  it('gives every span with a topic its figure, source, outlet, date and denials, by topic and date', () => {
    project.topicService.create('fighters sent');
    project.topicService.create('fighters killed');
    const claim = tag(english, ENGLISH, 'the observatory said 93 fighters were killed'.slice(4), 'claim', {
      source: 'the observatory',
    });
    const killed93 = tag(english, ENGLISH, '93', 'number', { topic: 'fighters killed', value: 93 });
    const denial = tag(english, ENGLISH, 'Azerbaijan denied any fighters are there', 'denial');
    project.relationService.create(denial.id, claim.id, 'denies');
    const killed72 = tag(arabic, ARABIC, '٧٢', 'number', {
      topic: 'fighters killed',
      approximate: true,
      unit: 'مقاتل',
    });
    // A project can give numbers a source of their own; it wins over the claim's and the outlet.
    const numberLabel = project.labels.get('number')!;
    project.labelService.update('number', {
      ...numberLabel,
      attributes: [...numberLabel.attributes, { name: 'source', type: 'text' }],
    });
    const sent = tag(arabic, ARABIC, '4000', 'number', { topic: 'fighters sent', source: 'أرمينيا' });

    const board = buildBoard(project, metaOf);
    expect(board.topics.map((t) => t.topic)).toEqual(['fighters sent', 'fighters killed']);
    const [sentTopic, killedTopic] = board.topics;
    expect(sentTopic!.rows).toEqual([
      expect.objectContaining({
        annotationId: sent.id,
        value: 4000,
        source: 'أرمينيا',
        sourceFrom: 'own',
        deniedBy: [],
      }),
    ]);
    // The Arabic article is older, so it comes first; its figure is read from Arabic-Indic digits.
    expect(killedTopic!.rows).toEqual([
      {
        topic: 'fighters killed',
        annotationId: killed72.id,
        label: 'number',
        value: 72,
        unit: 'مقاتل',
        approximate: true,
        source: 'الجزيرة',
        sourceFrom: 'outlet',
        outlet: 'الجزيرة',
        published: '2020-09-30',
        documentId: arabic,
        documentTitle: 'مقاتلون',
        fileName: 'arabic.txt',
        ...rangeOf(ARABIC, '٧٢'),
        text: '٧٢',
        deniedBy: [],
      },
      expect.objectContaining({
        annotationId: killed93.id,
        value: 93,
        approximate: false,
        source: 'the observatory',
        sourceFrom: 'claim',
        outlet: 'Reuters',
        text: '93',
        ...rangeOf(ENGLISH, '93'),
        deniedBy: [denial.id],
      }),
    ]);
    expect(killedTopic!.spread).toEqual({ low: 72, high: 93 });
  });

  it('counts a denial linked straight to a span, and one drawn from the span to the denial', () => {
    const figure = tag(english, ENGLISH, '93', 'number', { topic: 'killed' });
    const denial = tag(english, ENGLISH, 'Azerbaijan denied any fighters are there', 'denial');
    project.relationService.create(figure.id, denial.id, 'denies');
    expect(buildBoard(project, metaOf).topics[0]!.rows[0]!.deniedBy).toEqual([denial.id]);
    project.relationService.create(denial.id, figure.id, 'supports');
    expect(buildBoard(project, metaOf).topics[0]!.rows[0]!.deniedBy).toEqual([denial.id]);
  });

  it('keeps to one topic (any case) and to the documents of a filter; spans without a topic stay off', () => {
    tag(english, ENGLISH, '93', 'number', { topic: 'killed' });
    tag(arabic, ARABIC, '٧٢', 'number', { topic: 'killed' });
    tag(arabic, ARABIC, '4000', 'number', { topic: 'sent' });
    tag(english, ENGLISH, 'fighters were killed', 'claim');
    const rowsOf = (board: ReturnType<typeof buildBoard>) =>
      board.topics.flatMap((t) => t.rows.map((r) => `${t.topic}:${r.text}`));
    expect(rowsOf(buildBoard(project, metaOf))).toEqual(['killed:٧٢', 'killed:93', 'sent:4000']);
    expect(rowsOf(buildBoard(project, metaOf, { topic: 'KILLED' }))).toEqual(['killed:٧٢', 'killed:93']);
    expect(rowsOf(buildBoard(project, metaOf, { documentIds: new Set([english]) }))).toEqual(['killed:93']);
  });

  it('puts undated documents last and states no spread for a topic without figures', () => {
    meta.set(arabic, { ...meta.get(arabic)!, published: null });
    tag(arabic, ARABIC, 'أرمينيا', 'claim', { topic: 'sent' });
    tag(english, ENGLISH, 'fighters were killed', 'claim', { topic: 'sent' });
    const [topic] = buildBoard(project, metaOf).topics;
    expect(topic!.rows.map((r) => r.published)).toEqual(['2020-10-01', null]);
    expect(topic!.spread).toBeNull();
  });
});

describe('boardTable', () => {
  it('writes CSV a CSV parser reads back, whose offsets slice the documents to the text column', () => {
    const claim = tag(english, ENGLISH, 'observatory said 93 fighters were killed', 'claim', {
      topic: 'killed, "all"',
      source: 'the observatory',
    });
    const denialA = tag(english, ENGLISH, 'Azerbaijan denied', 'denial');
    const denialB = tag(english, ENGLISH, 'denied any fighters are there', 'denial');
    project.relationService.create(denialA.id, claim.id, 'denies');
    project.relationService.create(denialB.id, claim.id, 'denies');
    tag(arabic, ARABIC, '٧٢', 'number', { topic: 'killed, "all"', approximate: true });

    const csv = boardTable(buildBoard(project, metaOf), 'csv');
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...BOARD_COLUMNS]);
    expect(rows.map((r) => [r.topic, r.label, r.value, r.approximate, r.source, r.outlet])).toEqual([
      ['killed, "all"', 'number', '72', 'true', 'الجزيرة', 'الجزيرة'],
      ['killed, "all"', 'claim', '', 'false', 'the observatory', 'Reuters'],
    ]);
    for (const row of rows) {
      const text = project.documents.get(row.doc_id!)!.text;
      expect(codePointSlice(text, Number(row.start), Number(row.end))).toBe(row.text);
    }
    expect(rows[0]!.denied_by).toBe('');
    expect(rows[1]!.denied_by!.split(';').sort()).toEqual([denialA.id, denialB.id].sort());

    const json = JSON.parse(boardTable(buildBoard(project, metaOf), 'json')) as Array<
      Record<string, unknown>
    >;
    expect(json[1]).toMatchObject({ value: null, approximate: false, denied_by: expect.any(Array) });
    expect((json[1]!.denied_by as string[]).sort()).toEqual([denialA.id, denialB.id].sort());
  });
});

describe('projectDocumentMeta', () => {
  it("reads each document's outlet, date and file name from the project, the outlet standing in for a source", () => {
    const fields = { url: null, language: 'ar', externalId: null, extra: {} };
    project.documentService.setMeta(arabic, { ...fields, outlet: 'الجزيرة', published: '2020-09-30' });
    tag(arabic, ARABIC, '٧٢', 'number', { topic: 'killed' });
    tag(english, ENGLISH, '93', 'number', { topic: 'killed' });
    const rows = buildBoard(project, projectDocumentMeta(project)).topics[0]!.rows;
    expect(rows.map((r) => [r.text, r.outlet, r.published, r.source, r.sourceFrom, r.fileName])).toEqual([
      ['٧٢', 'الجزيرة', '2020-09-30', 'الجزيرة', 'outlet', 'arabic.txt'],
      ['93', null, null, null, null, 'english.txt'],
    ]);
  });
});
