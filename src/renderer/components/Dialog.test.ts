// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Dialog } from './Dialog';
// The app's i18next instance, as main.tsx loads it: the dialog's Close is named through it.
import '../i18n/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function tab(shiftKey = false): void {
  act(() => {
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true }),
    );
  });
}

describe('Dialog', () => {
  it('keeps Tab and Shift+Tab inside it, wrapping at both ends', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const body = [
      createElement('button', { key: 'a', 'aria-label': 'first' }, 'Cancel'),
      createElement('button', { key: 'b' }, 'OK'),
    ];
    act(() =>
      root.render(createElement(Dialog, { title: 'Test', onClose: () => undefined, children: body })),
    );
    const dialog = container.querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('first');

    // The close button comes first in the dialog's order, OK last.
    const close = container.querySelector<HTMLElement>('[aria-label=Close]')!;
    act(() => close.focus());
    tab(true);
    expect(document.activeElement?.textContent).toBe('OK');
    tab();
    expect(document.activeElement).toBe(close);
    act(() => root.unmount());
    container.remove();
  });
});
