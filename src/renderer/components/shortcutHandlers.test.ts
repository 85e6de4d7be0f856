import { beforeEach, describe, expect, it } from 'vitest';
import { KEY_ACTIONS, type KeyAction } from '@shared/keys';
import type { AppStore } from '../state/store';
import type { FakeApi } from '../state/testing/fakeApi';
import { showDocument, storeWithFakeApi } from '../state/testing/testStore';
import { delta, opened, summary } from '../state/testing/fixtures';
import { SHORTCUT_HANDLERS } from './shortcutHandlers';

let fake: FakeApi;
let store: AppStore;

beforeEach(() => {
  ({ fake, store } = storeWithFakeApi());
});

describe('the key handlers', () => {
  it('handle every action of the key map the editor does not, and nothing else', () => {
    const handledHere = (KEY_ACTIONS as readonly KeyAction[]).filter((a) => !a.handledBy).map((a) => a.id);
    expect(Object.keys(SHORTCUT_HANDLERS).sort()).toEqual(handledHere.sort());
  });

  it('? opens the cheat sheet and closes it again', () => {
    SHORTCUT_HANDLERS.help(store);
    expect(store.getState().dialog).toBe('help');
    SHORTCUT_HANDLERS.help(store);
    expect(store.getState().dialog).toBeNull();
  });

  it('Escape closes a dialog before it leaves link mode', () => {
    store.set({ dialog: 'search', linkFrom: 'a1' });
    SHORTCUT_HANDLERS.escape(store);
    expect(store.getState()).toMatchObject({ dialog: null, linkFrom: 'a1' });
    SHORTCUT_HANDLERS.escape(store);
    expect(store.getState().linkFrom).toBeNull();
  });

  it('D marks the document done, and takes a done document back to in progress', async () => {
    await showDocument(fake, store, [summary('doc-a')], opened('doc-a'));

    SHORTCUT_HANDLERS.markDone(store);
    await fake.next('documents:set-status').answer(delta({ status: 'done' }));
    SHORTCUT_HANDLERS.markDone(store);
    expect(fake.next('documents:set-status').request).toEqual({ id: 'doc-a', status: 'in_progress' });
  });
});
