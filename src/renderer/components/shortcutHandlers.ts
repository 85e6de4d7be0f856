/** What each action of the key map (@shared/keys) does; the table says which keys and when. */
import type { DocumentStatus } from '@shared/model';
import { pressedKey, type KeyPress, type ShortcutActionId } from '@shared/keys';
import { cancelLink, completeLink, startLink } from '../state/actions/links';
import { nextUnfinished, stepAnnotation, stepDocument } from '../state/actions/navigation';
import type { AppStore } from '../state/store';

/** D and S set a status, or take it back to in progress when the document has it already. */
function toggleStatus(store: AppStore, status: DocumentStatus): void {
  const open = store.getState().open;
  if (open) void store.setStatus(open.document.status === status ? 'in_progress' : status);
}

/** Escape undoes the innermost thing: a dialog, then link mode, then a screen over the workbench, then the selection. */
function escape(store: AppStore): void {
  const state = store.getState();
  if (state.dialog) store.closeDialog();
  else if (state.linkFrom) cancelLink(store);
  else if (state.screen !== 'workbench') store.showScreen('workbench');
  else {
    store.selectAnnotation(null);
    document.getSelection()?.removeAllRanges();
  }
}

/** The key that ran an action, for the actions whose keys say more (1, 2, 3… pick an annotator). */
export const SHORTCUT_HANDLERS: Record<ShortcutActionId, (store: AppStore, press?: KeyPress) => void> = {
  nextAnnotation: (store) => stepAnnotation(store, 1),
  previousAnnotation: (store) => stepAnnotation(store, -1),
  nextDocument: (store) => void stepDocument(store, 1),
  previousDocument: (store) => void stepDocument(store, -1),
  nextUnfinished: (store) => void nextUnfinished(store),
  markDone: (store) => toggleStatus(store, 'done'),
  markSkipped: (store) => toggleStatus(store, 'skipped'),
  editNote: (store) => store.focusNote(),
  startLink: (store) => startLink(store),
  completeLink: (store) => void completeLink(store),
  flipDirection: (store) => store.flipParagraphDirection(),
  toggleDocuments: (store) => store.togglePanel('documents'),
  toggleAnnotations: (store) => store.togglePanel('annotations'),
  search: (store) => store.openDialog('search'),
  deleteAnnotation: (store) => void store.deleteSelected(),
  undo: (store) => void store.undo(),
  redo: (store) => void store.redo(),
  escape,
  help: (store) => store.toggleHelp(),
  editTopic: (store) => store.focusTopic(),
  claimBoard: (store) => store.openDialog('board'),
  acceptSuggestion: (store) => void store.acceptSuggestionAtCaret(),
  rejectSuggestion: (store) => void store.rejectSuggestionAtCaret(),
  acceptAllSuggestions: (store) => void store.acceptAllAtCaret(),
  openComparison: (store) => void store.openComparison(),
  nextDisagreement: (store) => store.stepDisagreement(1),
  previousDisagreement: (store) => store.stepDisagreement(-1),
  acceptSpan: (store, press) => {
    if (press) void store.acceptFrom(Number(pressedKey(press)));
  },
  rejectDisagreement: (store) => void store.rejectFocused(),
  compareUndo: (store) => void store.undoInComparison(),
  compareRedo: (store) => void store.redoInComparison(),
};
