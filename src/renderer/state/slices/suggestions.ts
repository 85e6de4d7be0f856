/**
 * The open document's suggestions: asked of main after each change to the document or its annotations (the
 * rules run in main, so typing never waits on them), an answer dropped when the document or its annotations
 * changed while it was on its way, and the user's accept, reject and accept-all. An accepted suggestion is
 * an ordinary annotation change (annotationChanges.ts), undone like any other.
 */
import type { Annotation } from '@shared/model';
import type { Suggestion, SuggestionRule, SwitchedOffRule } from '@shared/suggestions';
import type { StoreCore } from '../storeCore';
import { provisionalAnnotation, type AnnotationChangeActions } from './annotationChanges';
import { actingLayer } from './layers';

export interface SuggestionsState {
  /**
   * What the rules offer in a document, in text order; never counted as annotations. Tied to its document,
   * so the list of the document just left is never painted over the next one.
   */
  suggestions: { documentId: string; list: Suggestion[] } | null;
  /** Where the caret is in the article (code points), or was last: the keys act on the suggestion there. */
  caret: number | null;
  /** The rule families switched off per label (the Labels dialog). */
  switchedOffRules: SwitchedOffRule[];
}

export const initialSuggestionsState: SuggestionsState = {
  suggestions: null,
  caret: null,
  switchedOffRules: [],
};

/** One empty list: a selector must answer the same value while nothing changed, or React renders forever. */
const NONE: Suggestion[] = [];

/** The open document's suggestions. */
export function openSuggestions(state: {
  suggestions: SuggestionsState['suggestions'];
  open: { document: { id: string } } | null;
}): Suggestion[] {
  const { suggestions, open } = state;
  return suggestions && open && suggestions.documentId === open.document.id ? suggestions.list : NONE;
}

/**
 * The suggestion the keys act on: of those the caret touches, the innermost (a number inside a suggested
 * claim: the number), else the first after the caret; the first of all before the caret was ever placed.
 */
export function suggestionAtCaret(
  suggestions: readonly Suggestion[],
  caret: number | null,
): Suggestion | null {
  if (caret === null) return suggestions[0] ?? null;
  let touching: Suggestion | null = null;
  for (const s of suggestions) {
    if (s.start > caret) return touching ?? s;
    if (s.end >= caret && (!touching || s.end - s.start < touching.end - touching.start)) touching = s;
  }
  return touching;
}

/** Leaves out what an annotation of the same label already overlaps: accepted, or tagged by hand meanwhile. */
function uncovered(suggestions: Suggestion[], annotations: readonly Annotation[]): Suggestion[] {
  return suggestions.filter(
    (s) => !annotations.some((a) => a.labelId === s.labelId && a.start < s.end && a.end > s.start),
  );
}

export function suggestionsActions(store: StoreCore, { mutate }: AnnotationChangeActions) {
  /**
   * One request at a time: changes while it is on its way ask for one more after it, whose answer alone is
   * shown, so a burst of tagging costs main two runs of the rules, not one a key press.
   */
  let inFlight = false;
  let again = false;

  function openDocument() {
    return store.getState().open;
  }

  /** Asks main for the open document's suggestions; an answer that describes the past is dropped. */
  async function refreshSuggestions(): Promise<void> {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      do {
        again = false;
        const open = openDocument();
        if (!open) return;
        const answer = await store.api['suggestions:list']({ documentId: open.document.id });
        const now = openDocument();
        // Asked again, another document, or annotations changed since: this answer describes the past.
        if (again || now?.document.id !== open.document.id || now.annotations !== open.annotations) continue;
        // Suggestions are a help: failing to find them must not interrupt the work with a notice.
        const list = answer.ok ? uncovered(answer.value, now.annotations) : [];
        store.set({ suggestions: { documentId: open.document.id, list } });
      } while (again);
    } finally {
      inFlight = false;
    }
  }

  function without(drop: (s: Suggestion) => boolean): void {
    const { suggestions } = store.getState();
    if (suggestions)
      store.set({ suggestions: { ...suggestions, list: suggestions.list.filter((s) => !drop(s)) } });
  }

  const shown = () => openSuggestions(store.getState());

  function provisional(suggestion: Suggestion, documentId: string) {
    // Where main puts it: the curated layer while curating, else the user's own.
    const annotator = actingLayer(store.getState());
    const { labelId, start, end, attributes } = suggestion;
    return provisionalAnnotation({ documentId, labelId, start, end, attributes }, annotator);
  }

  async function accept(suggestion: Suggestion): Promise<void> {
    const open = openDocument();
    if (!open) return;
    const painted = provisional(suggestion, open.document.id);
    without((s) => s.id === suggestion.id);
    await mutate(
      'suggestions:accept',
      { documentId: open.document.id, id: suggestion.id },
      { apply: { upserted: [painted], deletedIds: [] }, revert: { upserted: [], deletedIds: [painted.id] } },
    );
  }

  async function reject(suggestion: Suggestion): Promise<void> {
    const open = openDocument();
    if (!open) return;
    without((s) => s.id === suggestion.id);
    await store.call('suggestions:reject', { documentId: open.document.id, id: suggestion.id });
    // The same text elsewhere goes too: main knows which texts count as the same.
    await refreshSuggestions();
  }

  async function acceptAll(labelId: string): Promise<void> {
    const open = openDocument();
    const taken = shown().filter((s) => s.labelId === labelId);
    if (!open || taken.length === 0) return;
    const painted = taken.map((s) => provisional(s, open.document.id));
    without((s) => s.labelId === labelId);
    await mutate(
      'suggestions:accept-all',
      { documentId: open.document.id, labelId },
      {
        apply: { upserted: painted, deletedIds: [] },
        revert: { upserted: [], deletedIds: painted.map((a) => a.id) },
      },
    );
  }

  const atCaret = () => suggestionAtCaret(shown(), store.getState().caret);

  return {
    refreshSuggestions,

    setCaret(caret: number | null): void {
      if (store.getState().caret !== caret) store.set({ caret });
    },

    async acceptSuggestion(id: string): Promise<void> {
      const found = shown().find((s) => s.id === id);
      if (found) await accept(found);
    },

    async rejectSuggestion(id: string): Promise<void> {
      const found = shown().find((s) => s.id === id);
      if (found) await reject(found);
    },

    acceptAllSuggestions: acceptAll,

    /** The keys: the suggestion at the caret, or the next one after it. */
    async acceptSuggestionAtCaret(): Promise<void> {
      const found = atCaret();
      if (found) await accept(found);
    },

    async rejectSuggestionAtCaret(): Promise<void> {
      const found = atCaret();
      if (found) await reject(found);
    },

    /** Every suggestion of the label of the one at the caret. */
    async acceptAllAtCaret(): Promise<void> {
      const found = atCaret();
      if (found) await acceptAll(found.labelId);
    },

    async loadSwitchedOffRules(): Promise<void> {
      const switchedOffRules = await store.call('suggestions:switched-off', {});
      if (switchedOffRules) store.set({ switchedOffRules });
    },

    async setSuggestionRule(labelId: string, rule: SuggestionRule, enabled: boolean): Promise<void> {
      const switchedOffRules = await store.call('suggestions:set-rule', { labelId, rule, enabled });
      if (!switchedOffRules) return;
      store.set({ switchedOffRules });
      await refreshSuggestions();
    },
  };
}

export type SuggestionsActions = ReturnType<typeof suggestionsActions>;
