/**
 * The workbench's keyboard map: one place for every key, so the cheat sheet, the tooltips, the handler and
 * the label-hotkey validation agree.
 */
export interface KeyCommand {
  keys: string;
  description: string;
}

/** Single keys the workbench uses for commands; a label cannot take one of them as its hotkey. */
export const RESERVED_KEYS = ['j', 'k', 'n', 'd', 's', 'e', 'l', 'f'];

export const KEY_COMMANDS: KeyCommand[] = [
  { keys: 'Shift + ← → ↑ ↓', description: 'Extend the selection (Ctrl adds: by word)' },
  { keys: 'label key (1, 2, 3…)', description: 'Tag the selection, or relabel the selected annotation' },
  { keys: 'Tab / Shift + Tab', description: 'Next / previous annotation' },
  { keys: 'J / K  or  Alt + ↓ / ↑', description: 'Next / previous document' },
  { keys: 'N', description: 'Next unfinished document' },
  { keys: 'D', description: 'Mark the document done' },
  { keys: 'S', description: 'Mark the document skipped' },
  { keys: 'E', description: 'Edit the note of the selected annotation' },
  { keys: 'L', description: 'Link the selected annotation to another (then click or Tab to it, Enter)' },
  { keys: 'F or Ctrl + F', description: 'Search' },
  { keys: 'Delete / Backspace', description: 'Delete the selected annotation' },
  { keys: 'Ctrl + Z', description: 'Undo' },
  { keys: 'Ctrl + Shift + Z  or  Ctrl + Y', description: 'Redo' },
  { keys: 'Escape', description: 'Clear the selection; leave link mode or a dialog' },
  { keys: '?', description: 'This cheat sheet' },
];
