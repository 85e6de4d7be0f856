/** Every export format, by name. Each module says how one document (or the whole export) is written. */
import type { ExportFormat } from '@shared/model';
import { brat } from './brat';
import { conll } from './conll';
import { csv } from './csv';
import { doccano } from './doccano';
import type { ExportFormatModule } from './format';
import { jsonl } from './jsonl';
import { labelStudio } from './labelStudio';
import { qdpx } from './qdpx';
import { spacy } from './spacy';
import { webanno } from './webanno';

export { CSV_COLUMNS, csvField, csvRow } from './csv';

export const FORMAT_MODULES: Record<ExportFormat, ExportFormatModule> = {
  jsonl,
  csv,
  conll,
  brat,
  'label-studio': labelStudio,
  doccano,
  spacy,
  webanno,
  qdpx,
};

export const FORMAT_MEDIA_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  conll: 'text/plain; charset=utf-8',
  brat: 'application/zip',
  'label-studio': 'application/json; charset=utf-8',
  doccano: 'application/x-ndjson; charset=utf-8',
  spacy: 'application/x-ndjson; charset=utf-8',
  webanno: 'application/ld+json; charset=utf-8',
  qdpx: 'application/zip',
};
