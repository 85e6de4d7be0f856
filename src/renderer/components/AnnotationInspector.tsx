import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Annotation, Relation } from '@shared/model';
import type { OffsetIndex } from '@shared/offsets';
import { AttributeFields } from './AttributeFields';
import { LinkList } from './LinkList';
import { PendingSelection } from './PendingSelection';
import { useAppState, useAppStore } from '../state/useStore';
import { keyHint, keysOf } from './keyHints';
import { InvisibleCharsNote, VisibleText } from './VisibleText';
import { LayerOwner } from './LayerOwner';
import { actingLayer, mayEdit } from '../state/slices/layers';
import { useLabelColor } from '../theme/useLabelColor';

const NOTE_SAVE_DELAY_MS = 700;

/** The selected annotation: its text, label (to change), note (saved as you pause typing) and delete. */
interface Props {
  annotation: Annotation | null;
  annotations: Annotation[];
  relations: Relation[];
  index: OffsetIndex;
}

export function AnnotationInspector({ annotation, annotations, relations, index }: Props) {
  const { t } = useTranslation('workbench');
  const store = useAppStore();
  const paint = useLabelColor();
  const labels = useAppState((s) => s.labels);
  const noteFocusRequest = useAppState((s) => s.noteFocusRequest);
  const hasSelection = useAppState((s) => s.selection !== null);
  const acting = useAppState(actingLayer);
  const text = annotation ? index.slice(annotation.start, annotation.end) : '';
  const [note, setNote] = useState(annotation?.note ?? '');
  const pending = useRef<{ id: string; note: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = () => {
    clearTimeout(timer.current);
    const change = pending.current;
    pending.current = null;
    if (change) void store.setNote(change.id, change.note);
  };

  // Another annotation selected: save what was typed for the previous one, show this one's note.
  useEffect(() => {
    flush();
    setNote(annotation?.note ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the id alone: a new note of the same annotation is the next effect's case
  }, [annotation?.id]);

  // The stored note changed from elsewhere (undo, redo): show it, unless the user is typing here.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (pending.current === null && document.activeElement !== field.current) setNote(annotation?.note ?? '');
  }, [annotation?.note]);

  // Unmounting saves what was typed. flush reads only refs and the store, so the first render's copy is current.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs on unmount only, not after every render
  useEffect(() => () => flush(), []);

  useEffect(() => {
    if (noteFocusRequest > 0) field.current?.focus();
  }, [noteFocusRequest]);

  const label = annotation ? labels.find((l) => l.id === annotation.labelId) : undefined;
  if (!annotation) {
    return (
      <div className="inspector empty" data-testid="inspector">
        {hasSelection ? <PendingSelection index={index} /> : t('annotations.empty')}
      </div>
    );
  }
  return (
    // A fieldset, so another annotator's span disables every field in it at once: shown, not changed.
    <fieldset className="inspector" data-testid="inspector" disabled={!mayEdit(acting, annotation)}>
      <blockquote className="inspector-text" dir="auto">
        <VisibleText text={text} />
      </blockquote>
      <div className="inspector-offsets">
        {/* The half-open interval reads left to right in either language: "[63, 77)". */}
        <Trans
          t={t}
          i18nKey="annotations.offsets"
          values={{ start: annotation.start, end: annotation.end }}
          components={{ range: <bdi dir="ltr" /> }}
        />
      </div>
      <LayerOwner annotator={annotation.annotator} />
      <div className="inspector-labels" role="radiogroup" aria-label={t('annotations.label')}>
        {labels.map((label) => (
          <button
            key={label.id}
            role="radio"
            aria-checked={label.id === annotation.labelId}
            className={`label-choice${label.id === annotation.labelId ? ' active' : ''}`}
            ref={(el) => el?.style.setProperty('--label-color', paint(label.color))}
            onClick={() => void store.relabelSelected(label.id)}
          >
            <VisibleText text={label.name} />
          </button>
        ))}
      </div>
      {label && <AttributeFields annotation={annotation} label={label} />}
      <label className="note-field">
        <span>
          {t('annotations.note')} <kbd>{keyHint('editNote')}</kbd>
        </span>
        <textarea
          ref={field}
          value={note}
          dir="auto"
          aria-label={t('annotations.note')}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setNote(value);
            pending.current = { id: annotation.id, note: value };
            clearTimeout(timer.current);
            timer.current = setTimeout(flush, NOTE_SAVE_DELAY_MS);
          }}
          onBlur={flush}
        />
        <InvisibleCharsNote text={note} />
      </label>
      <LinkList annotation={annotation} annotations={annotations} relations={relations} text={index} />
      <button
        className="danger"
        onClick={() => void store.deleteSelected()}
        title={t('annotations.deleteTitle', { keys: keysOf('deleteAnnotation').join(t('annotations.or')) })}
      >
        {t('annotations.delete')}
      </button>
    </fieldset>
  );
}
