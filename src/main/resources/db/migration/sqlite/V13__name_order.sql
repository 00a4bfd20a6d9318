-- Contacts are listed by name as people read names: case, accents and strokes aside, so "Émile" comes among the E's
-- and "Łukasz" among the L's, not after "Zoe". The key is kith_sort() (storage/SearchFold.plain), a function every
-- Kith connection has; the index keeps it, so a page of the list is read in order without computing it again.
DROP INDEX contacts_name;
CREATE INDEX contacts_name ON contacts (user_id, kith_sort(full_name));
