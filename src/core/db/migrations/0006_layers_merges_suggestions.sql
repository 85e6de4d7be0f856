-- Spanlight project schema, version 6: several annotators in one project, and suggestions.
--
-- document_layers: each annotator's own status of a document (A done, B in progress). documents.status
-- stays what the list showed until now, the status of whoever set it last on this machine.
CREATE TABLE document_layers (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  annotator TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;

-- layer_merges: what a (document, annotator) layer held when it was last merged in from elsewhere, as a hash
-- of its spans. A layer whose hash differs now was edited here since, and a new merge would overwrite that
-- work: a conflict.
CREATE TABLE layer_merges (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  annotator TEXT NOT NULL,
  layer_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;

-- suggestion_rejections: a text (in its search folding) rejected as a suggestion of a label is not offered
-- again for that label.
CREATE TABLE suggestion_rejections (
  label_id TEXT NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
  text_key TEXT NOT NULL,
  annotator TEXT,
  rejected_at TEXT NOT NULL,
  PRIMARY KEY (label_id, text_key)
) WITHOUT ROWID;

-- annotations.origin: 'suggestion' for an annotation that was accepted from a suggestion, else null.
ALTER TABLE annotations ADD COLUMN origin TEXT CHECK (origin IS NULL OR origin = 'suggestion');
