/**
 * Regression: two quick changes showed "Saved" when the first answer arrived while the second was still in
 * flight, so a crash at that moment lost a change the window called saved.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppStore } from './store';
import type { FakeApi } from './testing/fakeApi';
import { annotation, delta, opened, summary } from './testing/fixtures';
import { showDocument, storeWithFakeApi } from './testing/testStore';

const first = annotation({ id: 'a1', start: 0, end: 3 });
const second = annotation({ id: 'a2', start: 4, end: 8 });

let fake: FakeApi;
let store: AppStore;

beforeEach(async () => {
  ({ fake, store } = storeWithFakeApi());
  await showDocument(fake, store, [summary('doc-a')], opened('doc-a', [first, second]));
});

describe('the save indicator says Saved only when every change in flight has committed', () => {
  it('stays Saving after the first of two quick changes commits, and says Saved after the second', async () => {
    void store.setNote('a1', 'one');
    void store.setNote('a2', 'two');
    expect(store.getState().save.kind).toBe('saving');

    await fake
      .next('annotations:set-note')
      .answer(delta({ upserted: [{ ...first, note: 'one' }], savedAt: '2026-01-01T10:00:01.000Z' }));
    expect(store.getState().save.kind).toBe('saving');

    await fake
      .next('annotations:set-note')
      .answer(delta({ upserted: [{ ...second, note: 'two' }], savedAt: '2026-01-01T10:00:02.000Z' }));
    expect(store.getState().save).toEqual({ kind: 'saved', at: '2026-01-01T10:00:02.000Z', what: null });
  });

  it('holds Saving when the answers arrive in the other order', async () => {
    void store.setNote('a1', 'one');
    void store.setNote('a2', 'two');
    const [toFirst, toSecond] = [fake.next('annotations:set-note'), fake.next('annotations:set-note')];
    await toSecond.answer(
      delta({ upserted: [{ ...second, note: 'two' }], savedAt: '2026-01-01T10:00:02.000Z' }),
    );
    expect(store.getState().save.kind).toBe('saving');
    await toFirst.answer(
      delta({ upserted: [{ ...first, note: 'one' }], savedAt: '2026-01-01T10:00:03.000Z' }),
    );
    expect(store.getState().save).toEqual({ kind: 'saved', at: '2026-01-01T10:00:03.000Z', what: null });
  });

  it('keeps showing an error of one change after another change in flight commits', async () => {
    void store.setNote('a1', 'one');
    void store.setNote('a2', 'two');
    await fake.next('annotations:set-note').fail('disk full');
    expect(store.getState().save).toEqual({ kind: 'error', message: 'disk full' });

    await fake.next('annotations:set-note').answer(delta({ upserted: [{ ...second, note: 'two' }] }));
    expect(store.getState().save).toEqual({ kind: 'error', message: 'disk full' });
    expect(store.getState().open?.annotations.find((a) => a.id === 'a2')?.note).toBe('two');
  });

  it('says Saved again once a change made after the error commits', async () => {
    void store.setNote('a1', 'one');
    await fake.next('annotations:set-note').fail('disk full');
    void store.setNote('a1', 'again');
    expect(store.getState().save.kind).toBe('saving');
    await fake.next('annotations:set-note').answer(delta({ upserted: [{ ...first, note: 'again' }] }));
    expect(store.getState().save.kind).toBe('saved');
  });

  it('names an undo only when nothing else is in flight', async () => {
    void store.setNote('a1', 'one');
    void store.undo();
    await fake
      .next('history:undo')
      .answer({ ...delta(), description: 'note on claim', savedAt: '2026-01-01T10:00:04.000Z' });
    expect(store.getState().save.kind).toBe('saving');
    await fake.next('annotations:set-note').answer(delta({ savedAt: '2026-01-01T10:00:05.000Z' }));
    expect(store.getState().save).toEqual({
      kind: 'saved',
      at: '2026-01-01T10:00:05.000Z',
      what: 'Undid note on claim',
    });
  });
});

describe('a change whose call throws instead of answering', () => {
  it('still settles: the error shows, and a later change can say Saved', async () => {
    void store.setNote('a1', 'one');
    await fake.next('annotations:set-note').throw(new Error('IPC channel closed'));
    expect(store.getState().save).toEqual({ kind: 'error', message: 'Error: IPC channel closed' });

    void store.setNote('a1', 'again');
    await fake.next('annotations:set-note').answer(delta({ upserted: [{ ...first, note: 'again' }] }));
    expect(store.getState().save.kind).toBe('saved');
  });
});
