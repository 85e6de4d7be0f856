/**
 * The progress of a long import or export: a bar with counts ("1,204 of 100,000 documents"), what is being
 * done, and Cancel while it runs; the outcome (counts, warnings, rejected files) when it ends.
 */
import { importProblemLine, importSummary, type JobStatus } from '@shared/datasets';
import { VisibleText } from './VisibleText';

export interface JobProgressProps {
  job: JobStatus;
  /** Asks main to stop the job (`jobs:cancel`). */
  onCancel(): void;
  /** Hides the finished job. */
  onDismiss(): void;
}

const number = new Intl.NumberFormat();

function outcome(job: JobStatus): string[] {
  if (job.state === 'failed') return [`Failed: ${job.error ?? 'unknown error'}`];
  if (job.state === 'cancelled') {
    return job.kind === 'import'
      ? [
          `Cancelled. ${job.import?.imported.length ?? 0} imported before the cancel; the file being read was left out.`,
        ]
      : ['Cancelled. Nothing was written.'];
  }
  if (job.export) {
    const { documents, spans, warningCount, warnings = [] } = job.export;
    return [
      `Exported ${number.format(documents)} documents, ${number.format(spans)} spans`,
      ...(warningCount > 0
        ? [`${warningCount} ${warningCount === 1 ? 'warning' : 'warnings'}: what the format could not hold`]
        : []),
      ...warnings,
    ];
  }
  if (job.import) {
    return [
      importSummary(job.import),
      ...job.import.rejected.map((problem) => importProblemLine('Rejected', problem)),
    ];
  }
  return [];
}

export function JobProgress({ job, onCancel, onDismiss }: JobProgressProps) {
  const running = job.state === 'running';
  const title = job.kind === 'export' ? 'Export' : 'Import';
  return (
    <section
      className="job-progress"
      role="status"
      aria-live="polite"
      aria-label={`${title} progress`}
      data-testid="job-progress"
    >
      <header>
        <strong>{title}</strong>{' '}
        <span className="job-phase">
          <VisibleText text={job.phase} />
        </span>
      </header>
      {running && (
        <>
          <progress value={job.done} max={job.total || undefined} aria-label={`${title} progress`} />
          <span className="job-counts">
            {job.total > 0
              ? `${number.format(job.done)} of ${number.format(job.total)} ${job.unit}`
              : `${number.format(job.done)} ${job.unit}`}
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
      {!running && (
        <>
          <ul className="job-outcome">
            {outcome(job).map((line, i) => (
              <li key={i}>
                <VisibleText text={line} />
              </li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss}>
            Close
          </button>
        </>
      )}
    </section>
  );
}
