import { beforeEach, describe, expect, it } from 'vitest';
import type { AppStore } from '../store';
import type { FakeApi } from '../testing/fakeApi';
import { showDocument, storeWithFakeApi } from '../testing/testStore';
import { annotation, delta, opened, summary } from '../testing/fixtures';

let fake: FakeApi;
let store: AppStore;

beforeEach(() => {
  ({ fake, store } = storeWithFakeApi());
});

describe('opening documents', () => {
  it('shows the document main answered, its annotations in text order', async () => {
    void store.openDocument('doc-a');
    const call = fake.next('documents:open');
    expect(call.request).toEqual({ id: 'doc-a' });
    const later = annotation({ id: 'later', start: 9, end: 12 });
    const earlier = annotation({ id: 'earlier', start: 1, end: 3 });
    await call.answer(opened('doc-a', [later, earlier]));
    expect(store.getState().open?.document.id).toBe('doc-a');
    expect(store.getState().open?.annotations.map((a) => a.id)).toEqual(['earlier', 'later']);
  });

  it('shows a document whose out-of-range annotations main left out, and says how many', async () => {
    void store.openDocument('doc-a');
    const kept = annotation({ id: 'kept', start: 1, end: 3 });
    await fake.next('documents:open').answer({ ...opened('doc-a', [kept]), skippedAnnotations: 2 });
    expect(store.getState().open?.annotations.map((a) => a.id)).toEqual(['kept']);
    expect(store.getState().notice).toMatchObject({
      kind: 'error',
      text: expect.stringMatching(/^2 annotations of “.*” lie outside its text .* and are not shown$/),
    });
  });

  it('never shows a stale document: A opened, then B, and A answers late', async () => {
    void store.openDocument('doc-a');
    void store.openDocument('doc-b');
    expect(store.currentDocumentId()).toBe('doc-b');
    const toA = fake.next('documents:open');
    const toB = fake.next('documents:open');

    await toA.answer(opened('doc-a'));
    expect(store.getState().open).toBeNull();

    await toB.answer(opened('doc-b'));
    expect(store.getState().open?.document.id).toBe('doc-b');
  });

  it('keeps the newer document when the answers arrive out of order', async () => {
    void store.openDocument('doc-a');
    void store.openDocument('doc-b');
    const toA = fake.next('documents:open');
    const toB = fake.next('documents:open');

    await toB.answer(opened('doc-b'));
    await toA.answer(opened('doc-a'));
    expect(store.getState().open?.document.id).toBe('doc-b');
  });

  it('clears the selection and link mode of the document left behind', async () => {
    store.set({ selection: { start: 1, end: 2 }, selectedAnnotationId: 'a1', linkFrom: 'a1' });
    void store.openDocument('doc-b');
    await fake.next('documents:open').answer(opened('doc-b'));
    expect(store.getState()).toMatchObject({ selection: null, selectedAnnotationId: null, linkFrom: null });
  });

  it('keeps what is shown and says why when the document cannot be opened', async () => {
    void store.openDocument('doc-a');
    await fake.next('documents:open').answer(opened('doc-a'));
    void store.openDocument('gone');
    await fake.next('documents:open').fail('No such document');
    expect(store.getState().open?.document.id).toBe('doc-a');
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'No such document', details: [] });
  });
});

describe('the document list and status', () => {
  beforeEach(async () => {
    await showDocument(fake, store, [summary('doc-a'), summary('doc-b')], opened('doc-a'));
  });

  it('marks the open document and its row in the list once main stored the status', async () => {
    void store.setStatus('done');
    const call = fake.next('documents:set-status');
    expect(call.request).toEqual({ id: 'doc-a', status: 'done' });
    expect(store.getState().open?.document.status).toBe('todo');
    await call.answer(delta({ status: 'done' }));
    expect(store.getState().open?.document.status).toBe('done');
    expect(store.getState().documents.map((d) => d.status)).toEqual(['done', 'todo']);
  });

  // Regression: the status answer wrote back the document captured before the call, undoing the J that left it.
  it('does not bring back the document left while its status was saving', async () => {
    void store.setStatus('done');
    const toStatus = fake.next('documents:set-status');
    void store.openDocument('doc-b');
    await fake.next('documents:open').answer(opened('doc-b'));

    await toStatus.answer(delta({ status: 'done' }));
    expect(store.getState().open?.document.id).toBe('doc-b');
    expect(store.getState().open?.document.status).toBe('todo');
    expect(store.getState().documents.find((d) => d.id === 'doc-a')?.status).toBe('done');
  });

  // Regression: D, S and the status select did not show in the save indicator and Ctrl+Z did not undo them.
  it('a status change shows in the save indicator, and its undo puts the status back', async () => {
    void store.setStatus('done');
    expect(store.getState().save.kind).toBe('saving');
    await fake
      .next('documents:set-status')
      .answer(delta({ status: 'done', savedAt: '2026-01-01T10:00:00.000Z' }));
    expect(store.getState().save).toEqual({
      kind: 'saved',
      at: '2026-01-01T10:00:00.000Z',
      what: 'Marked done',
    });

    void store.undo();
    expect(fake.next('history:undo').request).toEqual({ documentId: 'doc-a' });
  });

  it('an undo answered with the earlier status shows it in the list and the open document', async () => {
    store.set({
      open: { ...store.getState().open!, document: { ...store.getState().open!.document, status: 'done' } },
    });
    void store.undo();
    await fake.next('history:undo').answer({ ...delta({ status: 'in_progress' }), description: 'mark done' });
    expect(store.getState().open?.document.status).toBe('in_progress');
    expect(store.getState().documents.find((d) => d.id === 'doc-a')?.status).toBe('in_progress');
    expect(store.getState().save).toMatchObject({ kind: 'saved', what: 'Undid mark done' });
  });

  it('keeps the list when refreshing it fails', async () => {
    void store.refreshDocuments();
    await fake.next('documents:list').fail('database is locked');
    expect(store.getState().documents.map((d) => d.id)).toEqual(['doc-a', 'doc-b']);
    expect(store.getState().notice?.text).toBe('database is locked');
  });
});

describe('document provenance (issue 15)', () => {
  const fields = {
    outlet: 'North Press',
    published: '2020-10-05',
    url: null,
    language: 'en',
    externalId: null,
    extra: {},
  };

  beforeEach(async () => {
    await showDocument(fake, store, [summary('doc-a'), summary('doc-b')], opened('doc-a'));
  });

  it('an edit is sent for the open document, named on the save indicator, and shown in the list and the panel', async () => {
    void store.setMeta(fields);
    const call = fake.next('documents:set-meta');
    expect(call.request).toEqual({ id: 'doc-a', meta: fields });
    expect(store.getState().save.kind).toBe('saving');
    await call.answer(
      delta({ meta: { fileName: 'doc-a.txt', ...fields }, savedAt: '2026-01-01T10:00:00.000Z' }),
    );
    expect(store.getState().save).toEqual({
      kind: 'saved',
      at: '2026-01-01T10:00:00.000Z',
      what: 'Document details saved',
    });
    expect(store.getState().open?.meta).toEqual({ fileName: 'doc-a.txt', ...fields });
    expect(store.getState().documents.map((d) => [d.id, d.outlet, d.published])).toEqual([
      ['doc-a', 'North Press', '2020-10-05'],
      ['doc-b', null, null],
    ]);
  });

  it('an undo answered with the earlier provenance puts it back in the list and the panel', async () => {
    void store.setMeta(fields);
    await fake.next('documents:set-meta').answer(delta({ meta: { fileName: 'doc-a.txt', ...fields } }));
    void store.undo();
    const before = { fileName: 'doc-a.txt', ...fields, outlet: null, published: null };
    await fake
      .next('history:undo')
      .answer({ ...delta({ meta: before }), description: 'edit document details' });
    expect(store.getState().open?.meta).toEqual(before);
    expect(store.getState().documents[0]).toMatchObject({ outlet: null, published: null });
    expect(store.getState().save).toMatchObject({ kind: 'saved', what: 'Undid edit document details' });
  });

  it('a change that carries no provenance leaves it as it was', async () => {
    void store.setMeta(fields);
    await fake.next('documents:set-meta').answer(delta({ meta: { fileName: 'doc-a.txt', ...fields } }));
    void store.setStatus('done');
    await fake.next('documents:set-status').answer(delta({ status: 'done' }));
    expect(store.getState().open?.meta.outlet).toBe('North Press');
    expect(store.getState().documents[0]!.outlet).toBe('North Press');
  });
});
