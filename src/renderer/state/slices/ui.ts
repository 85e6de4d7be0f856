/** The window around the work: which dialog is open, the notice bar, and a range the editor is asked to show. */
import type { TextDirection } from '@shared/direction';
import type { AppErrorPayload } from '@shared/errors';
import { isMessage } from '@shared/messages/message';
import { currentLanguage, i18n } from '../../i18n/i18n';
import { wordSaid, type Said } from '../../i18n/said';
import type { StoreCore } from '../storeCore';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  details: string[];
  /**
   * The same kept as keys and values (text, then one a line of `details`), when it was said so: the bar words
   * it live, in the language of the moment and with its names set apart (SaidText). The strings above are
   * what it said when it was made.
   */
  said?: { text: Said; details: readonly Said[] };
}

export type Dialog =
  'help' | 'labels' | 'search' | 'export' | 'backups' | 'save-copy' | 'merge' | 'board' | null;

export interface UiState {
  dialog: Dialog;
  notice: Notice | null;
  /** A range the editor is asked to select and scroll to (a search hit); the serial makes a repeat new. */
  revealRequest: { start: number; end: number; serial: number } | null;
  /** A character the editor is asked to scroll to the top of the view (where the user was, on reopening). */
  scrollBackRequest: { offset: number; serial: number } | null;
  /** The side panels the user showed or hid (null: as the window's width has it), and whether it is narrow. */
  panels: Record<Panel, boolean | null>;
  narrowWindow: boolean;
  /** The editor is asked to flip the direction of the paragraph at the caret; the serial makes a repeat new. */
  flipDirectionRequest: number;
}

export const initialUiState: UiState = {
  dialog: null,
  notice: null,
  revealRequest: null,
  scrollBackRequest: null,
  flipDirectionRequest: 0,
  panels: { documents: null, annotations: null },
  narrowWindow: false,
};

export type Panel = 'documents' | 'annotations';

/** Whether a side panel shows: as the user chose, else all but the document list on a narrow window. */
export function panelShown(state: Pick<UiState, 'panels' | 'narrowWindow'>, panel: Panel): boolean {
  return state.panels[panel] ?? !(panel === 'documents' && state.narrowWindow);
}

/**
 * A failure as the notice bar shows it: its message in the interface's language when the core sent one. An
 * error that came only in English (a transport failure, an unexpected one) is shown as it is in English; in
 * another language the error's code says what went wrong, and the English (which names the file or the value
 * at fault) follows as a detail.
 */
export function errorNotice(error: AppErrorPayload): Notice {
  if (isMessage(error.i18n)) return saidNotice('error', error.i18n);
  if (currentLanguage() === 'en') return { kind: 'error', text: error.message, details: [] };
  return { kind: 'error', text: i18n.t(`error.${error.code}`, { ns: 'common' }), details: [error.message] };
}

/** A notice said as keys and values: its text worded now, and kept to be worded live (NoticeBar). */
export function saidNotice(kind: Notice['kind'], text: Said, details: readonly Said[] = []): Notice {
  return { kind, text: wordSaid(text), details: details.map(wordSaid), said: { text, details } };
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

    restoreScroll(offset: number): void {
      const serial = (store.getState().scrollBackRequest?.serial ?? 0) + 1;
      store.set({ scrollBackRequest: { offset, serial } });
    },

    togglePanel(panel: Panel): void {
      const state = store.getState();
      store.set({ panels: { ...state.panels, [panel]: !panelShown(state, panel) } });
    },

    setNarrowWindow(narrowWindow: boolean): void {
      store.set({ narrowWindow });
    },

    flipParagraphDirection(): void {
      store.set({ flipDirectionRequest: store.getState().flipDirectionRequest + 1 });
    },

    /** The paragraphs of a document whose direction the user set; none when they cannot be read. */
    async directionOverrides(documentId: string): Promise<Record<string, TextDirection>> {
      return (await store.call('directions:get', { documentId })) ?? {};
    },

    /** Keeps a paragraph's direction; null gives it back to its dominant script. */
    async setParagraphDirection(
      documentId: string,
      line: number,
      direction: TextDirection | null,
    ): Promise<void> {
      await store.call('directions:set', { documentId, line, direction });
    },

    /** Where the user is (the document and the first character in view), kept to reopen it there. */
    rememberPlace(documentId: string, offset: number): void {
      // Best effort: a place not kept must not interrupt the work with a notice.
      void store.api['place:set']({ documentId, offset }).catch(() => undefined);
    },

    /** Closes any dialog and asks the editor to select and show a range of the open document. */
    reveal(range: { start: number; end: number }): void {
      const serial = (store.getState().revealRequest?.serial ?? 0) + 1;
      store.set({ dialog: null, revealRequest: { ...range, serial } });
    },
  };
}

export type UiActions = ReturnType<typeof uiActions>;
