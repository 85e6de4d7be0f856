import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { InvisibleCharsNote } from './VisibleText';

/** Asked once per project: the name recorded on every annotation. */
export function AnnotatorPrompt() {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const [name, setName] = useState('');
  const [later, setLater] = useState(false);
  if (later) return null;
  return (
    <Dialog title={t('annotator.title')} onClose={() => setLater(true)}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void store.setAnnotator(name.trim());
        }}
      >
        <p>{t('annotator.text')}</p>
        <label className="field">
          {t('annotator.name')}
          <input
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            aria-label={t('annotator.name')}
          />
          <InvisibleCharsNote text={name} />
        </label>
        <button type="submit" disabled={!name.trim()}>
          {t('common:action.save')}
        </button>
      </form>
    </Dialog>
  );
}
