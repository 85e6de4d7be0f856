/**
 * A document's provenance as the export formats write it: one record by the keys imports read back
 * (../../import/metaRecord.ts): file_name, outlet, published, url, language, external_id, then the extra keys.
 */
import { META_FIELDS, META_KEYS } from '@shared/documentMeta';
import type { DocumentMeta, MetaValue } from '@shared/model';
import { setOwn } from '@shared/ownKeys';

/** Every known key (null when not known, so a re-import does not guess a language the user cleared), then extra. */
export function provenanceRecord(meta: DocumentMeta): Record<string, MetaValue> {
  const record: Record<string, MetaValue> = { [META_KEYS.fileName]: meta.fileName };
  for (const field of META_FIELDS) record[META_KEYS[field]] = meta[field];
  for (const [key, value] of Object.entries(meta.extra)) setOwn(record, key, value);
  return record;
}

/** The known keys that hold a value, for formats that list provenance rather than carry a record. */
export function knownProvenance(meta: DocumentMeta): Array<[string, string]> {
  const pairs: Array<[string, string]> = [[META_KEYS.fileName, meta.fileName]];
  for (const field of META_FIELDS) {
    const value = meta[field];
    if (value !== null) pairs.push([META_KEYS[field], value]);
  }
  return pairs;
}
