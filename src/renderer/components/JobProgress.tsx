/**
 * The progress of a long import or export: a bar with counts ("1,204 of 100,000 documents"), what is being
 * done, and Cancel while it runs; the outcome (counts, warnings, rejected files, where an export went) when it
 * ends.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { JobStatus } from '@shared/datasets';
import { importProblemText, importSummaryText } from '../state/importText';
import { VisibleText } from './VisibleText';
import { wordEach, wordOr } from '../i18n/message';

export interface JobProgressProps {
  job: JobStatus;
  /** Asks main to stop the job (`jobs:cancel`). */
  onCancel(): void;
  /** Hides the finished job. */
  onDismiss(): void;
  /** Where an export lands: a file the desktop app wrote (its full path), or the browser's download. */
  destination?: 'file' | 'download';
}

/** The phases main names without anything of the user's in them; any other is shown as main wrote it. */
const KNOWN_PHASES = [
  'Starting',
  'Waiting to start',
  'Exporting',
  'Importing',
  'Done',
  'Cancelled',
  'Failed',
];

function outcome(job: JobStatus, t: TFunction): string[] {
  if (job.state === 'failed')
    return [t('job.failed', { error: wordOr(job.errorI18n, job.error ?? t('job.unknownError')) })];
  if (job.state === 'cancelled') {
    return job.kind === 'import'
      ? [
          t('job.importCancelled', {
            count: job.import?.imported.length ?? 0,
            filesText: t('common:count.documents', { count: job.import?.imported.length ?? 0 }),
          }),
        ]
      : [t('job.exportCancelled')];
  }
  if (job.export) {
    const { documents, spans, warningCount, warnings = [], warningsI18n } = job.export;
    return [
      // English keeps "1 spans" (a column of figures); Arabic needs the noun in each number's form.
      t('job.exported', {
        documents,
        spans,
        documentsText: t('common:count.documents', { count: documents }),
        spansText: t('common:count.spans', { count: spans }),
      }),
      ...(warningCount > 0 ? [t('job.warnings', { count: warningCount })] : []),
      ...wordEach(warningsI18n, warnings),
    ];
  }
  if (job.import) {
    return [
      importSummaryText(job.import),
      ...job.import.rejected.map((problem) => importProblemText('rejected', problem)),
    ];
  }
  return [];
}

/** Where the export went, in full, with a button that puts the path on the clipboard. */
function ExportDestination({ path, destination }: { path: string; destination: 'file' | 'download' }) {
  const { t } = useTranslation('workbench');
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(path).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <p className="job-destination" data-testid="export-destination">
      {t(destination === 'file' ? 'job.savedTo' : 'job.downloadedAs')}{' '}
      <code dir="ltr" className="job-path">
        <VisibleText text={path} />
      </code>{' '}
      <button type="button" onClick={copy}>
        {copied ? t('job.copied') : t('job.copyPath')}
      </button>
    </p>
  );
}

export function JobProgress({ job, onCancel, onDismiss, destination = 'file' }: JobProgressProps) {
  const { t } = useTranslation('workbench');
  const running = job.state === 'running';
  const title = job.kind === 'export' ? t('job.export') : t('job.import');
  const phase = KNOWN_PHASES.includes(job.phase)
    ? t(`job.phase.${job.phase}`)
    : wordOr(job.phaseI18n, job.phase);
  const unit = t(`job.unit.${job.unit}`, { count: job.total || job.done });
  return (
    <section
      className="job-progress"
      role="status"
      aria-live="polite"
      aria-label={t('job.progress', { title })}
      data-testid="job-progress"
    >
      <header>
        <strong>{title}</strong>{' '}
        <span className="job-phase">
          <VisibleText text={phase} />
        </span>
      </header>
      {running && (
        <>
          <progress value={job.done} max={job.total || undefined} aria-label={t('job.progress', { title })} />
          <span className="job-counts">
            {job.total > 0
              ? t('job.counts', { done: job.done, total: job.total, unit })
              : t('job.countsOpen', { done: job.done, unit })}
          </span>
          <button type="button" onClick={onCancel}>
            {t('common:action.cancel')}
          </button>
        </>
      )}
      {!running && (
        <>
          <ul className="job-outcome">
            {outcome(job, t).map((line, i) => (
              <li key={i}>
                <VisibleText text={line} />
              </li>
            ))}
          </ul>
          {job.state === 'done' && job.export && (
            <ExportDestination path={job.export.path} destination={destination} />
          )}
          <button type="button" onClick={onDismiss}>
            {t('common:action.close')}
          </button>
        </>
      )}
    </section>
  );
}
