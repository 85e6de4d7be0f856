import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentComparison } from '@shared/comparison';
import type { AppStore } from '../store';
import { settle, type FakeApi } from '../testing/fakeApi';
import { delta, opened, summary } from '../testing/fixtures';
import { showDocument, storeWithFakeApi } from '../testing/testStore';
import { SHORTCUT_HANDLERS } from '../../components/shortcutHandlers';

let fake: FakeApi;
let store: AppStore;

/** Two disagreements: a label clash (A's and B's span) and a span only B has. */
function comparison(settled: Array<'accepted' | 'rejected' | null> = [null, null]): DocumentComparison {
  return {
    documentId: 'doc-a',
    annotators: ['A', 'B'],
    into: 'curated',
    spans: [
      { id: 'a1', annotator: 'A', labelId: 'number', start: 0, end: 2, kind: 'label' },
      { id: 'b1', annotator: 'B', labelId: 'claim', start: 0, end: 2, kind: 'label' },
      { id: 'b2', annotator: 'B', labelId: 'claim', start: 5, end: 9, kind: 'partial' },
    ],
    disagreements: [
      { start: 0, end: 2, kind: 'label', spanIds: ['a1', 'b1'], settled: settled[0]! },
      { start: 5, end: 9, kind: 'partial', spanIds: ['b2'], settled: settled[1]! },
    ],
    curated: [],
    details: {},
  };
}

/** Answers the reads the comparison screen makes on opening: the document, and the project's table. */
async function answerRefresh(view: DocumentComparison): Promise<void> {
  await settle();
  await fake.next('compare:document').answer(view);
  await fake.next('compare:documents').answer({
    annotators: ['A', 'B', 'curated'],
    rows: [
      { documentId: 'doc-a', title: 'A', disagreements: 2, open: 2 },
      { documentId: 'doc-b', title: 'B', disagreements: 5, open: 5 },
    ],
  });
}

/** After a change to the open document, only it is read again. */
async function answerDocument(view: DocumentComparison): Promise<void> {
  await settle();
  await fake.next('compare:document').answer(view);
  expect(fake.pending('compare:documents')).toBe(0);
}

beforeEach(async () => {
  ({ fake, store } = storeWithFakeApi());
  await showDocument(fake, store, [summary('doc-a')], opened('doc-a'));
  fake.answerAlways('export:options', () => ({ annotators: ['A', 'B', 'curated'] }));
});

describe('the comparison screen', () => {
  it('opens on the open document, comparing everyone but the curated layer, focused on the first open disagreement', async () => {
    SHORTCUT_HANDLERS.openComparison(store);
    await answerRefresh(comparison(['accepted', null]));
    const state = store.getState();
    expect(state.screen).toBe('compare');
    expect(state.comparison.chosen).toEqual(['A', 'B']);
    expect(fake.sent.find((s) => s.channel === 'compare:document')?.request).toEqual({
      documentId: 'doc-a',
      annotators: ['A', 'B'],
      into: 'curated',
    });
    expect(state.comparison.focus).toBe(1);
    SHORTCUT_HANDLERS.escape(store);
    expect(store.getState().screen).toBe('workbench');
  });

  it('steps through disagreements, accepts the N-th annotator’s span by key, and rejects the focused one', async () => {
    void store.openComparison();
    await answerRefresh(comparison());
    SHORTCUT_HANDLERS.acceptSpan(store, {
      key: '2',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
    });
    await fake.next('adjudicate:accept').answer(delta({ documentId: 'doc-a' }));
    expect(fake.sent.find((s) => s.channel === 'adjudicate:accept')?.request).toEqual({
      id: 'b1',
      into: 'curated',
    });
    await answerDocument(comparison(['accepted', null]));
    expect(store.getState().comparison.focus).toBe(0);
    // The table's row of the document follows its comparison; the other rows are as they were.
    expect(store.getState().comparison.table!.map((r) => [r.disagreements, r.open])).toEqual([
      [2, 1],
      [5, 5],
    ]);

    SHORTCUT_HANDLERS.nextDisagreement(store);
    SHORTCUT_HANDLERS.nextDisagreement(store);
    expect(store.getState().comparison.focus).toBe(1);
    SHORTCUT_HANDLERS.rejectDisagreement(store);
    await fake.next('adjudicate:reject').answer(delta({ documentId: 'doc-a' }));
    expect(fake.sent.find((s) => s.channel === 'adjudicate:reject')?.request).toEqual({
      documentId: 'doc-a',
      spans: [{ labelId: 'claim', start: 5, end: 9 }],
      into: 'curated',
    });
    await answerDocument(comparison(['accepted', 'rejected']));
    SHORTCUT_HANDLERS.previousDisagreement(store);
    expect(store.getState().comparison.focus).toBe(0);
  });

  it('moves the curated span to another annotator’s extent, sending only the extent', async () => {
    void store.openComparison();
    await answerRefresh(comparison());
    const span = store.getState().comparison.view!.spans[2]!;
    void store.setCuratedExtent('c1', span);
    await fake.next('adjudicate:set-extent').answer(delta({ documentId: 'doc-a' }));
    expect(fake.sent.find((s) => s.channel === 'adjudicate:set-extent')?.request).toEqual({
      id: 'c1',
      start: 5,
      end: 9,
      into: 'curated',
    });
  });

  it('does nothing for an annotator who has no span in the focused disagreement', async () => {
    void store.openComparison();
    await answerRefresh(comparison());
    SHORTCUT_HANDLERS.nextDisagreement(store);
    await store.acceptFrom(1);
    await store.acceptFrom(7);
    expect(fake.pending('adjudicate:accept')).toBe(0);
  });

  it('naming an annotator as the curated layer leaves them out of the compared annotators', async () => {
    void store.openComparison();
    await answerRefresh(comparison());
    await store.setCuratedLayer(' B ');
    // One annotator left: nothing to compare, and nothing asked.
    expect(store.getState().comparison).toMatchObject({ into: 'B', chosen: ['A'], view: null, table: null });
    expect(fake.pending('compare:document')).toBe(0);
  });
});
