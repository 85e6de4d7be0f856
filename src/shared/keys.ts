/**
 * The workbench's keyboard map as data: one table drives the key handler (src/renderer/components/
 * useShortcuts.ts), the tooltips and the cheat sheet, and the label-hotkey check in the contract. Label keys
 * (1, 2, 3 and any the user sets) come from the label schema, not from here.
 */

/** One way to press an action. `mod` is Ctrl, or ⌘ on macOS; `shift` left out means either. */
export interface KeyBinding {
  /** `KeyboardEvent.key`, lowercase for a letter. */
  key: string;
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
}

/**
 * When a binding applies. `anywhere`: even in a text field or a dialog. `workbench`: no text field has
 * focus and no dialog is open. `article`: the workbench with focus in the article (Tab still moves between
 * buttons elsewhere). `link-mode`: the workbench while a link waits for its target. `compare`: the comparison
 * screen (issue 12) with no text field focused and no dialog open; the workbench's keys and the label keys
 * do not apply there.
 */
export type KeyScope = 'anywhere' | 'workbench' | 'article' | 'link-mode' | 'compare';

export interface KeyAction {
  id: string;
  description: string;
  scope: KeyScope;
  keys: readonly KeyBinding[];
  /** Set when the editor handles the keys itself (caret browsing lives with the selection). */
  handledBy?: 'editor';
}

const shiftArrows: KeyBinding[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].map((key) => ({
  key,
  shift: true,
}));

export const KEY_ACTIONS = [
  {
    id: 'extendSelection',
    description: 'Extend the selection (with Ctrl, or ⌘ on macOS: by word)',
    scope: 'article',
    keys: shiftArrows,
    handledBy: 'editor',
  },
  {
    id: 'nextAnnotation',
    description: 'Next annotation',
    scope: 'article',
    keys: [{ key: 'Tab', shift: false }],
  },
  {
    id: 'previousAnnotation',
    description: 'Previous annotation',
    scope: 'article',
    keys: [{ key: 'Tab', shift: true }],
  },
  {
    id: 'nextDocument',
    description: 'Next document',
    scope: 'workbench',
    keys: [{ key: 'j' }, { key: 'ArrowDown', alt: true }],
  },
  {
    id: 'previousDocument',
    description: 'Previous document',
    scope: 'workbench',
    keys: [{ key: 'k' }, { key: 'ArrowUp', alt: true }],
  },
  { id: 'nextUnfinished', description: 'Next unfinished document', scope: 'workbench', keys: [{ key: 'n' }] },
  { id: 'markDone', description: 'Mark the document done', scope: 'workbench', keys: [{ key: 'd' }] },
  { id: 'markSkipped', description: 'Mark the document skipped', scope: 'workbench', keys: [{ key: 's' }] },
  {
    id: 'editNote',
    description: 'Edit the note of the selected annotation',
    scope: 'workbench',
    keys: [{ key: 'e' }],
  },
  {
    id: 'startLink',
    description: 'Link the selected annotation to another (then click or Tab to it, Enter)',
    scope: 'workbench',
    keys: [{ key: 'l' }],
  },
  {
    id: 'completeLink',
    description: 'Link mode: link to the selected annotation',
    scope: 'link-mode',
    keys: [{ key: 'Enter' }],
  },
  {
    id: 'toggleDocuments',
    description: 'Show or hide the document list',
    scope: 'workbench',
    keys: [{ key: '[' }],
  },
  {
    id: 'toggleAnnotations',
    description: 'Show or hide the annotation panel',
    scope: 'workbench',
    keys: [{ key: ']' }],
  },
  {
    id: 'flipDirection',
    description: 'Flip the direction of the paragraph at the caret (right to left or left to right)',
    scope: 'article',
    keys: [{ key: 'x', mod: true, shift: true }],
  },
  { id: 'search', description: 'Search', scope: 'workbench', keys: [{ key: 'f' }, { key: 'f', mod: true }] },
  {
    id: 'deleteAnnotation',
    description: 'Delete the selected annotation',
    scope: 'workbench',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
  },
  { id: 'undo', description: 'Undo', scope: 'workbench', keys: [{ key: 'z', mod: true, shift: false }] },
  {
    id: 'redo',
    description: 'Redo',
    scope: 'workbench',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
  {
    id: 'escape',
    description: 'Clear the selection; leave link mode or a dialog',
    scope: 'anywhere',
    keys: [{ key: 'Escape' }],
  },
  { id: 'help', description: 'This cheat sheet', scope: 'workbench', keys: [{ key: '?' }] },
  // --- topics and the claim board (issue 15) ---
  {
    id: 'editTopic',
    description: 'Set the topic of the selected annotation',
    scope: 'workbench',
    keys: [{ key: 't' }],
  },
  {
    id: 'claimBoard',
    description: 'The claim board: who reports which figure, by topic',
    scope: 'workbench',
    keys: [{ key: 'b' }],
  },
  // Suggestions (src/renderer/state/slices/suggestions.ts): the one at the caret, or the next one after it.
  {
    id: 'acceptSuggestion',
    description: 'Accept the suggestion at the caret (or the next one)',
    scope: 'workbench',
    keys: [{ key: 'a', shift: false }],
  },
  {
    id: 'rejectSuggestion',
    description: 'Reject the suggestion at the caret (or the next one): not offered again',
    scope: 'workbench',
    keys: [{ key: 'r' }],
  },
  {
    id: 'acceptAllSuggestions',
    description: 'Accept every suggestion of that label in this document',
    scope: 'workbench',
    keys: [{ key: 'a', shift: true }],
  },
  // --- several annotators (issue 12) ---
  {
    id: 'openComparison',
    description: 'Compare the annotators of the open document',
    scope: 'workbench',
    keys: [{ key: 'c' }],
  },
  {
    id: 'nextDisagreement',
    description: 'Comparison: next disagreement',
    scope: 'compare',
    keys: [{ key: 'j' }, { key: 'ArrowDown' }],
  },
  {
    id: 'previousDisagreement',
    description: 'Comparison: previous disagreement',
    scope: 'compare',
    keys: [{ key: 'k' }, { key: 'ArrowUp' }],
  },
  {
    id: 'acceptSpan',
    description: 'Comparison: accept the span of annotator 1, 2, 3… into the curated layer',
    scope: 'compare',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((key) => ({ key })),
  },
  {
    id: 'rejectDisagreement',
    description: 'Comparison: reject the disagreement (settle it taking no span)',
    scope: 'compare',
    keys: [{ key: 'x' }],
  },
  {
    id: 'compareUndo',
    description: 'Comparison: undo',
    scope: 'compare',
    keys: [{ key: 'z', mod: true, shift: false }],
  },
  {
    id: 'compareRedo',
    description: 'Comparison: redo',
    scope: 'compare',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
] as const satisfies readonly KeyAction[];

export type KeyActionId = (typeof KEY_ACTIONS)[number]['id'];
/** The actions the workbench's key handler runs (the editor runs the rest). */
export type ShortcutActionId = Exclude<(typeof KEY_ACTIONS)[number], { handledBy: 'editor' }>['id'];

export function keyAction(id: KeyActionId): KeyAction {
  return KEY_ACTIONS.find((action) => action.id === id)!;
}

/**
 * Single keys pressed alone for a command; a label cannot take one of them as its hotkey. The comparison
 * screen's keys are left out: label keys do not apply there, so 1, 2, 3 stay free for labels.
 */
export const RESERVED_KEYS: readonly string[] = (KEY_ACTIONS as readonly KeyAction[])
  .filter((action) => action.scope !== 'compare')
  .flatMap((action) => action.keys)
  .filter((binding) => !binding.mod && !binding.alt && binding.key.length === 1)
  .map((binding) => binding.key);

/** The parts of a KeyboardEvent a binding is matched against. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where the key was pressed, as the scopes need it. */
export interface KeyContext {
  /** A text field has focus, a dialog is open, or something already handled the key. */
  busy: boolean;
  inArticle: boolean;
  linkMode: boolean;
  /** The screen in front; the workbench when absent. */
  screen?: Screen;
}

/** The screens of an open project: the workbench, and the comparison and agreement views (issue 12). */
export type Screen = 'workbench' | 'compare' | 'agreement';

export function scopeApplies(scope: KeyScope, context: KeyContext): boolean {
  if (scope === 'anywhere') return true;
  if (context.busy) return false;
  const screen = context.screen ?? 'workbench';
  if (scope === 'compare' || screen !== 'workbench') return scope === 'compare' && screen === 'compare';
  if (scope === 'article') return context.inArticle;
  if (scope === 'link-mode') return context.linkMode;
  return true;
}

/** A letter matches in either case: Shift+J is J, and Caps Lock changes nothing. */
export function pressedKey(press: KeyPress): string {
  return press.key.length === 1 ? press.key.toLowerCase() : press.key;
}

export function bindingMatches(binding: KeyBinding, press: KeyPress): boolean {
  return (
    binding.key === pressedKey(press) &&
    Boolean(binding.mod) === (press.ctrlKey || press.metaKey) &&
    Boolean(binding.alt) === press.altKey &&
    (binding.shift === undefined || binding.shift === press.shiftKey)
  );
}

/** The workbench action a key press asks for in this context, if any. */
export function shortcutFor(press: KeyPress, context: KeyContext): ShortcutActionId | undefined {
  for (const action of KEY_ACTIONS as readonly KeyAction[]) {
    if (action.handledBy || !scopeApplies(action.scope, context)) continue;
    if (action.keys.some((binding) => bindingMatches(binding, press))) return action.id as ShortcutActionId;
  }
  return undefined;
}

export type KeyPlatform = 'mac' | 'other';

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

/** A binding as people write it: "Ctrl+Shift+Z" on Windows and Linux, "⌘⇧Z" on macOS. */
export function formatBinding(binding: KeyBinding, platform: KeyPlatform): string {
  const key = KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  const mac = platform === 'mac';
  const parts = [
    binding.mod ? (mac ? '⌘' : 'Ctrl') : null,
    binding.alt ? (mac ? '⌥' : 'Alt') : null,
    binding.shift ? (mac ? '⇧' : 'Shift') : null,
    key,
  ].filter((part): part is string => part !== null);
  return parts.join(mac ? '' : '+');
}
