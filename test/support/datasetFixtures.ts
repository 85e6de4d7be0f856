/**
 * A project built to break exporters: every kind of text where code points, UTF-16 units, bytes and what a
 * reader sees disagree, with overlapping and nested spans, spans across line breaks, notes that need quoting
 * or escaping, attributes of every type, links, statuses and two annotators. Test-only.
 */
import { join } from 'node:path';
import { EXPORT_FORMAT_INFO } from '@shared/datasets';
import type { ExportFormat } from '@shared/model';
import { Importer } from '../../src/core/import/importer';
import { sourceFromBytes } from '../../src/core/import/sources';
import type { Project } from '../../src/core/project/project';
import { rangeOf } from './fixtures';

/**
 * Where a test writes its `format` export of `stem` in `dir`: named as a user would, with the format's own
 * extension, and the format in the name too (doccano and spaCy are both .jsonl); brat is a folder.
 */
export function exportPath(dir: string, stem: string, format: ExportFormat): string {
  const info = EXPORT_FORMAT_INFO[format];
  return join(dir, info.layout === 'folder' ? `${stem}-${format}` : `${stem}-${format}${info.extension}`);
}

/** Emoji and flags, Arabic with harakat and tatweel, ZWJ/ZWNJ, bidi controls, Arabic-Indic digits, NFD, tabs. */
export const HARD_TEXT =
  'Breaking 😀 news: 🇸🇾 talks, 👨‍👩‍👧 families, 👍🏽 reactions.\n' +
  'قال المُقَاتِلٌ إنّ الـــهجوم فشل في ٣٫٥ مواقع؛ «لا» قالت الوزارة؟\n' +
  'ZWNJ: می\u200Cخواهم, ZWJ: ل\u200Dا, bidi: \u202Bعربي\u202C and \u2067שלום\u2069 and \u200Fmark.\n' +
  'Cafe\u0301 re\u0301sume\u0301 (NFD)\tafter a tab\t\tand two.\n' +
  '数字 𝟙𝟚𝟛 and "quoted, text" end 🇺🇳';

/** A source with CRLF line ends: imported with LF, every offset on the LF text. */
export const CRLF_SOURCE = 'CRLF title\r\nThe ministry said 12 were hurt.\r\n\r\nA denial followed.\r\n';
export const CRLF_TEXT = CRLF_SOURCE.replace(/\r\n/g, '\n');

/** A line of 5,000 code points (no line break inside), then a short one. */
export const LONG_LINE_TEXT =
  'Long line\n' + Array.from('word ٣ 😀 '.repeat(600)).slice(0, 4999).join('') + 'x\nEnd.';

const NOTE = 'Attributed, "anonymous"\nsecond line\twith tab\r\nthird \\ line';

export interface BuiltDataset {
  documentIds: { hard: string; crlf: string; long: string; plain: string };
  spans: number;
  relations: number;
}

function importText(project: Project, name: string, text: string): string {
  const report = new Importer(project).importAll([sourceFromBytes(name, Buffer.from(text, 'utf8'))]);
  if (report.imported.length !== 1) throw new Error(`could not import ${name}: ${JSON.stringify(report)}`);
  return report.imported[0]!.documentId;
}

/** Builds the dataset in `project` through the real services (so the change log is real too). */
export function buildHardDataset(project: Project): BuiltDataset {
  const { annotationService: spans, relationService: links } = project;
  project.setAnnotator('Rana');
  const hard = importText(project, 'hard.txt', HARD_TEXT);
  const crlf = importText(project, 'crlf.txt', CRLF_SOURCE);
  const long = importText(project, 'long.txt', LONG_LINE_TEXT);
  const plain = importText(project, 'plain.txt', 'No spans here\nJust text.');
  const on = (documentId: string, text: string, needle: string, labelId: string, extra: object = {}) =>
    spans.create({ documentId, ...rangeOf(text, needle), labelId, ...extra }).upserted[0]!.id;

  on(hard, HARD_TEXT, '😀', 'claim');
  on(hard, HARD_TEXT, '🇸🇾', 'claim', { note: NOTE });
  const family = on(hard, HARD_TEXT, '👨‍👩‍👧', 'number', {
    attributes: { value: 3, unit: 'people', approximate: true },
  });
  on(hard, HARD_TEXT, '👍🏽', 'denial');
  const claim = on(hard, HARD_TEXT, 'قال المُقَاتِلٌ إنّ الـــهجوم فشل في ٣٫٥ مواقع', 'claim', {
    attributes: { source: 'Ministry of Defence', stance: 'reports' },
  });
  on(hard, HARD_TEXT, '٣٫٥', 'number', { attributes: { value: 3.5, approximate: false } });
  // Two claims sharing tokens: BIO cannot hold both in the claim column.
  on(hard, HARD_TEXT, 'الـــهجوم فشل في', 'claim');
  const denial = on(hard, HARD_TEXT, '«لا» قالت الوزارة؟', 'denial', { note: 'quote, "inner"' });
  on(hard, HARD_TEXT, 'می\u200Cخواهم', 'claim');
  on(hard, HARD_TEXT, '\u202Bعربي\u202C', 'claim');
  on(hard, HARD_TEXT, '\u2067שלום\u2069', 'denial');
  on(hard, HARD_TEXT, 'Cafe\u0301 re\u0301sume\u0301', 'claim');
  on(hard, HARD_TEXT, 'after a tab\t\tand', 'denial');
  // Across line breaks (brat fragments), and one that starts with a line break.
  on(hard, HARD_TEXT, 'reactions.\nقال', 'number');
  on(hard, HARD_TEXT, '\nZWNJ', 'denial');
  // Inside a token: CoNLL tags the whole token; spaCy has no token indices for it.
  on(hard, HARD_TEXT, 'reakin', 'claim');
  on(hard, HARD_TEXT, '𝟙𝟚𝟛', 'number', { attributes: { value: 123, unit: 'مواقع\nline' } });
  on(hard, HARD_TEXT, '🇺🇳', 'claim');
  links.create(denial, claim, 'denies');
  links.create(family, claim, 'supports');

  project.setAnnotator('Sam');
  const said = on(crlf, CRLF_TEXT, 'The ministry said 12 were hurt.', 'claim');
  const twelve = on(crlf, CRLF_TEXT, '12', 'number', { attributes: { value: 12 } });
  on(crlf, CRLF_TEXT, 'A denial followed.', 'denial');
  links.create(twelve, said, 'same-as');
  const longLine = LONG_LINE_TEXT.split('\n')[1]!;
  on(long, LONG_LINE_TEXT, longLine, 'claim');
  on(long, LONG_LINE_TEXT, 'End.', 'denial');

  project.documentService.setStatus(hard, 'done');
  project.documentService.setStatus(crlf, 'in_progress');
  project.documentService.setStatus(long, 'done');
  return { documentIds: { hard, crlf, long, plain }, spans: 23, relations: 3 };
}
