// @vitest-environment jsdom
// The File menu stayed open over the work after Escape, a click outside and choosing an item.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MenuButton } from './MenuButton';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let chosen: string[];

beforeEach(() => {
  chosen = [];
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const items = ['Import files…', 'Export…', 'Backups…'].map((label) => ({
    label,
    onSelect: () => chosen.push(label),
  }));
  act(() => root.render(createElement(MenuButton, { label: 'File', items })));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const button = () => container.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
const menu = () => container.querySelector('[role=menu]');
const focusedText = () => document.activeElement?.textContent;

function press(key: string): void {
  act(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

function openMenu(): void {
  act(() => button().click());
}

describe('MenuButton', () => {
  it('is a button that says it opens a menu, and whether the menu is open', () => {
    expect(button().textContent).toBe('File');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(menu()).toBeNull();
    openMenu();
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(menu()!.querySelectorAll('[role=menuitem]')).toHaveLength(3);
    expect(focusedText()).toBe('Import files…');
  });

  it('moves through the items with the arrows, Home and End, wrapping around', () => {
    openMenu();
    press('ArrowDown');
    expect(focusedText()).toBe('Export…');
    press('End');
    expect(focusedText()).toBe('Backups…');
    press('ArrowDown');
    expect(focusedText()).toBe('Import files…');
    press('ArrowUp');
    expect(focusedText()).toBe('Backups…');
    press('Home');
    expect(focusedText()).toBe('Import files…');
  });

  it('closes on Escape with the focus back on the button', () => {
    openMenu();
    press('Escape');
    expect(menu()).toBeNull();
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button());
  });

  it('closes on a click outside', () => {
    openMenu();
    act(() => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    expect(menu()).toBeNull();
  });

  it('closes when an item is chosen, and runs it', () => {
    openMenu();
    press('ArrowDown');
    act(() => (document.activeElement as HTMLElement).click());
    expect(chosen).toEqual(['Export…']);
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it('opens from the keyboard on ArrowUp at the last item', () => {
    act(() => button().focus());
    press('ArrowUp');
    expect(focusedText()).toBe('Backups…');
  });
});
