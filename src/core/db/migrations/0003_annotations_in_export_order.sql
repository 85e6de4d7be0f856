-- Spanlight project schema, version 3: annotations indexed in the order an export reads them (document, start,
-- end, id), so the export's query walks the index instead of sorting each page's spans by id in a temporary
-- B-tree. It replaces annotations_by_document, of which it is an extension: every query that index served
-- (by document, by document and position, the foreign key's cascade) this one serves, and an import keeps
-- one index to update instead of two.

CREATE INDEX annotations_by_document_in_order ON annotations (document_id, start, "end", id);
DROP INDEX annotations_by_document;
