/**
 * The channels for several annotators end to end: a canonical JSONL whose spans name two annotators, imported
 * as the window imports it (which makes their layers), then through dispatch (validation included), the
 * handlers and the project file.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useProjectChannels } from '../../../test/support/appChannels';
import { runCliCollecting as cli } from '../../../test/support/cli';

/** One of each kind of span: agreed, same extent with another label, other extents, only one has it. */
const DATASET = [
  {
    id: 'd1',
    title: 'd1',
    text: 'The 🙂 army said 40 fighters fled; officials denied it later on.',
    spans: [
      { start: 0, end: 9, label: 'claim', annotator: 'A', note: 'from A' },
      { start: 0, end: 9, label: 'claim', annotator: 'B' },
      { start: 15, end: 17, label: 'number', annotator: 'A', note: 'forty', attributes: { value: 40 } },
      { start: 15, end: 17, label: 'claim', annotator: 'B' },
      { start: 35, end: 50, label: 'denial', annotator: 'A' },
      { start: 35, end: 45, label: 'denial', annotator: 'B' },
      { start: 55, end: 60, label: 'claim', annotator: 'B' },
    ],
  },
  { id: 'd2', title: 'd2', text: 'Nothing to disagree on here.', spans: [] },
];

const { call, importFile } = useProjectChannels('team');

beforeEach(async () => {
  const report = await importFile(
    'team.jsonl',
    DATASET.map((line) => JSON.stringify(line)).join('\n') + '\n',
  );
  expect(report.rejected).toEqual([]);
  await call('project:set-annotator', { name: 'curator' });
});

const projectPath = async () => (await call('app:info', {})).project!.path;
const into = 'curated';
const documentId = async (title: string) =>
  (await call('documents:list', {})).find((d) => d.title === title)!.id;
const compare = async () =>
  call('compare:document', { documentId: await documentId('d1'), annotators: ['A', 'B'], into });

describe('compare:document', () => {
  it('classes each span and groups the disagreements', async () => {
    const view = await compare();
    expect(view.spans.map((s) => `${s.annotator} ${s.start}-${s.end} ${s.kind}`)).toEqual([
      'A 0-9 agreed',
      'B 0-9 agreed',
      'A 15-17 label',
      'B 15-17 label',
      'B 35-45 extent',
      'A 35-50 extent',
      'B 55-60 partial',
    ]);
    expect(view.disagreements.map((d) => [d.start, d.end, d.kind, d.settled])).toEqual([
      [15, 17, 'label', null],
      [35, 50, 'extent', null],
      [55, 60, 'partial', null],
    ]);
    expect(view.details[view.spans[2]!.id]).toEqual({ note: 'forty', attributes: { value: 40 } });
  });

  it('refuses fewer than two annotators, and the curated layer among those compared', async () => {
    const id = await documentId('d1');
    await expect(call('compare:document', { documentId: id, annotators: ['A'], into })).rejects.toThrow(
      /invalid_payload/,
    );
    await expect(
      call('compare:document', { documentId: id, annotators: ['A', 'curated'], into }),
    ).rejects.toThrow(/cannot also be compared/);
  });
});

describe('adjudication', () => {
  it('adjudicate:accept copies a span with its note and attributes into the curated layer; undo takes it back', async () => {
    const before = await compare();
    const number = before.spans.find((s) => s.annotator === 'A' && s.start === 15)!;
    const delta = await call('adjudicate:accept', { id: number.id, into });
    expect(delta.upserted).toMatchObject([
      { start: 15, end: 17, annotator: into, note: 'forty', attributes: { value: 40 } },
    ]);
    const after = await compare();
    expect(after.curated.map((c) => [c.start, c.end, c.annotator])).toEqual([[15, 17, into]]);
    expect(after.disagreements.map((d) => d.settled)).toEqual(['accepted', null, null]);
    await expect(call('adjudicate:accept', { id: number.id, into })).rejects.toThrow(/already has that span/);

    await call('history:undo', { documentId: before.documentId });
    expect((await compare()).curated).toEqual([]);
  });

  it('adjudicate:set-extent and adjudicate:relabel change a curated span, undoably, and no other', async () => {
    const view = await compare();
    const [longer, shorter] = [
      view.spans.find((s) => s.annotator === 'A' && s.start === 35)!,
      view.spans.find((s) => s.annotator === 'B' && s.start === 35)!,
    ];
    const curated = (await call('adjudicate:accept', { id: longer.id, into })).upserted[0]!;
    const moved = await call('adjudicate:set-extent', {
      id: curated.id,
      start: shorter.start,
      end: shorter.end,
      into,
    });
    expect(moved.upserted).toMatchObject([{ id: curated.id, start: 35, end: 45, annotator: into }]);
    await expect(call('adjudicate:set-extent', { id: longer.id, start: 35, end: 45, into })).rejects.toThrow(
      /Only a span of the layer curated/,
    );
    await expect(
      call('adjudicate:set-extent', { id: curated.id, start: 40, end: 4000, into }),
    ).rejects.toThrow(/invalid_input/);
    await call('history:undo', { documentId: view.documentId });
    expect((await compare()).curated.map((c) => [c.start, c.end])).toEqual([[35, 50]]);
  });

  it('adjudicate:reject settles a disagreement without a span, undoably, and survives reopening', async () => {
    const view = await compare();
    const extent = view.disagreements[1]!;
    const spans = view.spans
      .filter((s) => extent.spanIds.includes(s.id))
      .map(({ labelId, start, end }) => ({ labelId, start, end }));
    await call('adjudicate:reject', { documentId: view.documentId, spans, into });
    expect((await compare()).disagreements.map((d) => d.settled)).toEqual([null, 'rejected', null]);
    expect((await compare()).curated).toEqual([]);

    await call('project:open', { path: await projectPath() });
    expect((await compare()).disagreements.map((d) => d.settled)).toEqual([null, 'rejected', null]);
    // Undo is this session's history: a fresh one rejects again, then undoes.
    await call('adjudicate:reject', { documentId: view.documentId, spans: spans.slice(0, 1), into });
    await call('history:undo', { documentId: view.documentId });
    expect((await compare()).disagreements.map((d) => d.settled)).toEqual([null, 'rejected', null]);
    const other = (await compare()).disagreements[2]!;
    await call('adjudicate:reject', {
      documentId: view.documentId,
      spans: [{ labelId: 'claim', start: other.start, end: other.end }],
      into,
    });
    await call('history:undo', { documentId: view.documentId });
    expect((await compare()).disagreements.map((d) => d.settled)).toEqual([null, 'rejected', null]);
  });

  it('adjudicate:accept-agreed does what spanlight adjudicate does and reports what is left', async () => {
    const report = await call('adjudicate:accept-agreed', {
      annotators: ['A', 'B'],
      rule: 'unanimous',
      into,
    });
    expect(report.accepted).toBe(1);
    expect(report.unsettled).toEqual([{ documentId: await documentId('d1'), title: 'd1', count: 5 }]);
    expect((await compare()).curated.map((c) => [c.start, c.end])).toEqual([[0, 9]]);
    expect(
      (await call('adjudicate:accept-agreed', { annotators: ['A', 'B'], rule: 'unanimous', into })).accepted,
    ).toBe(0);
  });
});

describe('compare:documents and agreement:report', () => {
  it('counts each document’s disagreements, and the open ones', async () => {
    const view = await compare();
    await call('adjudicate:accept', { id: view.spans[2]!.id, into });
    const table = await call('compare:documents', { annotators: ['A', 'B'], into });
    expect(table.annotators).toEqual(['A', 'B', 'curated']);
    expect(table.rows.map((r) => [r.title, r.disagreements, r.open])).toEqual([
      ['d1', 3, 2],
      ['d2', 0, 0],
    ]);
  });

  it('answers the figures spanlight agreement --json prints for the same project', async () => {
    const figures = await call('agreement:report', { annotators: ['A', 'B'] });
    const printed = await cli('agreement', await projectPath(), '--annotators', 'A,B', '--json');
    expect(printed.code).toBe(0);
    expect(figures.report).toEqual(JSON.parse(printed.out[0]!));
    expect(figures.report.documents).toBe(1);
    expect(figures.skipped.map((s) => s.title)).toEqual(['d2']);
  });
});
