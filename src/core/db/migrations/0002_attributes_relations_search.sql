-- Spanlight project schema, version 2: label attributes, annotation attributes, links between annotations,
-- full-text search. The search index holds text folded by spanlight_fold() (a function every connection
-- registers, see connection.ts), so Arabic matches regardless of diacritics, tatweel and letter variants.

ALTER TABLE labels ADD COLUMN attributes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attributes));
ALTER TABLE annotations ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes));

UPDATE labels SET attributes = '[{"name":"value","type":"number"},{"name":"unit","type":"text","suggest":true},{"name":"approximate","type":"boolean"}]'
  WHERE id = 'number';
UPDATE labels SET attributes = '[{"name":"source","type":"text","suggest":true},{"name":"stance","type":"choice","choices":["asserts","reports","disputes"]}]'
  WHERE id = 'claim';
UPDATE labels SET attributes = '[{"name":"source","type":"text","suggest":true}]'
  WHERE id = 'denial';

CREATE TABLE relations (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  from_id     TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  to_id       TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  annotator   TEXT,
  created_at  TEXT NOT NULL,
  CHECK (from_id <> to_id),
  UNIQUE (from_id, to_id, type)
) STRICT;

CREATE INDEX relations_by_document ON relations (document_id);
CREATE INDEX relations_by_to ON relations (to_id);

CREATE VIRTUAL TABLE documents_search USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO documents_search (rowid, title, body)
  SELECT rowid, spanlight_fold(title), spanlight_fold(text) FROM documents;

CREATE TRIGGER documents_search_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO documents_search (rowid, title, body) VALUES (new.rowid, spanlight_fold(new.title), spanlight_fold(new.text));
END;

CREATE TRIGGER documents_search_delete AFTER DELETE ON documents
BEGIN
  DELETE FROM documents_search WHERE rowid = old.rowid;
END;
