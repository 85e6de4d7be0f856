import { beforeEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '@shared/suggestions';
import type { AppStore } from '../store';
import type { FakeApi } from '../testing/fakeApi';
import { showDocument, storeWithFakeApi } from '../testing/testStore';
import { annotation, delta, label, opened, summary } from '../testing/fixtures';
import { openSuggestions, suggestionAtCaret } from './suggestions';

function suggestion(labelId: string, start: number, end: number, text = 'x'): Suggestion {
  return {
    id: `${labelId}:${start}:${end}`,
    labelId,
    start,
    end,
    text,
    attributes: {},
    rule: 'numbers',
    reason: 'digits',
  };
}

const TWELVE = suggestion('number', 4, 6, '12');
const LATER = suggestion('number', 10, 12, '15');
const CLAIM = suggestion('claim', 0, 9, 'The text');

let fake: FakeApi;
let store: AppStore;

const shown = () => openSuggestions(store.getState()).map((s) => s.id);

beforeEach(async () => {
  ({ fake, store } = storeWithFakeApi());
  store.set({ labels: [label(), label({ id: 'number', name: 'number', hotkey: '3' })] });
  await showDocument(fake, store, [summary('doc-a'), summary('doc-b')], opened('doc-a'));
});

async function answerList(list: Suggestion[]) {
  await fake.next('suggestions:list').answer(list);
}

describe('refreshing', () => {
  it('shows the answer for the open document', async () => {
    void store.refreshSuggestions();
    const call = fake.next('suggestions:list');
    expect(call.request).toEqual({ documentId: 'doc-a' });
    await call.answer([CLAIM, TWELVE]);
    expect(shown()).toEqual(['claim:0:9', 'number:4:6']);
  });

  it('asks once at a time: changes meanwhile ask once more, and only that answer is shown', async () => {
    void store.refreshSuggestions();
    const first = fake.next('suggestions:list');
    void store.refreshSuggestions();
    void store.refreshSuggestions();
    expect(fake.pending('suggestions:list')).toBe(0);
    await first.answer([TWELVE, LATER]);
    expect(shown()).toEqual([]);
    const second = fake.next('suggestions:list');
    expect(fake.pending('suggestions:list')).toBe(0);
    await second.answer([LATER]);
    expect(shown()).toEqual(['number:10:12']);
  });

  it('drops an answer that arrives after the annotations changed, and one for a document left', async () => {
    void store.refreshSuggestions();
    const pending = fake.next('suggestions:list');
    store.set({ open: { ...store.getState().open!, annotations: [annotation({ start: 4, end: 6 })] } });
    await pending.answer([TWELVE]);
    expect(shown()).toEqual([]);

    void store.refreshSuggestions();
    const forA = fake.next('suggestions:list');
    void store.openDocument('doc-b');
    await fake.next('documents:open').answer(opened('doc-b'));
    await forA.answer([TWELVE]);
    expect(shown()).toEqual([]);
  });

  it('never shows one document’s suggestions over another', async () => {
    void store.refreshSuggestions();
    await answerList([TWELVE]);
    void store.openDocument('doc-b');
    await fake.next('documents:open').answer(opened('doc-b'));
    expect(shown()).toEqual([]);
  });

  it('leaves out what an annotation of the same label overlaps, but not another label’s', async () => {
    store.set({
      open: { ...store.getState().open!, annotations: [annotation({ labelId: 'number', start: 4, end: 6 })] },
    });
    void store.refreshSuggestions();
    await answerList([CLAIM, TWELVE, LATER]);
    expect(shown()).toEqual(['claim:0:9', 'number:10:12']);
  });
});

describe('the selector', () => {
  // useSyncExternalStore renders again whenever a selector answers a new value: a fresh [] each time looped
  // forever (React error #185) as soon as a document opened before its suggestions arrived.
  it('answers the same empty list while there are no suggestions for the open document', () => {
    expect(openSuggestions(store.getState())).toBe(openSuggestions(store.getState()));
    store.set({ suggestions: { documentId: 'doc-b', list: [TWELVE] } });
    expect(openSuggestions(store.getState())).toEqual([]);
    expect(openSuggestions(store.getState())).toBe(openSuggestions(store.getState()));
  });
});

describe('the suggestion at the caret', () => {
  it('is the innermost one the caret touches, else the next after it, else none', () => {
    const list = [CLAIM, TWELVE, LATER];
    expect(suggestionAtCaret(list, 2)).toBe(CLAIM);
    expect(suggestionAtCaret(list, 5)).toBe(TWELVE);
    // Just after a word (a click on its last letter's second half) still counts as at it.
    expect(suggestionAtCaret(list, 6)).toBe(TWELVE);
    expect(suggestionAtCaret(list, 9)).toBe(CLAIM);
    expect(suggestionAtCaret(list, 10)).toBe(LATER);
    expect(suggestionAtCaret(list, 13)).toBeNull();
    expect(suggestionAtCaret([], 0)).toBeNull();
  });

  it('is the first of all before the caret was placed', () => {
    expect(suggestionAtCaret([CLAIM, TWELVE], null)).toBe(CLAIM);
  });
});

describe('accepting and rejecting', () => {
  beforeEach(async () => {
    void store.refreshSuggestions();
    await answerList([TWELVE, LATER]);
  });

  it('accepts the one at the caret by id, painting it at once and taking main’s annotation', async () => {
    store.setCaret(8);
    void store.acceptSuggestionAtCaret();
    const call = fake.next('suggestions:accept');
    expect(call.request).toEqual({ documentId: 'doc-a', id: 'number:10:12' });
    expect(shown()).toEqual(['number:4:6']);
    expect(store.getState().open!.annotations).toMatchObject([{ labelId: 'number', start: 10, end: 12 }]);
    const stored = annotation({ id: 'n1', labelId: 'number', start: 10, end: 12, origin: 'suggestion' });
    await call.answer(delta({ upserted: [stored], annotationCount: 1 }));
    expect(store.getState().open!.annotations.map((a) => a.id)).toEqual(['n1']);
    expect(store.getState().documents[0]?.annotationCount).toBe(1);
  });

  it('takes the painted annotation away again when main refuses', async () => {
    void store.acceptSuggestion('number:4:6');
    await fake.next('suggestions:accept').fail('No suggestion number:4:6 in this document (already taken?)');
    expect(store.getState().open!.annotations).toEqual([]);
    expect(store.getState().notice?.text).toMatch(/already taken/);
  });

  it('rejects by id, then asks again (the same text elsewhere goes too)', async () => {
    store.setCaret(null);
    void store.rejectSuggestionAtCaret();
    const call = fake.next('suggestions:reject');
    expect(call.request).toEqual({ documentId: 'doc-a', id: 'number:4:6' });
    expect(shown()).toEqual(['number:10:12']);
    await call.answer(null);
    await answerList([]);
    expect(shown()).toEqual([]);
  });

  it('accepts all of the label at the caret in one call', async () => {
    store.setCaret(5);
    void store.acceptAllAtCaret();
    const call = fake.next('suggestions:accept-all');
    expect(call.request).toEqual({ documentId: 'doc-a', labelId: 'number' });
    expect(shown()).toEqual([]);
    expect(store.getState().open!.annotations).toHaveLength(2);
    await call.answer(
      delta({
        upserted: [
          annotation({ id: 'n1', labelId: 'number', start: 4, end: 6 }),
          annotation({ id: 'n2', labelId: 'number', start: 10, end: 12 }),
        ],
        annotationCount: 2,
      }),
    );
    expect(store.getState().open!.annotations.map((a) => a.id)).toEqual(['n1', 'n2']);
  });

  it('does nothing when nothing is offered at or after the caret', async () => {
    store.setCaret(13);
    await store.acceptSuggestionAtCaret();
    await store.rejectSuggestionAtCaret();
    expect(fake.pending('suggestions:accept') + fake.pending('suggestions:reject')).toBe(0);
  });
});

describe('the per-label switches', () => {
  it('sets a rule, keeps main’s answer and asks for the suggestions again', async () => {
    void store.setSuggestionRule('number', 'numbers', false);
    const call = fake.next('suggestions:set-rule');
    expect(call.request).toEqual({ labelId: 'number', rule: 'numbers', enabled: false });
    await call.answer([{ labelId: 'number', rule: 'numbers' }]);
    expect(store.getState().switchedOffRules).toEqual([{ labelId: 'number', rule: 'numbers' }]);
    expect(fake.pending('suggestions:list')).toBe(1);
  });
});
