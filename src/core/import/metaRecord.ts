/**
 * A document's provenance from the keys a file gives it: a JSON `meta` object (canonical JSONL, doccano, Label
 * Studio), a Label Studio task's other `data` keys, or a CSV row's mapped columns. The known keys (file_name,
 * outlet, published, url, language, external_id) fill their fields; every other key is kept in `extra` as it
 * came. Checked with the same rules as the document panel's edits (src/shared/documentMeta.ts).
 */
import { LIMITS } from '@shared/contract';
import { META_FIELDS, META_KEYS, metaProblem } from '@shared/documentMeta';
import type { DocumentMetaFields, MetaValue } from '@shared/model';
import { setOwn } from '@shared/ownKeys';

/** What a file gives; `fileName` is the file the document first came from, when the file records it. */
export type ImportedMeta = Partial<DocumentMetaFields> & { fileName?: string };

const KNOWN = new Set(Object.values(META_KEYS));

/** A number where a text is expected (an external id of 17) is that number's text; empty text is absent. */
function textOf(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value;
}

/** The provenance in `record`, or the first problem with it (`field: why`, in the file's key names). */
export function readMeta(
  record: Readonly<Record<string, unknown>>,
): { meta: ImportedMeta } | { problem: string } {
  const fields: Record<string, unknown> = {};
  for (const field of META_FIELDS) {
    const key = META_KEYS[field];
    fields[field] = Object.hasOwn(record, key) ? textOf(record[key]) : null;
  }
  // Own keys, whatever their name: JSON.parse makes `__proto__` an own key, and it is kept like any other.
  const extra: Record<string, MetaValue> = {};
  for (const [key, value] of Object.entries(record))
    if (!KNOWN.has(key) && value !== undefined) setOwn(extra, key, value as MetaValue);
  const problem = metaProblem({ ...fields, extra });
  if (problem) return { problem };
  const meta: ImportedMeta = { extra };
  for (const field of META_FIELDS) {
    const value = fields[field] as string | null;
    // A key given as null stays null (a language the user cleared is not guessed again); an absent one is unset.
    if (value !== null) meta[field] = value.trim();
    else if (Object.hasOwn(record, META_KEYS[field])) meta[field] = null;
  }
  if (Object.hasOwn(record, META_KEYS.fileName)) {
    const fileName = textOf(record[META_KEYS.fileName]);
    if (fileName !== null && (typeof fileName !== 'string' || fileName.length > LIMITS.pathLength))
      return { problem: `file_name: a text of at most ${LIMITS.pathLength} characters` };
    if (fileName !== null) meta.fileName = fileName;
  }
  return { meta };
}

/** `record` without `keys`: what remains of a JSON object once a format has read its own keys from it. */
export function without(
  record: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!keys.includes(key)) setOwn(rest, key, value);
  return rest;
}
