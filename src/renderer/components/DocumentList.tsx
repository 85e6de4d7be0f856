import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleDocuments } from '../state/actions/navigation';
import { useAppState, useAppStore } from '../state/useStore';
import { DocumentFilters } from './DocumentFilters';
import { DocumentSource } from './DocumentSource';
import { statusName } from './statusNames';
import { VisibleText, visibleText } from './VisibleText';
import { TeamStatuses, TeamToggle, useTeamStatuses } from './TeamStatuses';

// Title, source (DocumentSource), then status and count: styles/provenance.css gives the row this height.
const ROW_HEIGHT = 76;

/** All documents of the project, virtualised: only the rows in view exist, so 100,000 documents scroll freely. */
export function DocumentList() {
  const { t } = useTranslation('workbench');
  const store = useAppStore();
  const allDocuments = useAppState((s) => s.documents);
  const filter = useAppState((s) => s.filter);
  const documents = useMemo(() => visibleDocuments(allDocuments, filter), [allDocuments, filter]);
  const openId = useAppState((s) => s.open?.document.id);
  const scroller = useRef<HTMLDivElement>(null);
  const team = useTeamStatuses();
  const own = useAppState((s) => s.info?.project?.annotator ?? null);
  const virtualizer = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <nav className="document-list" aria-label={t('documents.nav')}>
      <div className="pane-title">
        {documents.length !== allDocuments.length
          ? t('documents.titleFiltered', { count: documents.length, total: allDocuments.length })
          : t('documents.title', { count: documents.length })}
        <TeamToggle />
      </div>
      <DocumentFilters />
      <div className="virtual-scroller" ref={scroller}>
        <ul
          className="virtual-body"
          role="listbox"
          aria-label={t('documents.list')}
          ref={(el) => el?.style.setProperty('height', `${virtualizer.getTotalSize()}px`)}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const doc = documents[item.index]!;
            return (
              // Clicking a row is the mouse's way to open it; the keyboard's is J / K (the shortcuts).
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- see above
              <li
                key={doc.id}
                role="option"
                aria-selected={doc.id === openId}
                className={`document-row${doc.id === openId ? ' active' : ''}`}
                data-testid="document-row"
                ref={(el) => el?.style.setProperty('transform', `translateY(${item.start}px)`)}
                onClick={() => void store.openDocument(doc.id)}
              >
                <span className="document-title" dir="auto" title={visibleText(doc.title)}>
                  <VisibleText text={doc.title} />
                </span>
                <DocumentSource document={doc} />
                <span className="document-meta">
                  <span className={`status-badge status-${doc.status}`}>{statusName(doc.status)}</span>
                  <span className="annotation-count" data-testid="annotation-count">
                    {t('common:count.annotations', { count: doc.annotationCount })}
                  </span>
                  {team && <TeamStatuses statuses={team.get(doc.id)} own={own} ownStatus={doc.status} />}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
