-- Spanlight project schema, version 9: an action's description as a message (src/shared/messages/message.ts),
-- JSON `{"ns":"actions","key":"create","params":{"label":"claim"}}`, so each interface words it in its own
-- language from the values the core recorded instead of reading them back out of English. `description` keeps
-- the English for the command line, the audit trail and older readers. NULL: recorded before version 9.
ALTER TABLE actions ADD COLUMN description_message TEXT;
