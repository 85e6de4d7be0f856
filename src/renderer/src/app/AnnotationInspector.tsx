import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '@shared/model';
import { useAppState, useAppStore } from '../state/useStore';

const NOTE_SAVE_DELAY_MS = 700;

/** The selected annotation: its text, label (to change), note (saved as you pause typing) and delete. */
export function AnnotationInspector({ annotation, text }: { annotation: Annotation | null; text: string }) {
  const store = useAppStore();
  const labels = useAppState((s) => s.labels);
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
  }, [annotation?.id]);

  // The stored note changed from elsewhere (undo, redo): show it, unless the user is typing here.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (pending.current === null && document.activeElement !== field.current) setNote(annotation?.note ?? '');
  }, [annotation?.note]);

  useEffect(() => () => flush(), []);

  if (!annotation) {
    return (
      <div className="inspector empty" data-testid="inspector">
        Select text and press a label key (or button) to tag it. Click a highlight to select it.
      </div>
    );
  }
  return (
    <div className="inspector" data-testid="inspector">
      <blockquote className="inspector-text" dir="auto">
        {text}
      </blockquote>
      <div className="inspector-offsets">
        [{annotation.start}, {annotation.end}) code points
      </div>
      <div className="inspector-labels" role="radiogroup" aria-label="Label">
        {labels.map((label) => (
          <button
            key={label.id}
            role="radio"
            aria-checked={label.id === annotation.labelId}
            className={`label-choice${label.id === annotation.labelId ? ' active' : ''}`}
            ref={(el) => el?.style.setProperty('--label-color', label.color)}
            onClick={() => void store.relabelSelected(label.id)}
          >
            {label.name}
          </button>
        ))}
      </div>
      <label className="note-field">
        Note
        <textarea
          ref={field}
          value={note}
          dir="auto"
          aria-label="Note"
          onChange={(e) => {
            const value = e.currentTarget.value;
            setNote(value);
            pending.current = { id: annotation.id, note: value };
            clearTimeout(timer.current);
            timer.current = setTimeout(flush, NOTE_SAVE_DELAY_MS);
          }}
          onBlur={flush}
        />
      </label>
      <button className="danger" onClick={() => void store.deleteSelected()}>
        Delete annotation
      </button>
    </div>
  );
}
