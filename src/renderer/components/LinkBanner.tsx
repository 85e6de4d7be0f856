import { useTranslation } from 'react-i18next';
import { DEFAULT_RELATION_TYPES } from '@shared/model';
import { cancelLink, completeLink, setLinkType } from '../state/actions/links';
import { useAppState, useAppStore } from '../state/useStore';
import { keyHint } from './keyHints';

/** Shown in link mode: which annotation the link starts from, its type, and how to finish. */
export function LinkBanner() {
  const { t } = useTranslation('workbench');
  const store = useAppStore();
  const linkFrom = useAppState((s) => s.linkFrom);
  const linkType = useAppState((s) => s.linkType);
  const selectedId = useAppState((s) => s.selectedAnnotationId);
  if (!linkFrom) return null;
  const ready = Boolean(selectedId && selectedId !== linkFrom);
  return (
    <div className="notice link-banner" role="status" data-testid="link-banner">
      {t('links.banner')}{' '}
      <select
        aria-label={t('links.type')}
        value={linkType}
        onChange={(e) => setLinkType(store, e.currentTarget.value)}
      >
        {DEFAULT_RELATION_TYPES.map((type) => (
          <option key={type}>{type}</option>
        ))}
      </select>{' '}
      <button disabled={!ready} onClick={() => void completeLink(store)}>
        {t('links.link')} <kbd>{keyHint('completeLink')}</kbd>
      </button>{' '}
      <button onClick={() => cancelLink(store)}>
        {t('links.cancel')} <kbd>{keyHint('escape')}</kbd>
      </button>
    </div>
  );
}
