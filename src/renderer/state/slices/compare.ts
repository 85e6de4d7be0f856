/**
 * The comparison screen (issue 12): which screen is in front, the annotators compared and the curated layer,
 * the open document's comparison with its focused disagreement, the project's table of disagreements, and
 * settling a disagreement into the curated layer (accept a span, reject, relabel, accept all agreed).
 */
import type {
  AdjudicationReport,
  AdjudicationRule,
  DisagreementRow,
  DocumentComparison,
} from '@shared/comparison';
import type { Screen } from '@shared/keys';
import { DEFAULT_CURATED_LAYER } from '@shared/layers';
import type { StoreCore } from '../storeCore';
import type { AnnotationChangeActions } from './annotationChanges';
import type { AnnotationsActions } from './annotations';
import type { DocumentsActions } from './documents';

export interface ComparisonState {
  /** Everyone with a layer in the project; null until asked. */
  layers: string[] | null;
  /** The annotators compared, in lane order (key 1 accepts the first one's span). */
  chosen: string[];
  into: string;
  view: DocumentComparison | null;
  /** The focused disagreement of `view`, by index; -1 when there is none. */
  focus: number;
  table: DisagreementRow[] | null;
  /** What "Accept all agreed" last did. */
  report: AdjudicationReport | null;
}

export interface CompareState {
  screen: Screen;
  comparison: ComparisonState;
}

export const initialCompareState: CompareState = {
  screen: 'workbench',
  comparison: {
    layers: null,
    chosen: [],
    into: DEFAULT_CURATED_LAYER,
    view: null,
    focus: -1,
    table: null,
    report: null,
  },
};

/** The focus kept where it was when it still exists, else the first disagreement not yet settled. */
function keptFocus(view: DocumentComparison, focus: number): number {
  if (focus >= 0 && focus < view.disagreements.length) return focus;
  const open = view.disagreements.findIndex((d) => d.settled === null);
  return open >= 0 ? open : view.disagreements.length ? 0 : -1;
}

export function compareActions(
  store: StoreCore,
  documents: Pick<DocumentsActions, 'openDocument'>,
  { mutate }: Pick<AnnotationChangeActions, 'mutate'>,
  history: Pick<AnnotationsActions, 'undo' | 'redo'>,
) {
  const comparison = () => store.getState().comparison;
  const patch = (change: Partial<ComparisonState>) =>
    store.set({ comparison: { ...comparison(), ...change } });

  /** Reads the comparison of the open document and the project's table again. */
  async function refresh(): Promise<void> {
    const { chosen, into, focus } = comparison();
    const documentId = store.getState().open?.document.id;
    if (chosen.length < 2) return patch({ view: null, table: null, focus: -1 });
    const [view, table] = await Promise.all([
      documentId ? store.call('compare:document', { documentId, annotators: chosen, into }) : null,
      store.call('compare:documents', { annotators: chosen, into }),
    ]);
    patch({
      view: view ?? null,
      focus: view ? keptFocus(view, view.documentId === comparison().view?.documentId ? focus : -1) : -1,
      table: table?.rows ?? null,
      layers: table?.annotators ?? comparison().layers,
    });
  }

  /**
   * After a change to the open document alone: only its comparison is read again, and its row of the table
   * follows from it (the table reads every document of the project).
   */
  async function refreshDocument(): Promise<void> {
    const { chosen, into, focus, table } = comparison();
    const documentId = store.getState().open?.document.id;
    if (!documentId || chosen.length < 2) return refresh();
    const view = await store.call('compare:document', { documentId, annotators: chosen, into });
    if (!view) return;
    const open = view.disagreements.filter((d) => d.settled === null).length;
    patch({
      view,
      focus: keptFocus(view, focus),
      table:
        table?.map((row) =>
          row.documentId === documentId ? { ...row, disagreements: view.disagreements.length, open } : row,
        ) ?? null,
    });
  }

  /** Everyone with a layer; the first time, every one of them but the curated layer is compared. */
  async function loadLayers(): Promise<void> {
    const layers = (await store.call('export:options', {}))?.annotators ?? [];
    const { chosen, into } = comparison();
    patch({ layers, chosen: chosen.length ? chosen : layers.filter((name) => name !== into) });
  }

  const focused = () => {
    const { view, focus } = comparison();
    return view && focus >= 0 ? { view, disagreement: view.disagreements[focus]! } : null;
  };

  return {
    refreshComparison: refresh,

    loadLayers,

    /** Shows the comparison screen, of `documentId` when given (from the table), else of the open document. */
    async openComparison(documentId?: string): Promise<void> {
      store.set({ screen: 'compare', dialog: null });
      if (documentId && documentId !== store.getState().open?.document.id)
        await documents.openDocument(documentId);
      if (comparison().layers === null) await loadLayers();
      await refresh();
    },

    showScreen(screen: Screen): void {
      store.set({ screen, dialog: null });
    },

    async chooseAnnotators(chosen: string[]): Promise<void> {
      patch({ chosen, focus: -1 });
      await refresh();
    },

    async setCuratedLayer(into: string): Promise<void> {
      const name = into.trim();
      if (!name) return;
      patch({ into: name, chosen: comparison().chosen.filter((a) => a !== name) });
      await refresh();
    },

    focusDisagreement(index: number): void {
      const view = comparison().view;
      if (view && index >= 0 && index < view.disagreements.length) patch({ focus: index });
    },

    stepDisagreement(step: 1 | -1): void {
      const { view, focus } = comparison();
      if (!view || view.disagreements.length === 0) return;
      patch({ focus: Math.min(view.disagreements.length - 1, Math.max(0, focus + step)) });
    },

    /** Key N: the focused disagreement's span of the N-th compared annotator (1-based) into the curated layer. */
    async acceptFrom(position: number): Promise<void> {
      const target = focused();
      const annotator = comparison().chosen[position - 1];
      if (!target || !annotator) return;
      const span = target.view.spans.find(
        (s) => s.annotator === annotator && target.disagreement.spanIds.includes(s.id),
      );
      if (!span) return;
      await mutate('adjudicate:accept', { id: span.id, into: comparison().into });
      await refreshDocument();
    },

    async rejectFocused(): Promise<void> {
      const target = focused();
      if (!target) return;
      const spans = target.view.spans
        .filter((s) => target.disagreement.spanIds.includes(s.id))
        .map(({ labelId, start, end }) => ({ labelId, start, end }));
      await mutate('adjudicate:reject', {
        documentId: target.view.documentId,
        spans,
        into: comparison().into,
      });
      await refreshDocument();
    },

    /** The curator changes the label of a span in the curated layer. */
    async relabelCurated(id: string, labelId: string): Promise<void> {
      await mutate('adjudicate:relabel', { id, labelId, into: comparison().into });
      await refreshDocument();
    },

    /** The curator moves a span of the curated layer to another extent (another annotator's). */
    async setCuratedExtent(id: string, { start, end }: { start: number; end: number }): Promise<void> {
      await mutate('adjudicate:set-extent', { id, start, end, into: comparison().into });
      await refreshDocument();
    },

    async undoInComparison(): Promise<void> {
      await history.undo();
      await refreshDocument();
    },

    async redoInComparison(): Promise<void> {
      await history.redo();
      await refreshDocument();
    },

    async acceptAllAgreed(rule: AdjudicationRule): Promise<void> {
      const { chosen, into } = comparison();
      const report = await store.call('adjudicate:accept-agreed', { annotators: chosen, rule, into });
      if (!report) return;
      patch({ report });
      const open = store.getState().open;
      // Many documents changed at once: the open one is read again rather than patched.
      if (open) await documents.openDocument(open.document.id);
      await refresh();
    },
  };
}

export type CompareActions = ReturnType<typeof compareActions>;
