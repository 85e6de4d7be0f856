import { useEffect } from 'react';
import { useAppStore } from '../state/useStore';

/** Below this width the document list starts hidden, so the reading column keeps its room (the [ key shows it). */
export const NARROW_WINDOW = '(max-width: 1180px)';

/** Tells the store whether the window is narrow, now and as it is resized. */
export function useNarrowWindow(): void {
  const store = useAppStore();
  useEffect(() => {
    const query = window.matchMedia(NARROW_WINDOW);
    const update = () => store.setNarrowWindow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [store]);
}
