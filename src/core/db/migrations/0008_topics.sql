-- Spanlight project schema, version 8: topics, what a number or claim is about ("fighters killed", "monthly
-- pay"), kept in the order the user gives them. An annotation carries its topic by name in its attributes
-- (`{"topic": "fighters killed"}`), as canonical JSONL writes it, so a renamed topic rewrites those values.
CREATE TABLE topics (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  position INTEGER NOT NULL
) STRICT;
