/**
 * Finding 8: imports took what the IPC contract refuses (a 300-character CSV id, an empty Label Studio id,
 * 300-character region ids and labels, a text past the largest offset), and the app then could not open
 * those documents, edit those annotations or reorder labels. Now an id the contract would refuse gets a fresh
 * one, and a label name, note, link type or text it would refuse rejects the file with `file:line`. Each case
 * goes through the app's own channels (dispatch, validation included) after importing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@shared/contract';
import type { StartedJob } from '@shared/datasets';
import type { ImportReport } from '@shared/model';
import { useProjectChannels } from '../../../test/support/appChannels';
import { inEnglish } from '../../../test/support/importProblems';

const { call, importFile, importFiles } = useProjectChannels('limits');

/** A CSV imported as the app's import dialog does it, naming its id column. */
async function importCsv(content: string): Promise<ImportReport> {
  const { jobId } = (await call('jobs:start-import', {
    csv: { textColumn: 'text', idColumn: 'id' },
    source: { kind: 'files', files: [{ name: 'rows.csv', base64: Buffer.from(content).toString('base64') }] },
  })) as StartedJob;
  for (;;) {
    const status = await call('jobs:status', { id: jobId });
    if (status.state !== 'running') return status.import!;
    await sleep(5);
  }
}

const long = (c: string, n: number) => c.repeat(n);

/** A Label Studio task with one region. */
function lsTask(region: { id: string; label: string }, data: Record<string, string> = {}) {
  return {
    data: { text: 'The army said 3 fell.', ...data },
    annotations: [
      {
        result: [
          {
            id: region.id,
            type: 'labels',
            value: { start: 0, end: 8, text: 'The army', labels: [region.label] },
          },
        ],
      },
    ],
  };
}

describe('ids the contract refuses get fresh ones, and the app opens and edits what was imported', () => {
  it('CSV: a 300-character id', async () => {
    const id = long('x', 300);
    const report = await importCsv(`id,text\n${id},First article\n`);
    expect(report.rejected).toEqual([]);
    const documentId = report.imported[0]!.documentId;
    expect(documentId).not.toBe(id);
    expect((await call('documents:open', { id: documentId })).document.text).toBe('First article');
  });

  it('CSV: an id within the limit is kept', async () => {
    const id = long('x', LIMITS.idLength);
    const report = await importCsv(`id,text\n${id},First article\n`);
    expect(report.imported[0]!.documentId).toBe(id);
  });

  it('Label Studio: an empty document id and a 300-character region id', async () => {
    const regionId = long('r', 300);
    const report = await importFile(
      'ls.json',
      JSON.stringify([lsTask({ id: regionId, label: 'claim' }, { spanlight_id: '' })]),
    );
    expect(report.rejected).toEqual([]);
    const documentId = report.imported[0]!.documentId;
    expect(documentId).not.toBe('');
    const opened = await call('documents:open', { id: documentId });
    const annotation = opened.annotations[0]!;
    expect(annotation.id).not.toBe(regionId);
    const labels = await call('labels:list', {});
    const other = labels.find((l) => l.id !== annotation.labelId)!;
    expect(
      (await call('annotations:relabel', { id: annotation.id, labelId: other.id })).upserted[0]!.labelId,
    ).toBe(other.id);
    const reordered = await call('labels:reorder', { ids: labels.map((l) => l.id).reverse() });
    expect(reordered.map((l) => l.id)).toEqual(labels.map((l) => l.id).reverse());
  });
});

describe('what the contract refuses in a label, note, link type or text rejects the file with file:line', () => {
  it('Label Studio: a 300-character label', async () => {
    const label = long('L', 300);
    const report = await importFile(
      'ls.json',
      '[\n' +
        JSON.stringify(lsTask({ id: 'r1', label: 'claim' })) +
        ',\n' +
        JSON.stringify(lsTask({ id: 'r2', label })) +
        '\n]',
    );
    expect(report.imported).toEqual([]);
    expect(inEnglish(report.rejected)).toEqual([
      {
        fileName: 'ls.json',
        reason: `ls.json:3: span 1 (r2): label "${long('L', 40)}"…: it is longer than 60 characters`,
      },
    ]);
    expect(await call('documents:list', {})).toEqual([]);
    expect((await call('labels:list', {})).map((l) => l.name)).not.toContain(label);
  });

  it('Spanlight JSONL and doccano: a 61-character label, a blank one', async () => {
    const jsonl = await importFile(
      'doc.jsonl',
      JSON.stringify({ text: 'abc', spans: [{ start: 0, end: 1, label: long('a', 61) }] }) +
        '\n' +
        JSON.stringify({ text: 'abd', spans: [{ start: 0, end: 1, label: '   ' }] }) +
        '\n',
    );
    expect(jsonl.rejected[0]!.reason.split('\n')).toEqual([
      `doc.jsonl:1: span 1: label "${long('a', 40)}"…: it is longer than 60 characters`,
      'doc.jsonl:2: span 1: label "   ": it is empty',
    ]);
    const doccano = await importFile(
      'd.jsonl',
      JSON.stringify({ text: 'abc', label: [[0, 1, long('b', 61)]] }) + '\n',
    );
    expect(doccano.rejected[0]!.reason).toMatch(
      /^d\.jsonl:1: span 1 \(#0\): label "b{40}"…: it is longer than 60 characters$/,
    );
  });

  it('Label Studio: a link type longer than a link may be, and a note longer than a note may be', async () => {
    const task = lsTask({ id: 'r1', label: 'claim' });
    task.annotations[0]!.result.push(
      { id: 'r2', type: 'labels', value: { start: 14, end: 15, text: '3', labels: ['number'] } },
      { type: 'relation', from_id: 'r1', to_id: 'r2', labels: [long('t', 51)] } as never,
    );
    (task.annotations[0]!.result[0] as Record<string, unknown>).meta = {
      text: [long('n', LIMITS.noteLength + 1)],
    };
    const report = await importFile('ls.json', JSON.stringify([task]));
    expect(report.rejected[0]!.reason.split('\n')).toEqual([
      `ls.json:1: span 1 (r1): note "${long('n', 40)}"…: it is longer than ${LIMITS.noteLength.toLocaleString('en-US')} characters`,
      `ls.json:1: link 1: type "${long('t', 40)}"…: it is longer than 50 characters`,
    ]);
  });

  it('brat: a 61-character label', async () => {
    const report = await importFiles({
      'doc.txt': 'The army said 3 fell.',
      'doc.ann': `T1\t${long('b', 61)} 0 8\tThe army\n`,
    });
    expect(inEnglish(report.rejected)).toEqual([
      {
        fileName: 'doc.txt',
        reason: `doc.ann:1: span 1 (T1): label "${long('b', 40)}"…: it is longer than 60 characters`,
      },
    ]);
  });

  it('a text longer than the largest offset, as plain text and as JSONL', async () => {
    const text = long('a', LIMITS.maxOffset + 1);
    const message = `the text is ${LIMITS.maxOffset + 1} code points long, more than the ${LIMITS.maxOffset} a document may hold`;
    const plain = await importFile('big.txt', text);
    expect(inEnglish(plain.rejected)).toEqual([{ fileName: 'big.txt', reason: message }]);
    const jsonl = await importFile('big.jsonl', JSON.stringify({ text }) + '\n');
    expect(inEnglish(jsonl.rejected)).toEqual([{ fileName: 'big.jsonl', reason: `big.jsonl:1: ${message}` }]);
    expect(await call('documents:list', {})).toEqual([]);
  });

  it('a file that would take the project past the labels the app can reorder', async () => {
    const defaults = (await call('labels:list', {})).length;
    const line = (id: string, labels: string[]) =>
      JSON.stringify({
        id,
        text: `Text of ${id}`,
        spans: labels.map((label) => ({ start: 0, end: 4, label })),
      });
    const fill = Array.from({ length: LIMITS.labels - defaults }, (_, i) => `label ${i}`);
    const first = await importFile('fill.jsonl', line('fill', fill) + '\n');
    expect(first.rejected).toEqual([]);
    const labels = await call('labels:list', {});
    expect(labels).toHaveLength(LIMITS.labels);
    const order = labels.map((l) => l.id).reverse();
    expect((await call('labels:reorder', { ids: order })).map((l) => l.id)).toEqual(order);

    const over = await importFile(
      'over.jsonl',
      line('known', ['label 0']) + '\n' + line('new', ['one too many']) + '\n',
    );
    expect({ ...over, rejected: inEnglish(over.rejected) }).toEqual({
      imported: [],
      skipped: [],
      rejected: [
        {
          fileName: 'over.jsonl',
          reason: `over.jsonl:2: label "one too many" would be label ${LIMITS.labels + 1}; a project holds at most ${LIMITS.labels} (as many as the app can reorder)`,
        },
      ],
    });
    expect((await call('documents:list', {})).map((d) => d.id)).toEqual(['fill']);
    expect(await call('labels:list', {})).toHaveLength(LIMITS.labels);
  });
});
