import { useEffect } from 'react';
import { useAppStore } from '../state/useStore';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The keyboard: label hotkeys, Delete, Escape, and undo/redo (left to text fields while one has focus). */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        void (event.shiftKey ? store.redo() : store.undo());
        return;
      }
      if (mod && key === 'y') {
        event.preventDefault();
        void store.redo();
        return;
      }
      if (mod || event.altKey) return;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        void store.deleteSelected();
        return;
      }
      if (event.key === 'Escape') {
        store.selectAnnotation(null);
        document.getSelection()?.removeAllRanges();
        return;
      }
      const label = store.getState().labels.find((l) => l.hotkey === event.key);
      if (label) {
        event.preventDefault();
        void store.applyLabel(label.id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
