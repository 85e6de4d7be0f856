import { DEFAULT_RELATION_TYPES } from '@shared/model';
import { cancelLink, completeLink, setLinkType } from '../state/actions/links';
import { useAppState, useAppStore } from '../state/useStore';
import { keyHint } from './keyHints';

/** Shown in link mode: which annotation the link starts from, its type, and how to finish. */
export function LinkBanner() {
  const store = useAppStore();
  const linkFrom = useAppState((s) => s.linkFrom);
  const linkType = useAppState((s) => s.linkType);
  const selectedId = useAppState((s) => s.selectedAnnotationId);
  if (!linkFrom) return null;
  const ready = Boolean(selectedId && selectedId !== linkFrom);
  return (
    <div className="notice link-banner" role="status" data-testid="link-banner">
      Linking: choose the target (click it, or Tab to it), then Enter.{' '}
      <select
        aria-label="Link type"
        value={linkType}
        onChange={(e) => setLinkType(store, e.currentTarget.value)}
      >
        {DEFAULT_RELATION_TYPES.map((type) => (
          <option key={type}>{type}</option>
        ))}
      </select>{' '}
      <button disabled={!ready} onClick={() => void completeLink(store)}>
        Link <kbd>{keyHint('completeLink')}</kbd>
      </button>{' '}
      <button onClick={() => cancelLink(store)}>
        Cancel <kbd>{keyHint('escape')}</kbd>
      </button>
    </div>
  );
}
