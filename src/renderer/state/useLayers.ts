import { useEffect, useMemo } from 'react';
import type { Annotation } from '@shared/model';
import { actingLayer, layerShown, otherLayerStyles } from './slices/layers';
import { useAppState, useAppStore } from './useStore';

const NONE: Annotation[] = [];

/** The layer the user works in, and the other layers shown, as the components read them. */
export function useLayerView(): { acting: string | null; shownLayers: string[] } {
  const acting = useAppState(actingLayer);
  const shownLayers = useAppState((s) => s.shownLayers);
  return { acting, shownLayers };
}

/** Each other layer shown, with the place that picks its line style (the same in the article and the legend). */
export function useLayerStyles(): Map<string, number> {
  const { acting, shownLayers } = useLayerView();
  return useMemo(() => otherLayerStyles(acting, shownLayers), [acting, shownLayers]);
}

/**
 * The open document's annotations of the layers that show: the user's (or the curated one), and the others
 * they chose. The same array while nothing it depends on changes, so the editor's plugins diff by identity.
 */
export function useShownAnnotations(): Annotation[] {
  const annotations = useAppState((s) => s.open?.annotations ?? NONE);
  const { acting, shownLayers } = useLayerView();
  return useMemo(() => {
    const shown = annotations.filter((a) => layerShown(acting, shownLayers, a));
    // Nothing hidden: the array main answered, so a document with one layer costs no copy.
    return shown.length === annotations.length ? annotations : shown;
  }, [annotations, acting, shownLayers]);
}

/** Reads main's layer mode when a project opens: curating lasts while main has that project open. */
export function useLayerMode(): void {
  const store = useAppStore();
  const path = useAppState((s) => s.info?.project?.path ?? null);
  useEffect(() => {
    if (path) void store.loadLayerMode();
  }, [store, path]);
}
