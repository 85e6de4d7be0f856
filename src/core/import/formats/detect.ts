/** Which reader takes a file when the import format is `auto`: by extension, then by a look at the content. */
import { extname } from 'node:path';
import type { ImportFormat } from '@shared/datasets';
import { looksLikeDoccano } from './doccano';
import { firstJsonLine } from './jsonLines';

export type FileFormat = Exclude<ImportFormat, 'auto'>;

export function detectFormat(fileName: string, text: string): FileFormat {
  switch (extname(fileName).toLowerCase()) {
    case '.jsonl':
    case '.ndjson':
      return looksLikeDoccano(firstJsonLine(text)) ? 'doccano' : 'jsonl';
    case '.json':
      return 'label-studio';
    case '.csv':
      return 'csv';
    case '.ann':
      return 'brat';
    default:
      return 'txt';
  }
}
