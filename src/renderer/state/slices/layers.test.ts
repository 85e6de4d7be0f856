import { beforeEach, describe, expect, it } from 'vitest';
import type { AppStore } from '../store';
import type { FakeApi } from '../testing/fakeApi';
import { showDocument, storeWithFakeApi } from '../testing/testStore';
import { annotation, appInfo, delta, opened, project, summary } from '../testing/fixtures';
import { stepAnnotation } from '../actions/navigation';
import { actingLayer, layerCounts, layerShown, otherLayerStyles } from './layers';

const anas = annotation({ id: 'ana-1', start: 0, end: 4, annotator: 'Ana' });
const bens = annotation({ id: 'ben-1', start: 0, end: 4, annotator: 'Ben' });
const cems = annotation({ id: 'cem-1', start: 6, end: 9, annotator: 'Cem' });
const old = annotation({ id: 'old-1', start: 10, end: 12, annotator: null });

let fake: FakeApi;
let store: AppStore;

beforeEach(async () => {
  ({ fake, store } = storeWithFakeApi());
  store.set({ info: appInfo(project({ annotator: 'Ana' })) });
  await showDocument(fake, store, [summary('doc-a')], opened('doc-a', [anas, bens, cems, old]));
});

describe('which layers show', () => {
  it('shows the acting layer and unattributed spans, and the others only when chosen', () => {
    const shown = (names: string[]) =>
      [anas, bens, cems, old].filter((a) => layerShown('Ana', names, a)).map((a) => a.id);
    expect(shown([])).toEqual(['ana-1', 'old-1']);
    expect(shown(['Cem'])).toEqual(['ana-1', 'cem-1', 'old-1']);
    expect([anas, bens].filter((a) => layerShown(null, [], a))).toEqual([anas, bens]);
    store.toggleLayer('Ben');
    store.toggleLayer('Cem');
    store.toggleLayer('Cem');
    expect(store.getState().shownLayers).toEqual(['Ben']);
  });

  it('Tab steps through the spans that show only', () => {
    store.selectAnnotation(null);
    stepAnnotation(store, 1);
    expect(store.getState().selectedAnnotationId).toBe('ana-1');
    stepAnnotation(store, 1);
    expect(store.getState().selectedAnnotationId).toBe('old-1');
    store.toggleLayer('Cem');
    stepAnnotation(store, -1);
    expect(store.getState().selectedAnnotationId).toBe('cem-1');
  });

  it('counts each annotator’s spans, and gives each other layer shown a style place by name', () => {
    expect(layerCounts([anas, bens, cems, old, bens])).toEqual([
      { annotator: 'Ana', spans: 1 },
      { annotator: 'Ben', spans: 2 },
      { annotator: 'Cem', spans: 1 },
    ]);
    expect([...otherLayerStyles('Ana', ['Cem', 'Ben', 'Ana'])]).toEqual([
      ['Ben', 0],
      ['Cem', 1],
    ]);
  });
});

describe('another annotator’s spans are read-only', () => {
  it('a delete of Ben’s span is refused with a notice, and never sent', async () => {
    store.selectAnnotation('ben-1');
    await store.deleteSelected();
    expect(fake.sent.map((s) => s.channel)).not.toContain('annotations:delete');
    expect(store.getState().notice?.text).toContain("Ben's layer");
    expect(store.getState().open?.annotations.map((a) => a.id)).toContain('ben-1');
  });

  it('a note, attributes or relabel of Ben’s span are refused too; the user’s own go through', async () => {
    await store.setNote('ben-1', 'mine');
    await store.setAttributes('ben-1', {});
    store.selectAnnotation('ben-1');
    await store.relabelSelected('denial');
    expect(fake.sent).toEqual([
      expect.objectContaining({ channel: 'documents:list' }),
      expect.objectContaining({ channel: 'documents:open' }),
    ]);
    void store.setNote('ana-1', 'checked');
    await fake
      .next('annotations:set-note')
      .answer(delta({ documentId: 'doc-a', upserted: [{ ...anas, note: 'checked' }] }));
    expect(store.getState().open?.annotations.find((a) => a.id === 'ana-1')?.note).toBe('checked');
  });

  it('curating: the curated layer is the acting one; Ben’s stays read-only, and Ana’s waits', async () => {
    void store.setCurating('curated');
    expect(fake.next('layers:set-curating').request).toEqual({ layer: 'curated' });
    // Not curating until main says so.
    expect(actingLayer(store.getState())).toBe('Ana');
    void store.setCurating('curated');
    await fake.next('layers:set-curating').answer({ own: 'Ana', curating: 'curated' });
    expect(actingLayer(store.getState())).toBe('curated');
    // Ana's own layer stays in view, read-only while she curates.
    expect(store.getState().shownLayers).toEqual(['Ana']);
    store.selectAnnotation('ana-1');
    await store.deleteSelected();
    expect(fake.pending('annotations:delete')).toBe(0);
    expect(store.getState().notice?.text).toContain("Ana's layer");
  });
});

describe('merging and the team column', () => {
  it('runs the merge, keeps its report, and reloads the list, the open document and the team column', async () => {
    void store.toggleTeamColumn();
    await fake.next('layers:statuses').answer([]);
    const report = {
      merged: [{ document: 'b.jsonl', annotator: 'Ben', added: 1, changed: 0, removed: 0 }],
      unchanged: 0,
      conflicts: [],
      missingDocuments: [],
      addedDocuments: [],
      unattributed: 0,
    };
    void store.merge({ source: { kind: 'path', path: '/tmp/b.jsonl' }, force: true, addDocuments: true });
    const call = fake.next('layers:merge');
    expect(call.request).toEqual({
      source: { kind: 'path', path: '/tmp/b.jsonl' },
      force: true,
      addDocuments: true,
    });
    await call.answer(report);
    expect(store.getState().mergeReport).toEqual(report);
    await fake.next('documents:list').answer([summary('doc-a')]);
    await fake.next('documents:open').answer(opened('doc-a', [anas, bens]));
    const team = [{ documentId: 'doc-a', annotator: 'Ben', status: 'done' as const, spans: 1 }];
    await fake.next('layers:statuses').answer(team);
    expect(store.getState().teamStatuses).toEqual(team);
  });
});
