/**
 * Working on the open document's annotations: the text selection, the selected annotation, and the actions
 * a user takes on them (tag, relabel, note, attributes, delete, undo and redo), sent as changes (see
 * annotationChanges.ts).
 */
import { isMessage } from '@shared/messages/message';
import type { AttributeValues, HistoryStep } from '@shared/model';
import { i18n } from '../../i18n/i18n';
import { describeOlderAction } from '../../i18n/actionDescription';
import { wordMessage } from '../../i18n/message';
import { sliceCodePoints, type CodePointRange } from '@shared/offsets';
import { defaultAttributes } from '../defaultAttributes';
import type { SaveState } from '../saveTracker';
import type { StoreCore } from '../storeCore';
import { isProvisional, provisionalAnnotation, type AnnotationChangeActions } from './annotationChanges';
import { actingLayer, refuseOtherLayer } from './layers';

/** The article's text selection as the editor provides it: read at the moment of asking, cleared on tagging. */
export interface ArticleSelection {
  read(): CodePointRange | null;
  clear(): void;
}

export interface AnnotationsState {
  /** The user's current text selection in the article, in code points; null when empty. */
  selection: CodePointRange | null;
  selectedAnnotationId: string | null;
  /** The annotations under the caret, when the caret is in the article (clicks cycle through them). */
  annotationsHere: string[];
  save: SaveState;
  /** A request to scroll the editor to an annotation; the counter makes a repeated request a new one. */
  scrollRequest: { annotationId: string; serial: number } | null;
  /** Where the note field is asked to take focus; the counter makes a repeated request a new one. */
  noteFocusRequest: number;
  /** The inspector is asked to focus the topic field (the T key); the serial makes a repeat new. */
  topicFocusRequest: number;
  /** Link mode: the annotation a new link starts from, waiting for its target, and the link's type. */
  linkFrom: string | null;
  linkType: string;
}

export const initialAnnotationsState: AnnotationsState = {
  selection: null,
  selectedAnnotationId: null,
  annotationsHere: [],
  save: { kind: 'idle' },
  scrollRequest: null,
  noteFocusRequest: 0,
  topicFocusRequest: 0,
  linkFrom: null,
  linkType: 'supports',
};

export function annotationsActions(store: StoreCore, { mutate }: AnnotationChangeActions) {
  /**
   * `selectionchange` arrives a task after the selection moved, so a label key pressed right after a
   * Shift+arrow must not act on the cached value: the selection is read again at the moment of tagging.
   */
  let articleSelection: ArticleSelection | null = null;

  function setSelection(selection: CodePointRange | null): void {
    const current = store.getState().selection;
    if (
      current === selection ||
      (current && selection && current.start === selection.start && current.end === selection.end)
    )
      return;
    store.set({ selection });
  }

  async function history(channel: 'history:undo' | 'history:redo'): Promise<void> {
    const open = store.getState().open;
    if (!open) return;
    const undo = channel === 'history:undo';
    await mutate(channel, { documentId: open.document.id }, undefined, (answer) => {
      const { description, message } = answer as HistoryStep;
      if (description === null)
        return i18n.t(undo ? 'save.nothingToUndo' : 'save.nothingToRedo', { ns: 'common' });
      // Only an action recorded before schema 9 has no message: its English is read back as well as it can be.
      const what = isMessage(message) ? wordMessage(message) : describeOlderAction(description);
      return i18n.t(undo ? 'save.undid' : 'save.redid', { ns: 'common', what });
    });
  }

  return {
    setSelection,

    setSelectionSource(source: ArticleSelection | null): void {
      articleSelection = source;
    },

    setAnnotationsHere(ids: string[]): void {
      const current = store.getState().annotationsHere;
      if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
      store.set({ annotationsHere: ids });
    },

    selectAnnotation(id: string | null, scroll = false): void {
      const { scrollRequest } = store.getState();
      const serial = (scrollRequest?.serial ?? 0) + 1;
      store.set({
        selectedAnnotationId: id,
        scrollRequest: scroll && id ? { annotationId: id, serial } : scrollRequest,
      });
    },

    /** The label key or button: tags the selected text, or relabels the selected annotation. */
    async applyLabel(labelId: string): Promise<void> {
      if (articleSelection) setSelection(articleSelection.read());
      const { open, selection, selectedAnnotationId, labels } = store.getState();
      if (!open) return;
      if (selection) {
        const label = labels.find((l) => l.id === labelId);
        const request = {
          documentId: open.document.id,
          start: selection.start,
          end: selection.end,
          labelId,
          attributes: label
            ? defaultAttributes(label, sliceCodePoints(open.document.text, selection.start, selection.end))
            : {},
        };
        // Painted at once; the save indicator says "Saving…" until main has committed it.
        const provisional = provisionalAnnotation(request, actingLayer(store.getState()));
        // The new highlight, not the browser's selection colour, should show what was tagged.
        articleSelection?.clear();
        store.set({ selectedAnnotationId: provisional.id, selection: null });
        const delta = await mutate('annotations:create', request, {
          apply: { upserted: [provisional], deletedIds: [] },
          revert: { upserted: [], deletedIds: [provisional.id] },
        });
        if (store.getState().selectedAnnotationId === provisional.id)
          store.set({ selectedAnnotationId: delta?.upserted[0]?.id ?? null });
      } else if (
        selectedAnnotationId &&
        !isProvisional(selectedAnnotationId) &&
        !refuseOtherLayer(store, selectedAnnotationId)
      ) {
        const current = open.annotations.find((a) => a.id === selectedAnnotationId);
        await mutate(
          'annotations:relabel',
          { id: selectedAnnotationId, labelId },
          current && {
            apply: { upserted: [{ ...current, labelId }], deletedIds: [] },
            revert: { upserted: [current], deletedIds: [] },
          },
        );
      }
    },

    async relabelSelected(labelId: string): Promise<void> {
      const id = store.getState().selectedAnnotationId;
      if (id && !refuseOtherLayer(store, id)) await mutate('annotations:relabel', { id, labelId });
    },

    /** Asks the inspector to focus the selected annotation's note field. */
    focusTopic(): void {
      const { selectedAnnotationId, topicFocusRequest } = store.getState();
      if (selectedAnnotationId) store.set({ topicFocusRequest: topicFocusRequest + 1 });
    },

    focusNote(): void {
      const { selectedAnnotationId, noteFocusRequest } = store.getState();
      if (selectedAnnotationId) store.set({ noteFocusRequest: noteFocusRequest + 1 });
    },

    async setNote(id: string, note: string): Promise<void> {
      if (!isProvisional(id) && !refuseOtherLayer(store, id))
        await mutate('annotations:set-note', { id, note });
    },

    async setAttributes(id: string, attributes: AttributeValues): Promise<void> {
      if (!isProvisional(id) && !refuseOtherLayer(store, id))
        await mutate('annotations:set-attributes', { id, attributes });
    },

    async deleteSelected(): Promise<void> {
      const id = store.getState().selectedAnnotationId;
      if (!id || isProvisional(id) || refuseOtherLayer(store, id)) return;
      if (await mutate('annotations:delete', { id })) store.set({ selectedAnnotationId: null });
    },

    undo: () => history('history:undo'),
    redo: () => history('history:redo'),
  };
}

export type AnnotationsActions = ReturnType<typeof annotationsActions>;
