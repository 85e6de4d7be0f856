-- Spanlight project schema, version 5: a new document's search entry is written by the app
-- (DocumentRepository.insert), in the same transaction as the document, instead of by a trigger. Projects are
-- opened with trusted_schema=OFF, under which SQLite refuses an application function such as spanlight_fold()
-- inside a trigger (it cannot know the function is harmless). The delete trigger calls no function and stays.

DROP TRIGGER documents_search_insert;
