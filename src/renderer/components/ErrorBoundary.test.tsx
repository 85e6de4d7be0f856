// @vitest-environment jsdom
/**
 * Finding 7: one bad render (a label named `__proto__` read Object.prototype as its count) blanked the whole
 * window. Below an ErrorBoundary it shows a message in that part's place, and the parts beside it stay.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

// React warns unless the environment says it runs act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken(): never {
  throw new Error('Objects are not valid as a React child');
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);
  // React and the boundary log the caught error; the test reads the page, not the console.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  act(() => root.unmount());
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows a message where the broken part was; the article beside it stays readable', () => {
    act(() =>
      root.render(
        <>
          <article>The army said 3 fell.</article>
          <ErrorBoundary part="The annotation panel">
            <Broken />
          </ErrorBoundary>
        </>,
      ),
    );
    expect(container.querySelector('article')?.textContent).toBe('The army said 3 fell.');
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The annotation panel could not be shown.');
    expect(alert?.textContent).toContain('Objects are not valid as a React child');
  });

  it('puts a broken dialog’s message in a dialog that Close takes away', () => {
    const onClose = vi.fn();
    act(() =>
      root.render(
        <ErrorBoundary part="This dialog" onClose={onClose}>
          <Broken />
        </ErrorBoundary>,
      ),
    );
    const dialog = container.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toBe('This dialog');
    const close = [...dialog!.querySelectorAll('button')].find((b) => b.textContent === 'Close')!;
    act(() => close.click());
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('renders its children when nothing fails', () => {
    act(() =>
      root.render(
        <ErrorBoundary part="The article">
          <p>fine</p>
        </ErrorBoundary>,
      ),
    );
    expect(container.innerHTML).toBe('<p>fine</p>');
  });
});
