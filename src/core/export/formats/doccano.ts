/**
 * doccano's sequence-labelling JSONL: `{"id","title","text","label":[[start, end, label], ...]}`, offsets in
 * code points (doccano counts Python characters). doccano keeps the keys it does not know as metadata: the
 * document's provenance is written as such keys (file_name, outlet, published, ...), and under `meta` any
 * extra key named like one of doccano's own. Notes, attributes and links are not part of this format.
 *
 * Written in ASCII, every other character as a JSON `\uXXXX` escape: doccano guesses a file's encoding from
 * its bytes, and took a short UTF-8 file with a few emoji for Windows-1254 (failing) or Windows-1252
 * (garbling the text). An ASCII file is read right whatever it guesses, and decodes to the same text.
 */
import type { DocumentMeta, MetaValue } from '@shared/model';
import { setOwn } from '@shared/ownKeys';
import { jsonLinesFormat } from './format';
import { provenanceRecord } from './provenance';

/** The keys of a line doccano (or Spanlight's doccano reader) gives a meaning of its own. */
const DOCCANO_KEYS = ['id', 'title', 'text', 'label', 'labels', 'entities', 'relations', 'meta', 'status'];

/** Provenance as top-level keys, and those that would clash with doccano's under `meta`. */
function provenanceKeys(meta: DocumentMeta): Record<string, MetaValue> {
  const top: Record<string, MetaValue> = {};
  const clashing: Record<string, MetaValue> = {};
  for (const [key, value] of Object.entries(provenanceRecord(meta)))
    setOwn(DOCCANO_KEYS.includes(key) ? clashing : top, key, value);
  if (Object.keys(clashing).length > 0) top.meta = clashing;
  return top;
}

export const doccano = jsonLinesFormat(
  ({ document, spans }) => ({
    id: document.id,
    title: document.title,
    text: document.text,
    label: spans.map((s) => [s.start, s.end, s.label]),
    ...provenanceKeys(document.meta),
  }),
  { ascii: true },
);
