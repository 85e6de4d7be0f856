import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, type DocumentStatus } from '@shared/model';
import { setFilter } from '../state/actions/navigation';
import type { DocumentSort } from '../state/slices/documents';
import { useAppState, useAppStore } from '../state/useStore';
import { STATUS_NAMES } from './statusNames';
import { visibleText } from './VisibleText';

/** Project progress, and the document list's filters (status, label) and order. */
export function DocumentFilters() {
  const { t } = useTranslation('provenance');
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
      <div className="progress" title={`${finished} of ${documents.length} documents done or skipped`}>
        <div
          className="progress-track"
          role="progressbar"
          aria-label="Project progress"
          aria-valuenow={finished}
          aria-valuemin={0}
          aria-valuemax={documents.length}
        >
          <div
            className="progress-fill"
            ref={(el) => el?.style.setProperty('width', `${(share * 100).toFixed(1)}%`)}
          />
        </div>
        <span className="muted">
          {finished}/{documents.length} done
        </span>
      </div>
      <div className="status-chips" role="group" aria-label="Filter by status">
        {DOCUMENT_STATUSES.map((status) => (
          <button
            key={status}
            className="chip"
            aria-pressed={filter.statuses.includes(status)}
            onClick={() => toggle(status)}
          >
            {STATUS_NAMES[status]}
          </button>
        ))}
      </div>
      <div className="row">
        <select
          aria-label="Filter by label"
          value={filter.labelId ?? ''}
          onChange={(e) => void setFilter(store, { labelId: e.currentTarget.value || null })}
        >
          <option value="">any label</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              has {visibleText(l.name)}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort documents"
          value={filter.sort}
          onChange={(e) => void setFilter(store, { sort: e.currentTarget.value as DocumentSort })}
        >
          <option value="imported">import order</option>
          <option value="file">file name</option>
          <option value="title">title</option>
          <option value="annotations">most annotated</option>
          <option value="status">status</option>
          <option value="outlet">{t('sort.outlet')}</option>
          <option value="published">{t('sort.published')}</option>
        </select>
      </div>
    </div>
  );
}
