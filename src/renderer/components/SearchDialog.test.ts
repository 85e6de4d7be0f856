// @vitest-environment jsdom
// F, Ctrl+F and the Search button put the focus on the "Articles" tab, so the first typed keys were lost.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { storeWithFakeApi } from '../state/testing/testStore';
import { StoreContext } from '../state/useStore';
import { SearchDialog } from './SearchDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('SearchDialog', () => {
  it('opens with the focus in the search field, and gives it back when it closes', () => {
    const { store } = storeWithFakeApi();
    const opener = document.createElement('button');
    const container = document.createElement('div');
    document.body.append(opener, container);
    opener.focus();
    const root = createRoot(container);
    act(() =>
      root.render(createElement(StoreContext.Provider, { value: store }, createElement(SearchDialog))),
    );
    const field = document.activeElement as HTMLInputElement;
    expect(field.tagName).toBe('INPUT');
    expect(field.type).toBe('search');
    expect(field.getAttribute('aria-label')).toBe('Search articles');
    act(() => root.unmount());
    expect(document.activeElement).toBe(opener);
    container.remove();
    opener.remove();
  });
});
