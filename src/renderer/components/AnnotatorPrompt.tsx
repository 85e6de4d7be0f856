import { useState } from 'react';
import { useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { InvisibleCharsNote } from './VisibleText';

/** Asked once per project: the name recorded on every annotation. */
export function AnnotatorPrompt() {
  const store = useAppStore();
  const [name, setName] = useState('');
  const [later, setLater] = useState(false);
  if (later) return null;
  return (
    <Dialog title="Who is annotating?" onClose={() => setLater(true)}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void store.setAnnotator(name.trim());
        }}
      >
        <p>
          Your name is recorded on every annotation you make in this project, so several annotators' work can
          be told apart.
        </p>
        <label className="field">
          Annotator name
          <input value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label="Annotator name" />
          <InvisibleCharsNote text={name} />
        </label>
        <button type="submit" disabled={!name.trim()}>
          Save
        </button>
      </form>
    </Dialog>
  );
}
