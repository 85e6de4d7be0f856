/**
 * How a document's provenance is stored (migration 0007): a row of `document_meta` beside `documents.file_name`.
 * The SQL that reads it and the row's conversion, shared by the document repository's reads and writes.
 */
import type { DocumentMeta, DocumentMetaFields, MetaValue } from '@shared/model';

export interface MetaRow {
  file_name: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  external_id: string | null;
  extra: string | null;
}

/**
 * The columns of a MetaRow from `documents d LEFT JOIN document_meta m`: a document written by a version
 * before 0007 through a copy of the file has no row, and reads as nothing known.
 */
export const META_COLUMNS = `d.file_name, m.outlet, m.published, m.url, m.language, m.external_id, m.extra`;
export const META_JOIN = `LEFT JOIN document_meta m ON m.document_id = d.id`;

export function toMeta(row: MetaRow): DocumentMeta {
  return {
    fileName: row.file_name,
    outlet: row.outlet,
    published: row.published,
    url: row.url,
    language: row.language,
    externalId: row.external_id,
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, MetaValue>) : {},
  };
}

/** The named parameters of the insert and update of a document's row. */
export function metaParams(documentId: string, fields: DocumentMetaFields) {
  return {
    documentId,
    outlet: fields.outlet,
    published: fields.published,
    url: fields.url,
    language: fields.language,
    externalId: fields.externalId,
    extra: JSON.stringify(fields.extra),
  };
}
