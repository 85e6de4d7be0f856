/** The toolbar's way to the comparison screen (key C), for the open document. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/useStore';
import { keyHint } from '../keyHints';

export function CompareButton() {
  const { t } = useTranslation('compare');
  const store = useAppStore();
  return (
    <button
      className="toolbar-secondary"
      onClick={() => void store.openComparison()}
      title={t('openTitle', { key: keyHint('openComparison') })}
    >
      {t('open')}
    </button>
  );
}
