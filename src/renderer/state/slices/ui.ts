/** The window around the work: which dialog is open, the notice bar, and a range the editor is asked to show. */
import type { StoreCore } from '../storeCore';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  details: string[];
}

export type Dialog = 'help' | 'labels' | 'search' | 'export' | 'backups' | 'save-copy' | null;

export interface UiState {
  dialog: Dialog;
  notice: Notice | null;
  /** A range the editor is asked to select and scroll to (a search hit); the serial makes a repeat new. */
  revealRequest: { start: number; end: number; serial: number } | null;
}

export const initialUiState: UiState = { dialog: null, notice: null, revealRequest: null };

/** A failure as the notice bar shows it. */
export function errorNotice(message: string): Notice {
  return { kind: 'error', text: message, details: [] };
}

export function uiActions(store: StoreCore) {
  return {
    showNotice(notice: Notice): void {
      store.set({ notice });
    },

    dismissNotice(): void {
      store.set({ notice: null });
    },

    openDialog(dialog: Exclude<Dialog, null>): void {
      store.set({ dialog });
    },

    closeDialog(): void {
      store.set({ dialog: null });
    },

    /** The `?` key: opens the cheat sheet, or closes it when it is open. */
    toggleHelp(): void {
      store.set({ dialog: store.getState().dialog === 'help' ? null : 'help' });
    },

    /** Closes any dialog and asks the editor to select and show a range of the open document. */
    reveal(range: { start: number; end: number }): void {
      const serial = (store.getState().revealRequest?.serial ?? 0) + 1;
      store.set({ dialog: null, revealRequest: { ...range, serial } });
    },
  };
}

export type UiActions = ReturnType<typeof uiActions>;
