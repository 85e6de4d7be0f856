/**
 * Choosing an export: the format (every format main knows, with what each holds) and what to keep: document
 * statuses, labels, one annotator; for CSV, whether it is for a spreadsheet. Calls `onExport` with the choice;
 * the caller starts the job (datasetJobs.startExport) and shows its progress (JobProgress).
 */
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { EXPORT_FORMAT_INFO, type ExportFilter } from '@shared/datasets';
import {
  DOCUMENT_STATUSES,
  EXPORT_FORMATS,
  type DocumentStatus,
  type ExportFormat,
  type Label,
} from '@shared/model';
import { statusName } from './statusNames';
import { VisibleText, visibleText } from './VisibleText';

export interface ExportDialogProps {
  labels: Label[];
  /** From `export:options`. */
  annotators: string[];
  /** The desktop app saves a folder format (brat) as a folder; the browser downloads it as a .zip. */
  platform: 'electron' | 'browser';
  /** `spreadsheet`: CSV written for Excel and the like (a BOM, formula cells prefixed); false otherwise. */
  onExport(format: ExportFormat, filter: ExportFilter, spreadsheet: boolean): void;
  onClose(): void;
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function ExportDialog({ labels, annotators, platform, onExport, onClose }: ExportDialogProps) {
  const { t } = useTranslation('dialogs');
  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const [statuses, setStatuses] = useState<DocumentStatus[]>([]);
  const [labelNames, setLabelNames] = useState<string[]>([]);
  const [annotator, setAnnotator] = useState('');
  const [spreadsheet, setSpreadsheet] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onExport(
      format,
      {
        ...(statuses.length ? { statuses } : {}),
        ...(labelNames.length ? { labels: labelNames } : {}),
        ...(annotator ? { annotator } : {}),
      },
      format === 'csv' && spreadsheet,
    );
  };
  const info = EXPORT_FORMAT_INFO[format];

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-dialog-title"
        onSubmit={submit}
      >
        <h2 id="export-dialog-title">{t('export.title')}</h2>
        <fieldset>
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="export-format">
              <input
                type="radio"
                name="format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              <span>{EXPORT_FORMAT_INFO[f].title}</span>{' '}
              <small>{t(`export.formats.${f}`, { defaultValue: EXPORT_FORMAT_INFO[f].description })}</small>
            </label>
          ))}
          {format === 'csv' && (
            <label className="export-spreadsheet">
              <input
                type="checkbox"
                checked={spreadsheet}
                onChange={(e) => setSpreadsheet(e.currentTarget.checked)}
              />{' '}
              {t('export.spreadsheet')}
              <small>
                <Trans t={t} i18nKey="export.spreadsheetHint" components={{ code: <code /> }} />
              </small>
            </label>
          )}
          {info.layout === 'folder' && (
            <p className="hint">{platform === 'browser' ? t('export.asZip') : t('export.asFolder')}</p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('export.statuses')}</legend>
          {DOCUMENT_STATUSES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={statuses.includes(s)}
                onChange={() => setStatuses(toggle(statuses, s))}
              />{' '}
              {statusName(s)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('export.labels')}</legend>
          {labels.map((l) => (
            <label key={l.id}>
              <input
                type="checkbox"
                checked={labelNames.includes(l.name)}
                onChange={() => setLabelNames(toggle(labelNames, l.name))}
              />{' '}
              <VisibleText text={l.name} />
            </label>
          ))}
        </fieldset>
        <label>
          {t('export.annotator')}{' '}
          <select value={annotator} onChange={(e) => setAnnotator(e.currentTarget.value)}>
            <option value="">{t('export.everyone')}</option>
            {annotators.map((a) => (
              <option key={a} value={a}>
                {visibleText(a)}
              </option>
            ))}
          </select>
        </label>
        <footer>
          <button type="button" onClick={onClose}>
            {t('common:action.cancel')}
          </button>
          <button type="submit">{t('export.submit')}</button>
        </footer>
      </form>
    </div>
  );
}
