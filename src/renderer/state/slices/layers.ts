/**
 * Several annotators' layers in the workbench: which layers show beside the user's own, the curated layer the
 * user settles into (if any), everyone's status of each document (the document list's team column), and File
 * → Merge annotations….
 *
 * The state, for any feature that shows layers (the comparison view reads it too):
 *
 *   shownLayers: string[]      other annotators whose spans show beside the acting layer, by name
 *   curating: string | null    the curated layer new spans go to and whose spans are editable (main's
 *                              layers:mode holds the truth; this mirrors it); null: the user's own layer
 *   teamColumn: boolean        whether the document list shows everyone's status
 *   teamStatuses: LayerStatus[] | null   everyone's status per document, loaded while the column shows
 *   mergeReport: MergeReport | null      what the last merge did, for its dialog
 *
 * The acting layer (`actingLayer`) is `curating` or else the project's annotator; it always shows and is the
 * only one the user may change (`mayEdit`). Main refuses the same changes (src/core/project/layerAccess.ts):
 * the checks here only spare a round trip and say why at once.
 */
import type { LayerStatus, MergeReport } from '@shared/layers';
import type { Annotation } from '@shared/model';
import type { AppState } from '../store';
import type { StoreCore } from '../storeCore';
import type { DocumentsActions } from './documents';
import { said } from '../../i18n/said';
import { saidNotice } from './ui';

export interface LayersState {
  shownLayers: string[];
  curating: string | null;
  teamColumn: boolean;
  teamStatuses: LayerStatus[] | null;
  mergeReport: MergeReport | null;
}

export const initialLayersState: LayersState = {
  shownLayers: [],
  curating: null,
  teamColumn: false,
  teamStatuses: null,
  mergeReport: null,
};

/** The layer the user works in: the curated one while curating, else their own. */
export function actingLayer(state: Pick<AppState, 'curating' | 'info'>): string | null {
  return state.curating ?? state.info?.project?.annotator ?? null;
}

/** Spans with no annotator predate layers: nobody else's, so the user's. */
export function mayEdit(acting: string | null, annotation: Pick<Annotation, 'annotator'>): boolean {
  return annotation.annotator === null || annotation.annotator === acting;
}

export interface LayerCount {
  annotator: string;
  spans: number;
}

/** The annotators with spans in these annotations, with how many each, by name. */
export function layerCounts(annotations: readonly Annotation[]): LayerCount[] {
  const counts = new Map<string, number>();
  for (const a of annotations)
    if (a.annotator !== null) counts.set(a.annotator, (counts.get(a.annotator) ?? 0) + 1);
  return [...counts]
    .map(([annotator, spans]) => ({ annotator, spans }))
    .sort((a, b) => (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
}

/**
 * Whether an annotation's layer shows: the acting layer, unattributed spans, and the layers shown beside.
 * Before the user has a name (the annotator prompt is open) every layer shows: none is theirs yet.
 */
export function layerShown(acting: string | null, shownLayers: readonly string[], annotation: Annotation) {
  return acting === null || mayEdit(acting, annotation) || shownLayers.includes(annotation.annotator!);
}

/**
 * The other layers shown, each with its place: the place picks the layer's line style in the article and its
 * legend, so a layer keeps its look while others are shown or hidden around it.
 */
export function otherLayerStyles(acting: string | null, shownLayers: readonly string[]): Map<string, number> {
  return new Map(
    [...shownLayers]
      .filter((name) => name !== acting)
      .sort()
      .map((name, i) => [name, i]),
  );
}

/**
 * Refuses, with a notice, a change to a span of another layer; answers whether it refused. An id of a
 * provisional span, or none, is the user's.
 */
export function refuseOtherLayer(store: StoreCore, annotationId: string | null): boolean {
  const state = store.getState();
  const acting = actingLayer(state);
  // Nobody named yet (the annotator prompt is open): main decides, and says why when it refuses.
  if (acting === null) return false;
  const annotation = state.open?.annotations.find((a) => a.id === annotationId);
  if (!annotation || mayEdit(acting, annotation)) return false;
  store.set({
    notice: saidNotice('error', said('team', 'readOnly.notice', { annotator: annotation.annotator ?? '' })),
  });
  return true;
}

export function layersActions(
  store: StoreCore,
  documents: Pick<DocumentsActions, 'openDocument' | 'refreshDocuments'>,
) {
  async function loadTeamStatuses(): Promise<void> {
    const teamStatuses = await store.call('layers:statuses', {});
    if (teamStatuses) store.set({ teamStatuses });
  }

  return {
    /** Main's layer mode, once a project is open: curating lasts as long as main has the project open. */
    async loadLayerMode(): Promise<void> {
      const mode = await store.call('layers:mode', {});
      if (mode) store.set({ curating: mode.curating });
    },

    toggleLayer(annotator: string): void {
      const { shownLayers } = store.getState();
      store.set({
        shownLayers: shownLayers.includes(annotator)
          ? shownLayers.filter((name) => name !== annotator)
          : [...shownLayers, annotator],
      });
    },

    /**
     * Starts curating into `layer`, or stops (null). The selection is dropped: its editability changed. The
     * user's own layer stays in view while they curate (it is one of the layers being settled).
     */
    async setCurating(layer: string | null): Promise<void> {
      const mode = await store.call('layers:set-curating', { layer });
      if (!mode) return;
      const { shownLayers } = store.getState();
      const keepOwn = mode.curating !== null && mode.own !== null && !shownLayers.includes(mode.own);
      store.set({
        curating: mode.curating,
        selectedAnnotationId: null,
        ...(keepOwn ? { shownLayers: [...shownLayers, mode.own!] } : {}),
      });
    },

    async toggleTeamColumn(): Promise<void> {
      const teamColumn = !store.getState().teamColumn;
      store.set({ teamColumn });
      if (teamColumn) await loadTeamStatuses();
    },

    loadTeamStatuses,

    /** Runs a merge; then the list, the open document and the team column show what it brought. */
    async merge(request: {
      source: { kind: 'path'; path: string } | { kind: 'choose' };
      force: boolean;
      addDocuments: boolean;
    }): Promise<MergeReport | null> {
      store.set({ mergeReport: null });
      const report = await store.call('layers:merge', request);
      if (!report) return null;
      store.set({ mergeReport: report });
      await documents.refreshDocuments();
      const open = store.getState().open;
      if (open) await documents.openDocument(open.document.id);
      if (store.getState().teamColumn) await loadTeamStatuses();
      return report;
    },

    clearMergeReport(): void {
      store.set({ mergeReport: null });
    },
  };
}

export type LayersActions = ReturnType<typeof layersActions>;
