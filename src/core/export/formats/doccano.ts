/**
 * doccano's sequence-labelling JSONL: `{"id","title","text","label":[[start, end, label], ...]}`, offsets in
 * code points (doccano counts Python characters). doccano keeps the keys it does not know as metadata.
 * Notes, attributes and links are not part of this format.
 *
 * Written in ASCII, every other character as a JSON `\uXXXX` escape: doccano guesses a file's encoding from
 * its bytes, and took a short UTF-8 file with a few emoji for Windows-1254 (failing) or Windows-1252
 * (garbling the text). An ASCII file is read right whatever it guesses, and decodes to the same text.
 */
import { jsonLinesFormat } from './format';

export const doccano = jsonLinesFormat(
  ({ document, spans }) => ({
    id: document.id,
    title: document.title,
    text: document.text,
    label: spans.map((s) => [s.start, s.end, s.label]),
  }),
  { ascii: true },
);
