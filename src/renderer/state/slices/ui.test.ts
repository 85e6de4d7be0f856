import { beforeEach, describe, expect, it } from 'vitest';
import type { AppStore } from '../store';
import type { FakeApi } from '../testing/fakeApi';
import { storeWithFakeApi } from '../testing/testStore';
import { panelShown } from './ui';

let fake: FakeApi;
let store: AppStore;

beforeEach(() => {
  ({ fake, store } = storeWithFakeApi());
});

describe('dialogs', () => {
  it('opens and closes a dialog, and ? toggles the cheat sheet', () => {
    store.openDialog('search');
    expect(store.getState().dialog).toBe('search');
    store.closeDialog();
    expect(store.getState().dialog).toBeNull();
    store.toggleHelp();
    expect(store.getState().dialog).toBe('help');
    store.toggleHelp();
    expect(store.getState().dialog).toBeNull();
  });

  it('asks the editor to reveal a range with a new serial each time, closing the dialog', () => {
    store.openDialog('search');
    store.reveal({ start: 3, end: 9 });
    store.reveal({ start: 3, end: 9 });
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().revealRequest).toEqual({ start: 3, end: 9, serial: 2 });
  });
});

describe('notices and listeners', () => {
  it('turns a failed call into an error notice the user can dismiss', async () => {
    const answer = store.call('labels:list', {});
    await fake.next('labels:list').fail('No project is open');
    expect(await answer).toBeUndefined();
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'No project is open', details: [] });
    store.dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('tells each listener of every change until it unsubscribes', () => {
    const seen: Array<string | null> = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getState().dialog));
    store.openDialog('labels');
    unsubscribe();
    store.closeDialog();
    expect(seen).toEqual(['labels']);
  });
});

describe('side panels', () => {
  // Regression: at 1024 px the reading column shrank to 360 px, both panels open and no way to close them.
  it('hide the document list on a narrow window, and the keys show or hide either panel', () => {
    expect([panelShown(store.getState(), 'documents'), panelShown(store.getState(), 'annotations')]).toEqual([
      true,
      true,
    ]);
    store.setNarrowWindow(true);
    expect(panelShown(store.getState(), 'documents')).toBe(false);
    store.togglePanel('documents');
    expect(panelShown(store.getState(), 'documents')).toBe(true);
    store.togglePanel('annotations');
    expect(panelShown(store.getState(), 'annotations')).toBe(false);
    store.setNarrowWindow(false);
    expect(panelShown(store.getState(), 'annotations')).toBe(false);
  });
});
