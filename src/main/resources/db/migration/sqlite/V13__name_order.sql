-- Contacts are listed by name as people read names: case, accents and strokes aside, so "Émile" comes among the E's
-- and "Łukasz" among the L's, not after "Zoe". The key, kith_sort(full_name) (storage/SearchFold.plain, a function
-- every Kith connection has), is kept in a column of its own that triggers fill as a name is written, as the
-- search index is (V12), and indexed: a page of the list is read in order without computing it. Kept in a column,
-- not in an index on the function, the file can be checked (PRAGMA integrity_check) by a connection without it.
ALTER TABLE contacts ADD COLUMN sort_name TEXT;
UPDATE contacts SET sort_name = kith_sort(full_name);

-- An insert that gives the key itself (an import's, thousands of rows at once) is not written twice.
CREATE TRIGGER contacts_sort_insert AFTER INSERT ON contacts WHEN new.sort_name IS NULL BEGIN
    UPDATE contacts SET sort_name = kith_sort(new.full_name) WHERE id = new.id;
END;

CREATE TRIGGER contacts_sort_update AFTER UPDATE OF full_name ON contacts WHEN new.full_name IS NOT old.full_name BEGIN
    UPDATE contacts SET sort_name = kith_sort(new.full_name) WHERE id = new.id;
END;

DROP INDEX contacts_name;
CREATE INDEX contacts_name ON contacts (user_id, sort_name);
