import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, type DocumentStatus } from '@shared/model';
import { setFilter } from '../state/actions/navigation';
import type { DocumentSort } from '../state/slices/documents';
import { useAppState, useAppStore } from '../state/useStore';
import { statusName } from './statusNames';
import { visibleText } from './VisibleText';

/** Project progress, and the document list's filters (status, label) and order. */
export function DocumentFilters() {
  const { t } = useTranslation('workbench');
  const store = useAppStore();
  const documents = useAppState((s) => s.documents);
  const filter = useAppState((s) => s.filter);
  const labels = useAppState((s) => s.labels);
  const finished = documents.filter((d) => d.status === 'done' || d.status === 'skipped').length;
  const share = documents.length ? finished / documents.length : 0;
  const toggle = (status: DocumentStatus) =>
    void setFilter(store, {
      statuses: filter.statuses.includes(status)
        ? filter.statuses.filter((s) => s !== status)
        : [...filter.statuses, status],
    });
  return (
    <div className="document-filters">
      <div className="progress" title={t('documents.progressTitle', { finished, total: documents.length })}>
        <div
          className="progress-track"
          role="progressbar"
          aria-label={t('documents.progress')}
          aria-valuenow={finished}
          aria-valuemin={0}
          aria-valuemax={documents.length}
        >
          <div
            className="progress-fill"
            ref={(el) => el?.style.setProperty('width', `${(share * 100).toFixed(1)}%`)}
          />
        </div>
        <span className="muted">{t('documents.progressDone', { finished, total: documents.length })}</span>
      </div>
      <div className="status-chips" role="group" aria-label={t('documents.byStatus')}>
        {DOCUMENT_STATUSES.map((status) => (
          <button
            key={status}
            className="chip"
            aria-pressed={filter.statuses.includes(status)}
            onClick={() => toggle(status)}
          >
            {statusName(status)}
          </button>
        ))}
      </div>
      <div className="row">
        <select
          aria-label={t('documents.byLabel')}
          value={filter.labelId ?? ''}
          onChange={(e) => void setFilter(store, { labelId: e.currentTarget.value || null })}
        >
          <option value="">{t('documents.anyLabel')}</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {t('documents.hasLabel', { label: visibleText(l.name) })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('documents.sort')}
          value={filter.sort}
          onChange={(e) => void setFilter(store, { sort: e.currentTarget.value as DocumentSort })}
        >
          <option value="imported">{t('documents.sortImported')}</option>
          <option value="file">{t('documents.sortFile')}</option>
          <option value="title">{t('documents.sortTitle')}</option>
          <option value="annotations">{t('documents.sortAnnotations')}</option>
          <option value="status">{t('documents.sortStatus')}</option>
          <option value="outlet">{t('provenance:sort.outlet')}</option>
          <option value="published">{t('provenance:sort.published')}</option>
        </select>
      </div>
    </div>
  );
}
