/** Events main sends to the renderer (the only direction not covered by the request/response contract). */
export const EVENTS = { menuCommand: 'menu:command' } as const;

export const MENU_COMMANDS = [
  'new-project',
  'open-project',
  'import-files',
  'import-folder',
  'export-jsonl',
  'export-csv',
  'export-dataset',
  'labels',
  'backups',
  'save-copy',
  // --- layers (several annotators) ---
  'merge-annotations',
  'claim-board',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
