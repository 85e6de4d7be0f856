import { useEffect } from 'react';
import { keyAction, pressedKey, shortcutFor } from '@shared/keys';
import { useAppStore } from '../state/useStore';
import { SHORTCUT_HANDLERS } from './shortcutHandlers';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Tab steps through annotations only from the text, so it still moves focus between buttons and fields. */
function inWorkArea(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.closest('.article-pane') !== null);
}

/** The keyboard: every workbench action has a key (the map is @shared/keys), and each label its own key. */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      const busy = isTyping(event.target) || event.defaultPrevented || state.dialog !== null;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      const onWorkbench = state.screen === 'workbench';
      const label =
        !busy && plain && onWorkbench ? state.labels.find((l) => l.hotkey === pressedKey(event)) : undefined;
      if (label) {
        event.preventDefault();
        void store.applyLabel(label.id);
        return;
      }
      const linkMode = state.linkFrom !== null;
      const action = shortcutFor(event, {
        busy,
        inArticle: onWorkbench && inWorkArea(event.target),
        linkMode,
        screen: state.screen,
      });
      if (!action) return;
      // A key that applies anywhere (Escape) also keeps its meaning for the focused field or an IME.
      if (keyAction(action).scope !== 'anywhere') event.preventDefault();
      SHORTCUT_HANDLERS[action](store, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
