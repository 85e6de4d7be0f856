/**
 * doccano's sequence-labelling JSONL: `{"id","title","text","label":[[start, end, label], ...]}`, offsets in
 * code points (doccano counts Python characters). doccano keeps the keys it does not know as metadata.
 * Notes, attributes and links are not part of this format.
 */
import { jsonLinesFormat } from './format';

export const doccano = jsonLinesFormat(({ document, spans }) => ({
  id: document.id,
  title: document.title,
  text: document.text,
  label: spans.map((s) => [s.start, s.end, s.label]),
}));
