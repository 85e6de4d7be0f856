import { describe, expect, it } from 'vitest';
import {
  KEY_ACTIONS,
  RESERVED_KEYS,
  formatBinding,
  scopeApplies,
  shortcutFor,
  bindingMatches,
  type KeyAction,
  type KeyContext,
  type KeyPress,
} from './keys';

const ACTIONS: readonly KeyAction[] = KEY_ACTIONS;

function press(key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

const WORKBENCH: KeyContext = { busy: false, inArticle: false, linkMode: false };

/** Every context a key can be pressed in, as the scopes tell them apart. */
const CONTEXTS: KeyContext[] = (['workbench', 'compare', 'agreement'] as const).flatMap((screen) =>
  [false, true].flatMap((busy) =>
    [false, true].flatMap((inArticle) =>
      [false, true].map((linkMode) => ({ busy, inArticle, linkMode, screen })),
    ),
  ),
);

describe('the key map', () => {
  it('gives no key to two actions that can apply at the same moment', () => {
    for (const context of CONTEXTS) {
      const live = ACTIONS.filter((action) => scopeApplies(action.scope, context));
      for (const action of live) {
        for (const binding of action.keys) {
          for (const shiftKey of binding.shift === undefined ? [false, true] : [binding.shift]) {
            const pressed = press(binding.key, {
              ctrlKey: Boolean(binding.mod),
              altKey: Boolean(binding.alt),
              shiftKey,
            });
            const claimants = live.filter((other) => other.keys.some((b) => bindingMatches(b, pressed)));
            expect(
              claimants.map((a) => a.id),
              `${binding.key} in ${JSON.stringify(context)}`,
            ).toEqual([action.id]);
          }
        }
      }
    }
  });

  it('names each action once, with a description and at least one key', () => {
    const ids = ACTIONS.map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const action of ACTIONS) {
      expect(action.description.length).toBeGreaterThan(0);
      expect(action.keys.length).toBeGreaterThan(0);
    }
  });

  it('reserves the single keys of commands, and leaves the label keys 1, 2, 3 free', () => {
    expect([...RESERVED_KEYS].sort()).toEqual([
      '?',
      '[',
      ']',
      'a',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'j',
      'k',
      'l',
      'n',
      'r',
      's',
      't',
    ]);
    for (const key of ['1', '2', '3']) expect(RESERVED_KEYS).not.toContain(key);
  });
});

describe('finding the action a key asks for', () => {
  it('takes a letter in either case and either Ctrl or ⌘ for the modifier', () => {
    expect(shortcutFor(press('J', { shiftKey: true }), WORKBENCH)).toBe('nextDocument');
    expect(shortcutFor(press('z', { ctrlKey: true }), WORKBENCH)).toBe('undo');
    expect(shortcutFor(press('z', { metaKey: true }), WORKBENCH)).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), WORKBENCH)).toBe('redo');
    expect(shortcutFor(press('ArrowUp', { altKey: true }), WORKBENCH)).toBe('previousDocument');
  });

  it('tells accepting one suggestion (A) from accepting all of its label (Shift+A)', () => {
    expect(shortcutFor(press('a'), WORKBENCH)).toBe('acceptSuggestion');
    expect(shortcutFor(press('A', { shiftKey: true }), WORKBENCH)).toBe('acceptAllSuggestions');
    expect(shortcutFor(press('r'), WORKBENCH)).toBe('rejectSuggestion');
    expect(shortcutFor(press('a', { ctrlKey: true }), WORKBENCH)).toBeUndefined();
  });

  it('leaves keys to a text field or a dialog, except Escape', () => {
    const busy = { ...WORKBENCH, busy: true };
    expect(shortcutFor(press('j'), busy)).toBeUndefined();
    expect(shortcutFor(press('z', { ctrlKey: true }), busy)).toBeUndefined();
    expect(shortcutFor(press('Escape'), busy)).toBe('escape');
  });

  it('steps annotations with Tab only from the article, and links with Enter only in link mode', () => {
    expect(shortcutFor(press('Tab'), WORKBENCH)).toBeUndefined();
    expect(shortcutFor(press('Tab', { shiftKey: true }), { ...WORKBENCH, inArticle: true })).toBe(
      'previousAnnotation',
    );
    expect(shortcutFor(press('Enter'), WORKBENCH)).toBeUndefined();
    expect(shortcutFor(press('Enter'), { ...WORKBENCH, linkMode: true })).toBe('completeLink');
  });

  it('leaves the keys the editor handles to the editor', () => {
    const article = { ...WORKBENCH, inArticle: true };
    expect(shortcutFor(press('ArrowRight', { shiftKey: true }), article)).toBeUndefined();
    expect(shortcutFor(press('ArrowRight', { shiftKey: true, ctrlKey: true }), article)).toBeUndefined();
  });
});

describe('the comparison screen', () => {
  const COMPARE: KeyContext = { ...WORKBENCH, screen: 'compare' };

  it('has its own keys, and none of the workbench’s', () => {
    expect(shortcutFor(press('c'), WORKBENCH)).toBe('openComparison');
    expect(shortcutFor(press('j'), COMPARE)).toBe('nextDisagreement');
    expect(shortcutFor(press('ArrowUp'), COMPARE)).toBe('previousDisagreement');
    expect(shortcutFor(press('2'), COMPARE)).toBe('acceptSpan');
    expect(shortcutFor(press('x'), COMPARE)).toBe('rejectDisagreement');
    expect(shortcutFor(press('z', { ctrlKey: true }), COMPARE)).toBe('compareUndo');
    expect(shortcutFor(press('d'), COMPARE)).toBeUndefined();
    expect(shortcutFor(press('c'), COMPARE)).toBeUndefined();
    expect(shortcutFor(press('j'), WORKBENCH)).toBe('nextDocument');
    expect(shortcutFor(press('x'), WORKBENCH)).toBeUndefined();
  });

  it('leaves only Escape on the agreement screen and in a field', () => {
    const agreement: KeyContext = { ...WORKBENCH, screen: 'agreement' };
    expect(shortcutFor(press('j'), agreement)).toBeUndefined();
    expect(shortcutFor(press('z', { ctrlKey: true }), agreement)).toBeUndefined();
    expect(shortcutFor(press('j'), { ...COMPARE, busy: true })).toBeUndefined();
    expect(shortcutFor(press('Escape'), agreement)).toBe('escape');
  });
});

describe('writing a key', () => {
  it('as Windows and Linux write it, and as macOS does', () => {
    const redo = { key: 'z', mod: true, shift: true };
    expect(formatBinding(redo, 'other')).toBe('Ctrl+Shift+Z');
    expect(formatBinding(redo, 'mac')).toBe('⌘⇧Z');
    expect(formatBinding({ key: 'ArrowDown', alt: true }, 'other')).toBe('Alt+↓');
    expect(formatBinding({ key: 'Escape' }, 'mac')).toBe('Esc');
  });
});
