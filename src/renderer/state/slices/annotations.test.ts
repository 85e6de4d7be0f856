import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message } from '@shared/messages/message';
import type { CodePointRange } from '@shared/offsets';
import { applyLanguage } from '../../i18n/i18n';
import type { AppStore } from '../store';
import type { FakeApi } from '../testing/fakeApi';
import { showDocument, storeWithFakeApi } from '../testing/testStore';
import { annotation, delta, label, opened, summary } from '../testing/fixtures';

const stored = annotation({ id: 'a1', start: 10, end: 14, labelId: 'claim' });

let fake: FakeApi;
let store: AppStore;
/** What the editor would report as selected in the article. */
let articleRange: CodePointRange | null;
let cleared: number;

beforeEach(async () => {
  ({ fake, store } = storeWithFakeApi());
  articleRange = null;
  cleared = 0;
  store.setSelectionSource({ read: () => articleRange, clear: () => cleared++ });
  store.set({ labels: [label(), label({ id: 'denial', name: 'denial', hotkey: '2' })] });
  await showDocument(
    fake,
    store,
    [summary('doc-a', { annotationCount: 1 }), summary('doc-b')],
    opened('doc-a', [stored]),
  );
});

const ids = () => store.getState().open?.annotations.map((a) => a.id);

describe('tagging the selection', () => {
  it('paints a provisional annotation at once, then puts the stored one in its place by id', async () => {
    articleRange = { start: 0, end: 3 };
    void store.applyLabel('claim');

    const call = fake.next('annotations:create');
    expect(call.request).toEqual({ documentId: 'doc-a', start: 0, end: 3, labelId: 'claim', attributes: {} });
    const provisional = store.getState().open!.annotations[0]!;
    expect(provisional).toMatchObject({ start: 0, end: 3, labelId: 'claim', annotator: null });
    expect(store.getState().selectedAnnotationId).toBe(provisional.id);
    expect(store.getState()).toMatchObject({ selection: null, save: { kind: 'saving' } });
    expect(cleared).toBe(1);

    const created = annotation({ id: 'stored-2', start: 0, end: 3 });
    await call.answer(
      delta({ upserted: [created], annotationCount: 2, savedAt: '2026-01-01T10:00:00.000Z' }),
    );
    expect(ids()).toEqual(['stored-2', 'a1']);
    expect(store.getState().selectedAnnotationId).toBe('stored-2');
    expect(store.getState().documents[0]?.annotationCount).toBe(2);
    expect(store.getState().save).toEqual({ kind: 'saved', at: '2026-01-01T10:00:00.000Z', what: null });
  });

  it('takes the selection at the moment of tagging, not the last one reported', async () => {
    store.setSelection({ start: 0, end: 3 });
    articleRange = { start: 0, end: 8 };
    void store.applyLabel('claim');
    expect(fake.next('annotations:create').request).toMatchObject({ start: 0, end: 8 });
  });

  it('takes away the provisional annotation when main refuses it', async () => {
    articleRange = { start: 0, end: 3 };
    void store.applyLabel('claim');
    expect(ids()).toHaveLength(2);
    await fake.next('annotations:create').fail('the span is out of range');
    expect(ids()).toEqual(['a1']);
    expect(store.getState().selectedAnnotationId).toBeNull();
    expect(store.getState().save).toEqual({ kind: 'error', message: 'the span is out of range' });
    expect(store.getState().notice?.text).toBe('the span is out of range');
  });

  it('keeps both of two quick tags whose answers arrive in the other order', async () => {
    articleRange = { start: 0, end: 3 };
    void store.applyLabel('claim');
    articleRange = { start: 4, end: 8 };
    void store.applyLabel('denial');
    const [toFirst, toSecond] = [fake.next('annotations:create'), fake.next('annotations:create')];

    await toSecond.answer(
      delta({ upserted: [annotation({ id: 's2', start: 4, end: 8, labelId: 'denial' })] }),
    );
    expect(ids()).toHaveLength(3);
    expect(store.getState().save.kind).toBe('saving');
    await toFirst.answer(delta({ upserted: [annotation({ id: 's1', start: 0, end: 3 })] }));

    expect(ids()).toEqual(['s1', 's2', 'a1']);
    expect(store.getState().selectedAnnotationId).toBe('s2');
    expect(store.getState().save.kind).toBe('saved');
  });

  it('fills attributes the label asks for from the tagged text', async () => {
    store.set({ labels: [label({ id: 'number', attributes: [{ name: 'value', type: 'number' }] })] });
    void store.openDocument('doc-c');
    const numbers = opened('doc-c');
    await fake
      .next('documents:open')
      .answer({ ...numbers, document: { ...numbers.document, text: 'about 1,200 people' } });
    articleRange = { start: 6, end: 11 };
    void store.applyLabel('number');
    expect(fake.next('annotations:create').request.attributes).toEqual({ value: 1200 });
  });
});

describe('changing an annotation', () => {
  it('relabels the selected annotation at once and goes back when main refuses', async () => {
    store.selectAnnotation('a1');
    void store.applyLabel('denial');
    expect(store.getState().open?.annotations[0]?.labelId).toBe('denial');
    await fake.next('annotations:relabel').fail('no such label');
    expect(store.getState().open?.annotations[0]).toEqual(stored);
  });

  it('shows the note main stored, replacing the annotation by id', async () => {
    void store.setNote('a1', 'checked');
    expect(store.getState().open?.annotations).toEqual([stored]);
    const kept = { ...stored, note: 'checked', updatedAt: '2026-01-01T10:00:00.000Z' };
    await fake.next('annotations:set-note').answer(delta({ upserted: [kept], annotationCount: 1 }));
    expect(store.getState().open?.annotations).toEqual([kept]);
  });

  it('sends nothing for an annotation main has not stored yet', async () => {
    articleRange = { start: 0, end: 3 };
    void store.applyLabel('claim');
    const provisionalId = store.getState().selectedAnnotationId!;
    await store.setNote(provisionalId, 'too early');
    await store.deleteSelected();
    expect(fake.pending('annotations:set-note') + fake.pending('annotations:delete')).toBe(0);
  });

  it('deletes the selected annotation and clears the selection', async () => {
    store.selectAnnotation('a1');
    void store.deleteSelected();
    const call = fake.next('annotations:delete');
    expect(call.request).toEqual({ id: 'a1' });
    expect(ids()).toEqual(['a1']);
    await call.answer(delta({ deletedIds: ['a1'], annotationCount: 0 }));
    expect(ids()).toEqual([]);
    expect(store.getState().selectedAnnotationId).toBeNull();
    expect(store.getState().documents[0]?.annotationCount).toBe(0);
  });

  it('counts a change answered after its document was left, without touching the open one', async () => {
    void store.setNote('a1', 'late');
    const toNote = fake.next('annotations:set-note');
    void store.openDocument('doc-b');
    await fake.next('documents:open').answer(opened('doc-b'));

    await toNote.answer(delta({ upserted: [{ ...stored, note: 'late' }], annotationCount: 1 }));
    expect(store.getState().open?.document.id).toBe('doc-b');
    expect(ids()).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('says what was undone once main has answered', async () => {
    void store.undo();
    const call = fake.next('history:undo');
    expect(call.request).toEqual({ documentId: 'doc-a' });
    await call.answer({ ...delta({ deletedIds: ['a1'], annotationCount: 0 }), description: 'tag claim' });
    expect(ids()).toEqual([]);
    expect(store.getState().save).toMatchObject({ kind: 'saved', what: 'Undid tag claim' });
  });

  describe('in Arabic', () => {
    beforeEach(() => applyLanguage('ar'));
    afterEach(() => applyLanguage('en'));

    /** What the save indicator says after an undo answered `description` and `said`. */
    async function undone(description: string, said?: ReturnType<typeof message>): Promise<unknown> {
      void store.undo();
      await fake.next('history:undo').answer({ ...delta(), description, ...(said && { message: said }) });
      return store.getState().save;
    }

    it('words the action from its message, names as the user wrote them even when they read like English', async () => {
      // Read back from the English, "relabel to delete x in y" would be a relabel to "delete x" in layer "y".
      expect(
        await undone('relabel to delete x in y', message('actions', 'relabel', { label: 'delete x in y' })),
      ).toMatchObject({ kind: 'saved', what: 'تراجعتَ عن: تغيير الوسم إلى delete x in y' });
      // ... and deleting a span labelled "topic" would be deleting a topic.
      expect(await undone('delete topic', message('actions', 'delete', { label: 'topic' }))).toMatchObject({
        what: 'تراجعتَ عن: حذف topic',
      });
      // An annotator named "from Homs" (or "to") is a value, never a word of the sentence.
      expect(
        await undone(
          'accept claim from from Homs into curated',
          message('actions', 'accept', { label: 'claim', annotator: 'from Homs', layer: 'curated' }),
        ),
      ).toMatchObject({ what: 'تراجعتَ عن: قبول claim من from Homs في curated' });
      expect(
        await undone("merge to's annotations", message('actions', 'merge', { annotator: 'to' })),
      ).toMatchObject({ what: 'تراجعتَ عن: دمج توسيمات to' });
    });

    it('words a status from its stored code', async () => {
      expect(
        await undone('mark skipped', message('actions', 'mark.skipped', { status: 'skipped' })),
      ).toMatchObject({ what: 'تراجعتَ عن: وضع الحالة: متجاوز' });
    });

    it('reads back the English of an action recorded before schema 9, which has no message', async () => {
      expect(await undone('mark in progress')).toMatchObject({ what: 'تراجعتَ عن: وضع الحالة: قيد العمل' });
      expect(await undone('something older')).toMatchObject({ what: 'تراجعتَ عن: something older' });
    });
  });

  it('says when there is nothing to redo', async () => {
    void store.redo();
    await fake.next('history:redo').answer({ ...delta(), description: null });
    expect(store.getState().save).toMatchObject({ kind: 'saved', what: 'Nothing to redo' });
  });
});
