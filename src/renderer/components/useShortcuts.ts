import { useEffect } from 'react';
import type { DocumentStatus } from '@shared/model';
import { cancelLink, completeLink, startLink } from '../state/actions/links';
import { nextUnfinished, stepAnnotation, stepDocument } from '../state/actions/navigation';
import type { AppStore } from '../state/store';
import { useAppStore } from '../state/useStore';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Tab steps through annotations only from the text, so it still moves focus between buttons and fields. */
function inWorkArea(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.closest('.article-pane') !== null);
}

function markStatus(store: AppStore, status: DocumentStatus): void {
  const open = store.getState().open;
  if (open) void store.setStatus(open.document.status === status ? 'in_progress' : status);
}

/** Keys without modifiers, when no text field has focus. The whole map is in @shared/keys (cheat sheet). */
const PLAIN_KEYS: Record<string, (store: AppStore) => void> = {
  j: (store) => void stepDocument(store, 1),
  k: (store) => void stepDocument(store, -1),
  n: (store) => void nextUnfinished(store),
  d: (store) => markStatus(store, 'done'),
  s: (store) => markStatus(store, 'skipped'),
  e: (store) => store.focusNote(),
  l: (store) => startLink(store),
  f: (store) => store.openDialog('search'),
  '?': (store) => store.toggleHelp(),
  Delete: (store) => void store.deleteSelected(),
  Backspace: (store) => void store.deleteSelected(),
};

/** The keyboard: every workbench action has a key, left to text fields while one has focus. */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        const state = store.getState();
        if (state.dialog) store.closeDialog();
        else if (state.linkFrom) cancelLink(store);
        else {
          store.selectAnnotation(null);
          document.getSelection()?.removeAllRanges();
        }
        return;
      }
      if (isTyping(event.target) || event.defaultPrevented || store.getState().dialog) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      let action: ((store: AppStore) => void) | undefined;
      if (mod && key === 'z') action = (s) => void (event.shiftKey ? s.redo() : s.undo());
      else if (mod && key === 'y') action = (s) => void s.redo();
      else if (mod && key === 'f') action = (s) => s.openDialog('search');
      else if (event.altKey && (key === 'ArrowDown' || key === 'ArrowUp'))
        action = (s) => void stepDocument(s, key === 'ArrowDown' ? 1 : -1);
      else if (key === 'Enter' && store.getState().linkFrom) action = (s) => void completeLink(s);
      else if (key === 'Tab' && !mod && !event.altKey && inWorkArea(event.target))
        action = (s) => stepAnnotation(s, event.shiftKey ? -1 : 1);
      else if (!mod && !event.altKey) {
        const label = store.getState().labels.find((l) => l.hotkey === key);
        action = label ? (s) => void s.applyLabel(label.id) : PLAIN_KEYS[event.key === '?' ? '?' : key];
      }
      if (!action) return;
      event.preventDefault();
      action(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
