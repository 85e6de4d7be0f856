-- Spanlight project schema, version 7: where each document came from. documents.file_name (version 1) stays
-- where it is; the rest of a document's provenance lives in a table of its own, keyed by the document, so the
-- document list reads it from small rows instead of from the documents table, whose rows hold the texts.
--
-- published: an ISO 8601 date, optionally with a time (2024-03-07, 2024-03-07T10:15:00+03:00); the app checks
-- the whole shape and the calendar (src/shared/documentMeta.ts), the CHECK only the date's shape, so a file
-- edited by another program cannot slip a date the list would sort wrong.
-- language: a BCP 47 tag (ar, en, fr-CA); null when unknown.
-- extra: a JSON object of every other key an import brought (a CSV column, a JSON field), kept as it came.
CREATE TABLE document_meta (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  outlet TEXT,
  published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'),
  url TEXT,
  language TEXT,
  external_id TEXT,
  extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra) AND json_type(extra) = 'object')
) STRICT, WITHOUT ROWID;

-- Every document has its row; the language of documents imported before this version is not known.
INSERT INTO document_meta (document_id) SELECT id FROM documents;
