/**
 * Finding 7: a label named `__proto__` blanked the app when Labels… opened. Labels and attributes named like
 * Object.prototype's members (`__proto__`, `constructor`, `toString`) arrive through every import format;
 * they must import, count, rename, reorder and delete like any other, and keep their values.
 */
import { describe, expect, it } from 'vitest';
import { useProjectChannels } from '../../../test/support/appChannels';

const HOSTILE = ['__proto__', 'constructor', 'toString'];
const TEXT = 'The army said 3 fell.';
const { call, importFile, importFiles } = useProjectChannels('hostile');

describe('labels named like Object.prototype members', () => {
  it('import from JSONL, are counted by labels:usage as their own, and rename, reorder and delete', async () => {
    const spans = HOSTILE.map((label, i) => ({ start: i, end: i + 1, label }));
    const report = await importFile('hostile.jsonl', JSON.stringify({ id: 'd', text: TEXT, spans }) + '\n');
    expect(report.rejected).toEqual([]);
    const labels = await call('labels:list', {});
    const hostile = HOSTILE.map((name) => labels.find((l) => l.name === name)!);
    expect(hostile.map((l) => l.id)).toEqual(HOSTILE);

    const usage = await call('labels:usage', {});
    for (const name of HOSTILE) expect(Object.getOwnPropertyDescriptor(usage, name)?.value).toBe(1);
    // What the renderer receives: the same counts after a round trip through JSON.
    const received = JSON.parse(JSON.stringify(usage)) as Record<string, number>;
    expect(new Map(Object.entries(received)).get('__proto__')).toBe(1);

    const { position: _position, ...fields } = hostile[0]!;
    const renamed = await call('labels:update', { ...fields, name: 'proto renamed' });
    expect(renamed).toMatchObject({ id: '__proto__', name: 'proto renamed' });
    const order = labels.map((l) => l.id).reverse();
    expect((await call('labels:reorder', { ids: order })).map((l) => l.id)).toEqual(order);
    const left = await call('labels:delete', { id: '__proto__', expectedCount: 1 });
    expect(left.map((l) => l.id)).not.toContain('__proto__');
    expect((await call('documents:open', { id: 'd' })).annotations).toHaveLength(2);
  });

  it('are made by the label service like any other, each with its own count', async () => {
    for (const name of HOSTILE)
      await call('labels:create', { name, color: '#123456', hotkey: null, attributes: [] });
    const labels = await call('labels:list', {});
    expect(labels.slice(-3).map((l) => l.name)).toEqual(HOSTILE);
    const usage = await call('labels:usage', {});
    for (const label of labels) expect(Object.getOwnPropertyDescriptor(usage, label.id)?.value).toBe(0);
  });
});

describe('attributes named like Object.prototype members keep their values on import', () => {
  it('Label Studio: per-region results named __proto__, constructor, toString', async () => {
    const result = [
      { id: 'r1', type: 'labels', value: { start: 0, end: 8, labels: ['claim'] } },
      ...HOSTILE.map((name, i) => ({
        id: 'r1',
        from_name: name,
        type: 'textarea',
        value: { text: [`value ${i}`] },
      })),
    ];
    const report = await importFile(
      'ls.json',
      JSON.stringify([{ data: { text: TEXT }, annotations: [{ result }] }]),
    );
    expect(report.rejected).toEqual([]);
    const { annotations } = await call('documents:open', { id: report.imported[0]!.documentId });
    const attributes = annotations[0]!.attributes;
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(HOSTILE.map((name) => Object.getOwnPropertyDescriptor(attributes, name)?.value)).toEqual([
      'value 0',
      'value 1',
      'value 2',
    ]);
  });

  it('Spanlight JSONL (what an export of them writes): attributes named __proto__ and constructor', async () => {
    const line = `{"id":"j","text":"${TEXT}","spans":[{"start":0,"end":8,"label":"claim","attributes":{"__proto__":"kept","constructor":2}}]}`;
    const report = await importFile('export.jsonl', line + '\n');
    expect(report.rejected).toEqual([]);
    const { annotations } = await call('documents:open', { id: 'j' });
    expect(Object.entries(annotations[0]!.attributes)).toEqual([
      ['__proto__', 'kept'],
      ['constructor', 2],
    ]);
  });

  it('brat: an attribute line named __proto__', async () => {
    const report = await importFiles({
      'doc.txt': TEXT,
      'doc.ann': 'T1\tclaim 0 8\tThe army\nA1\t__proto__ T1 polluted\nA2\tconstructor T1\n',
    });
    expect(report.rejected).toEqual([]);
    const { annotations } = await call('documents:open', { id: 'doc' });
    expect(Object.getOwnPropertyDescriptor(annotations[0]!.attributes, '__proto__')?.value).toBe('polluted');
    expect(Object.getOwnPropertyDescriptor(annotations[0]!.attributes, 'constructor')?.value).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
