import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeReport } from '@shared/layers';
import { useAppState, useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { formatNumber } from '../i18n/format';
import { VisibleText } from './VisibleText';
import '../styles/layers.css';

/**
 * File → Merge annotations…: brings other annotators' layers in from another Spanlight project or a canonical
 * JSONL export (a typed path, or the native dialog in the desktop app), then says what it did per (document,
 * annotator), what it left in conflict and which documents the project lacks.
 */
export function MergeDialog() {
  const { t } = useTranslation('team');
  const store = useAppStore();
  const mode = useAppState((s) => s.info?.mode);
  const report = useAppState((s) => s.mergeReport);
  const [path, setPath] = useState('');
  const [force, setForce] = useState(false);
  const [addDocuments, setAddDocuments] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (source: { kind: 'path'; path: string } | { kind: 'choose' }) => {
    setBusy(true);
    try {
      await store.merge({ source, force, addDocuments });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    store.clearMergeReport();
    store.closeDialog();
  };
  return (
    <Dialog title={t('merge.title')} onClose={close} wide>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void run({ kind: 'path', path: path.trim() });
        }}
      >
        <p className="layer-meta">{t('merge.explain')}</p>
        <label className="merge-source">
          {t('merge.source')}
          <input
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            aria-label={t('merge.pathLabel')}
            placeholder={t('merge.pathPlaceholder')}
            dir="ltr"
          />
        </label>
        <div className="merge-options">
          <label>
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.currentTarget.checked)} />{' '}
            {t('merge.force')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={addDocuments}
              onChange={(e) => setAddDocuments(e.currentTarget.checked)}
            />{' '}
            {t('merge.addDocuments')}
          </label>
        </div>
        <div className="row">
          <button type="submit" disabled={busy || !path.trim()}>
            {busy ? t('merge.running') : t('merge.run')}
          </button>
          {mode === 'electron' && (
            <button type="button" disabled={busy} onClick={() => void run({ kind: 'choose' })}>
              {t('merge.choose')}
            </button>
          )}
        </div>
      </form>
      {report && <MergeReportView report={report} />}
    </Dialog>
  );
}

function MergeReportView({ report }: { report: MergeReport }) {
  const { t } = useTranslation('team');
  const changed = report.merged.length;
  return (
    <section className="merge-report" aria-label={t('merge.reportTitle')} data-testid="merge-report">
      <p role="status">
        {t('merge.summary', { count: changed })} {t('merge.unchanged', { count: report.unchanged })}{' '}
        {t('merge.conflictCount', { count: report.conflicts.length })}{' '}
        {t('merge.missingCount', { count: report.missingDocuments.length })}
      </p>
      {report.unattributed > 0 && <p>{t('merge.unattributed', { count: report.unattributed })}</p>}
      {changed > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('merge.document')}</th>
              <th scope="col">{t('merge.annotator')}</th>
              <th scope="col" className="number">
                {t('merge.added')}
              </th>
              <th scope="col" className="number">
                {t('merge.changed')}
              </th>
              <th scope="col" className="number">
                {t('merge.removed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.merged.map((row) => (
              <tr key={`${row.document}\u0000${row.annotator}`}>
                <td dir="auto">
                  <VisibleText text={row.document} />
                </td>
                <td dir="auto">
                  <VisibleText text={row.annotator} />
                </td>
                <td className="number">{formatNumber(row.added)}</td>
                <td className="number">{formatNumber(row.changed)}</td>
                <td className="number">{formatNumber(row.removed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReportList
        title={t('merge.conflictsTitle')}
        explain={t('merge.conflictsExplain')}
        items={report.conflicts.map((c) => `${c.document} — ${c.annotator}`)}
      />
      <ReportList title={t('merge.missingTitle')} items={report.missingDocuments} />
      <ReportList title={t('merge.addedTitle')} items={report.addedDocuments} />
    </section>
  );
}

/** A titled list of the report (conflicts, missing or added documents); nothing when it is empty. */
function ReportList({ title, explain, items }: { title: string; explain?: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      {explain && <p className="layer-meta">{explain}</p>}
      <ul>
        {items.map((item) => (
          <li key={item} dir="auto">
            <VisibleText text={item} />
          </li>
        ))}
      </ul>
    </>
  );
}
