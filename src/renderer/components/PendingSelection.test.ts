// @vitest-environment jsdom
// Regression: after a sloppy drag the panel said nothing of what a key would tag (only a thin underline did).
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '@shared/offsets';
import { label } from '../state/testing/fixtures';
import { storeWithFakeApi } from '../state/testing/testStore';
import { StoreContext } from '../state/useStore';
import { PendingSelection, keyRange } from './PendingSelection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the selection as it will be tagged', () => {
  it('shows the snapped text and the keys that tag it', () => {
    const { store } = storeWithFakeApi();
    store.set({
      labels: [label(), label({ id: 'denial', hotkey: '2' }), label({ id: 'number', hotkey: '3' })],
      selection: { start: 4, end: 16 },
    });
    const container = document.createElement('div');
    const root = createRoot(container);
    const index = new OffsetIndex('The 😀 minister said 12');
    act(() =>
      root.render(
        createElement(StoreContext.Provider, { value: store }, createElement(PendingSelection, { index })),
      ),
    );
    expect(container.querySelector('blockquote')?.textContent).toBe('😀 minister s');
    expect(container.textContent).toContain('Press 1–3 to tag it');
    act(() => store.set({ selection: null }));
    expect(container.textContent).toBe('');
    act(() => root.unmount());
  });

  it('writes keys in a row as a range, others as a list', () => {
    expect(keyRange(['1', '2', '3'])).toBe('1–3');
    expect(keyRange(['1', '2'])).toBe('1, 2');
    expect(keyRange(['1', '3', 'q'])).toBe('1, 3, q');
  });
});
