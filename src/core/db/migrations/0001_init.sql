-- Spanlight project schema, version 1.
-- Offsets (annotations.start, annotations."end") are Unicode code points, end exclusive, so that
-- substr(documents.text, start + 1, "end" - start) is the annotated text.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE labels (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color    TEXT NOT NULL,
  hotkey   TEXT UNIQUE,
  position INTEGER NOT NULL
) STRICT;

-- Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
INSERT INTO labels (id, name, color, hotkey, position) VALUES
  ('claim',  'claim',  '#0072b2', '1', 0),
  ('denial', 'denial', '#d55e00', '2', 1),
  ('number', 'number', '#009e73', '3', 2);

CREATE TABLE documents (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  text        TEXT NOT NULL,
  sha256      TEXT NOT NULL UNIQUE,
  length      INTEGER NOT NULL CHECK (length > 0),
  status      TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE annotations (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  label_id    TEXT NOT NULL REFERENCES labels (id),
  start       INTEGER NOT NULL CHECK (start >= 0),
  "end"       INTEGER NOT NULL CHECK ("end" > start),
  note        TEXT NOT NULL DEFAULT '',
  annotator   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX annotations_by_document ON annotations (document_id, start, "end");
CREATE INDEX annotations_by_label ON annotations (label_id);

-- One user action (create, relabel, note, delete): the unit of undo. `state` is the undo stack.
CREATE TABLE actions (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL,
  description TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded')),
  created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX actions_by_document ON actions (document_id, state, id);

-- Every change to the data, append-only: the audit trail, and what undo/redo replays.
CREATE TABLE change_log (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  action_id INTEGER REFERENCES actions (id),
  cause     TEXT NOT NULL CHECK (cause IN ('do', 'undo', 'redo', 'import')),
  at        TEXT NOT NULL,
  actor     TEXT,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before    TEXT,
  after     TEXT
);

CREATE INDEX change_log_by_action ON change_log (action_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;
