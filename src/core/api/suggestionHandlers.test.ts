/**
 * The suggestion channels end to end: payloads through dispatch (validation included), the handlers, a real
 * project file, and back, as the renderer sees them.
 */
import { describe, expect, it, beforeEach } from 'vitest';
import type { Channel, RequestOf } from '@shared/contract';
import { useProjectChannels } from '../../../test/support/appChannels';
import { codePointSlice, rangeOf } from '../../../test/support/fixtures';

const TEXT =
  'Fighters defect\nAbout 1,200 fighters fled. 😀 Later 15 returned, 15 more left.\n' +
  'Officials said the convoy reached Hadrut at dawn. Near Hadrut the road was closed.';

const { call, importFile } = useProjectChannels('suggest');
let doc: string;

/** The error code a call that must fail answers with. */
async function failure<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<string> {
  const error = await call(channel, payload).then(
    () => null,
    (e: unknown) => String(e),
  );
  expect(error, `${channel} ${JSON.stringify(payload)} should fail`).not.toBeNull();
  return /answered (\w+)/.exec(error!)![1]!;
}

const list = () => call('suggestions:list', { documentId: doc });
const numbers = async () => (await list()).filter((s) => s.labelId === 'number');
const annotationCount = async () =>
  (await call('documents:list', {})).find((d) => d.id === doc)!.annotationCount;

beforeEach(async () => {
  await call('project:set-annotator', { name: 'Rana' });
  doc = (await importFile('en.txt', TEXT)).imported[0]!.documentId;
});

describe('suggestions:list', () => {
  it('answers the suggestions in text order, offsets in code points, with attributes and the rule', async () => {
    const found = await list();
    expect(found.map((s) => s.start)).toEqual([...found.map((s) => s.start)].sort((a, b) => a - b));
    const fifteen = found.filter((s) => s.text === '15');
    expect(fifteen).toHaveLength(2);
    // After the emoji (two UTF-16 units, one code point).
    expect(fifteen[0]).toMatchObject({ labelId: 'number', rule: 'numbers', attributes: { value: 15 } });
    expect(fifteen[0]!.start).toBe(rangeOf(TEXT, '15 returned').start);
    expect(codePointSlice(TEXT, fifteen[0]!.start, fifteen[0]!.end)).toBe('15');
    expect(found.find((s) => s.text === '1,200')?.attributes).toMatchObject({ value: 1200 });
    expect(found.some((s) => s.labelId === 'claim' && s.rule === 'claims')).toBe(true);
    // Suggestions are not annotations.
    expect(await annotationCount()).toBe(0);
  });
});

describe('suggestions:accept', () => {
  it('while curating, offers against the curated layer and accepts into it', async () => {
    const [first] = await numbers();
    await call('suggestions:accept', { documentId: doc, id: first!.id });
    // Rana tagged it: not offered to Rana again, but the curated layer does not have it yet.
    expect((await numbers()).some((s) => s.start === first!.start)).toBe(false);
    await call('layers:set-curating', { layer: 'curated' });
    const again = (await numbers()).find((s) => s.start === first!.start);
    expect(again).toBeDefined();
    const delta = await call('suggestions:accept', { documentId: doc, id: again!.id });
    expect(delta.upserted).toEqual([expect.objectContaining({ annotator: 'curated', origin: 'suggestion' })]);
    await call('layers:set-curating', { layer: null });
  });

  it('adds an annotation of the annotator with origin suggestion, through the change log, and undo takes it back', async () => {
    const [first] = await numbers();
    const delta = await call('suggestions:accept', { documentId: doc, id: first!.id });
    expect(delta.upserted).toEqual([
      expect.objectContaining({
        labelId: 'number',
        start: first!.start,
        end: first!.end,
        annotator: 'Rana',
        origin: 'suggestion',
        attributes: first!.attributes,
      }),
    ]);
    expect(delta.annotationCount).toBe(1);
    expect((await numbers()).some((s) => s.id === first!.id)).toBe(false);

    const undone = await call('history:undo', { documentId: doc });
    expect(undone).toMatchObject({ deletedIds: [delta.upserted[0]!.id], description: 'create number' });
    expect(await annotationCount()).toBe(0);
    expect((await numbers()).some((s) => s.id === first!.id)).toBe(true);
  });

  it('refuses a stale or a forged id and adds nothing', async () => {
    const [first] = await numbers();
    await call('suggestions:accept', { documentId: doc, id: first!.id });
    // Stale: already taken.
    expect(await failure('suggestions:accept', { documentId: doc, id: first!.id })).toBe('not_found');
    // Forged: a span the rules do not offer ("Fighters"), or a label that does not fill it.
    expect(await failure('suggestions:accept', { documentId: doc, id: 'number:0:8' })).toBe('not_found');
    const fifteen = (await numbers()).find((s) => s.text === '15')!;
    const relabelled = fifteen.id.replace(/^number:/, 'claim:');
    expect(await failure('suggestions:accept', { documentId: doc, id: relabelled })).toBe('not_found');
    expect(await failure('suggestions:accept', { documentId: 'nope', id: fifteen.id })).toBe('not_found');
    expect(await annotationCount()).toBe(1);
  });
});

describe('suggestions:reject', () => {
  it('is remembered: that text for that label is not offered again, here or after reopening', async () => {
    const fifteen = (await numbers()).find((s) => s.text === '15')!;
    expect(await call('suggestions:reject', { documentId: doc, id: fifteen.id })).toBeNull();
    // Both "15"s go: the text is rejected for the label, not the one place.
    expect((await numbers()).map((s) => s.text)).not.toContain('15');
    expect((await numbers()).map((s) => s.text)).toContain('1,200');
    // Opened again from its file: the rejection is stored in the project.
    const { project } = await call('app:info', {});
    await call('project:open', { path: project!.path });
    expect((await numbers()).map((s) => s.text)).not.toContain('15');
    expect(await failure('suggestions:reject', { documentId: doc, id: fifteen.id })).toBe('not_found');
  });
});

describe('suggestions:accept-all', () => {
  it('accepts every suggestion of one label as one undoable action, and leaves the other labels', async () => {
    const offered = await numbers();
    expect(offered.length).toBeGreaterThanOrEqual(3);
    const claims = (await list()).filter((s) => s.labelId === 'claim').length;
    const delta = await call('suggestions:accept-all', { documentId: doc, labelId: 'number' });
    expect(delta.upserted.map((a) => [a.start, a.end, a.origin])).toEqual(
      offered.map((s) => [s.start, s.end, 'suggestion']),
    );
    expect(await numbers()).toEqual([]);
    expect((await list()).filter((s) => s.labelId === 'claim')).toHaveLength(claims);
    expect(await failure('suggestions:accept-all', { documentId: doc, labelId: 'number' })).toBe('not_found');

    const undone = await call('history:undo', { documentId: doc });
    expect(undone.deletedIds).toHaveLength(offered.length);
    expect(await annotationCount()).toBe(0);
  });
});

describe('learning', () => {
  it('offers the twin of a text once it is tagged', async () => {
    const labels = await call('labels:create', {
      name: 'place',
      color: '#cc79a7',
      hotkey: '4',
      attributes: [],
    });
    expect((await list()).filter((s) => s.labelId === labels.id)).toEqual([]);
    await call('annotations:create', { documentId: doc, ...rangeOf(TEXT, 'Hadrut'), labelId: labels.id });
    const twins = (await list()).filter((s) => s.labelId === labels.id);
    expect(twins.map((s) => [s.text, s.rule, s.start])).toEqual([
      ['Hadrut', 'learned', rangeOf(TEXT, 'Hadrut the road').start],
    ]);
  });
});

describe('suggestions:set-rule', () => {
  it('switches a rule family off for a label and on again; the list follows', async () => {
    expect(await call('suggestions:switched-off', {})).toEqual([]);
    expect(
      await call('suggestions:set-rule', { labelId: 'number', rule: 'numbers', enabled: false }),
    ).toEqual([{ labelId: 'number', rule: 'numbers' }]);
    expect(await numbers()).toEqual([]);
    expect((await list()).some((s) => s.labelId === 'claim')).toBe(true);
    await call('suggestions:set-rule', { labelId: 'number', rule: 'numbers', enabled: true });
    expect((await numbers()).length).toBeGreaterThan(0);
    expect(await failure('suggestions:set-rule', { labelId: 'nope', rule: 'numbers', enabled: false })).toBe(
      'not_found',
    );
    const magic = {
      labelId: 'number',
      rule: 'magic',
      enabled: false,
    } as unknown as RequestOf<'suggestions:set-rule'>;
    expect(await failure('suggestions:set-rule', magic)).toBe('invalid_payload');
  });
});
