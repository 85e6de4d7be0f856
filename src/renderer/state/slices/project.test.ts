import { beforeEach, describe, expect, it } from 'vitest';
import type { Place } from '@shared/model';
import type { AppStore } from '../store';
import type { FakeApi } from '../testing/fakeApi';
import { storeWithFakeApi } from '../testing/testStore';
import { appInfo, label, opened, project, summary } from '../testing/fixtures';

let fake: FakeApi;
let store: AppStore;

beforeEach(() => {
  ({ fake, store } = storeWithFakeApi());
});

/** Answers the calls of a project load: the labels, the list and where the user was. */
async function answerProjectData(documentIds: string[], place: Place | null = null): Promise<void> {
  await fake.next('labels:list').answer([label()]);
  await fake.next('documents:list').answer(documentIds.map((id) => summary(id)));
  await fake.next('place:get').answer(place);
}

describe('loading the project', () => {
  it('reads the labels and the documents, then opens the first document', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo());
    await answerProjectData(['doc-a', 'doc-b']);
    expect(store.getState().labels.map((l) => l.id)).toEqual(['claim']);
    expect(fake.next('documents:open').request).toEqual({ id: 'doc-a' });
  });

  // Regression: a reload or a restart opened the first document, not the one in progress.
  it('reopens where the user was: that document, scrolled back to the character at the top', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo());
    await answerProjectData(['doc-a', 'doc-b'], { documentId: 'doc-b', offset: 420 });
    expect(store.getState().scrollBackRequest).toBeNull();
    const open = fake.next('documents:open');
    expect(open.request).toEqual({ id: 'doc-b' });
    await open.answer(opened('doc-b'));
    expect(store.getState().scrollBackRequest).toEqual({ offset: 420, serial: 1 });
  });

  it('opens the first document when the one the user was in is gone', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo());
    await answerProjectData(['doc-a'], { documentId: 'deleted', offset: 420 });
    await fake.next('documents:open').answer(opened('doc-a'));
    expect(store.getState().open?.document.id).toBe('doc-a');
    expect(store.getState().scrollBackRequest).toBeNull();
  });

  it('says at once that a read-only project cannot be changed, and still loads it', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo(project({ name: 'archive', readOnly: true })));
    expect(store.getState().notice).toMatchObject({
      kind: 'info',
      text: expect.stringMatching(
        /^archive is read-only: you can read, search and export it, but changes cannot be saved/,
      ),
    });
    await answerProjectData(['doc-a']);
    expect(fake.next('documents:open').request).toEqual({ id: 'doc-a' });
  });

  it('says nothing of the kind for a writable project', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo());
    await answerProjectData(['doc-a']);
    expect(store.getState().notice).toBeNull();
  });

  it('asks for nothing more when no project is open (the picker shows)', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo(null));
    expect(store.getState().info?.project).toBeNull();
    expect(fake.sent.map((call) => call.channel)).toEqual(['app:info']);
  });

  it('opens the document open before again when the project reloads', async () => {
    void store.openDocument('doc-b');
    await fake.next('documents:open').answer(opened('doc-b'));
    void store.load();
    await fake.next('app:info').answer(appInfo());
    await answerProjectData(['doc-a', 'doc-b']);
    expect(fake.next('documents:open').request).toEqual({ id: 'doc-b' });
  });

  it('leaves a document the user opened while the project was loading', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo());
    void store.openDocument('doc-b');
    await answerProjectData(['doc-a', 'doc-b']);
    await fake.next('documents:open').answer(opened('doc-b'));
    expect(fake.pending('documents:open')).toBe(0);
    expect(store.getState().open?.document.id).toBe('doc-b');
  });

  it('shows no document when the project has none', async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo());
    await answerProjectData([]);
    expect(store.getState().open).toBeNull();
    expect(fake.pending('documents:open')).toBe(0);
  });

  it('loads again after opening another project, and not when opening fails', async () => {
    void store.openProject('/tmp/missing.spanlight');
    await fake.next('project:open').fail('Not a Spanlight project');
    expect(fake.pending('app:info')).toBe(0);
    expect(store.getState().notice?.text).toBe('Not a Spanlight project');

    void store.openProject('/tmp/other.spanlight');
    await fake.next('project:open').answer(project({ path: '/tmp/other.spanlight' }));
    expect(fake.pending('app:info')).toBe(1);
  });

  it('opens the sample project and loads it, and shows why when it cannot', async () => {
    void store.openSampleProject();
    await fake.next('project:open-sample').fail('This copy of Spanlight has no sample articles');
    expect(fake.pending('app:info')).toBe(0);
    expect(store.getState().notice?.text).toBe('This copy of Spanlight has no sample articles');

    void store.openSampleProject();
    const call = fake.next('project:open-sample');
    expect(call.request).toEqual({});
    await call.answer(project({ name: 'Sample project' }));
    await fake.next('app:info').answer(appInfo());
    await answerProjectData(['doc-a']);
    expect(store.getState().documents.map((d) => d.id)).toEqual(['doc-a']);
  });
});

describe('the project picker and the annotator', () => {
  beforeEach(async () => {
    void store.load();
    await fake.next('app:info').answer(appInfo());
    await answerProjectData(['doc-a']);
    await fake.next('documents:open').answer(opened('doc-a'));
  });

  it('goes back to the picker without the open document', () => {
    store.showProjectPicker();
    expect(store.getState().info?.project).toBeNull();
    expect(store.getState().open).toBeNull();
  });

  it('records the annotator main stored', async () => {
    void store.setAnnotator('Rana');
    await fake.next('project:set-annotator').answer(project({ annotator: 'Rana' }));
    expect(store.getState().info?.project?.annotator).toBe('Rana');
  });

  it('switches the theme at once and keeps the choice in the settings', async () => {
    void store.setTheme('dark');
    expect(store.getState().info?.theme).toBe('dark');
    const call = fake.next('settings:set-theme');
    expect(call.request).toEqual({ theme: 'dark' });
    await call.answer(null);
    expect(store.getState().notice).toBeNull();
  });

  it('switches the language at once and keeps the choice in the settings', async () => {
    void store.setLanguage('ar');
    expect(store.getState().info?.language).toBe('ar');
    const call = fake.next('settings:set-language');
    expect(call.request).toEqual({ language: 'ar' });
    await call.answer(null);
    expect(store.getState().notice).toBeNull();
  });
});
