// @vitest-environment jsdom
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { KEY_ACTIONS } from '@shared/keys';
import { createAppStore } from '../state/store';
import { FakeApi } from '../state/testing/fakeApi';
import { label } from '../state/testing/fixtures';
import { StoreContext } from '../state/useStore';
import { KeyboardHelp } from './KeyboardHelp';
import { keysOf } from './keyHints';

/** The cheat sheet's rows as text: the keys cell, then the description. */
function cheatSheetRows(): string[][] {
  const store = createAppStore(new FakeApi().api);
  store.set({
    labels: [label(), label({ id: 'denial', name: 'denial', hotkey: '2' }), label({ id: 'x', hotkey: null })],
  });
  const container = document.createElement('div');
  const root = createRoot(container);
  flushSync(() =>
    root.render(createElement(StoreContext.Provider, { value: store }, createElement(KeyboardHelp))),
  );
  const rows = [...container.querySelectorAll('tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
  );
  root.unmount();
  return rows;
}

describe('the cheat sheet', () => {
  it('lists every entry of the key map with all its keys, after the label keys', () => {
    const rows = cheatSheetRows();
    expect(rows.slice(0, 2)).toEqual([
      ['1', 'Tag as claim (or relabel the selected annotation)'],
      ['2', 'Tag as denial (or relabel the selected annotation)'],
    ]);
    expect(rows.slice(2)).toEqual(
      KEY_ACTIONS.map((action) => [keysOf(action.id).join(' or '), action.description]),
    );
  });
});
