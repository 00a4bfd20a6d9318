-- The search finds O'Brien by "obrien" and 李雷 by 雷: the index is filled with kith_index() of each column, a function
-- every Kith connection has (storage/SearchTokens), which folds the text as kith_fold() did (V12) and adds the words
-- the tokenizer would not find: each word with an apostrophe inside also without it ("O'Brien OBrien"), and each
-- Chinese, Japanese or Korean character apart. The index is made again from the contacts, as V12 made it.
DROP TRIGGER contacts_search_insert;
DROP TRIGGER contacts_search_delete;
DROP TRIGGER contacts_search_update;
DROP TABLE contacts_search;

CREATE VIRTUAL TABLE contacts_search USING fts5(
    full_name, company, title, city, notes,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
    VALUES (new.id, kith_index(new.full_name), kith_index(new.company), kith_index(new.title), kith_index(new.city),
            kith_index(new.notes));
END;

CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM contacts_search WHERE rowid = old.id;
END;

CREATE TRIGGER contacts_search_update AFTER UPDATE OF full_name, company, title, city, notes ON contacts BEGIN
    DELETE FROM contacts_search WHERE rowid = old.id;
    INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
    VALUES (new.id, kith_index(new.full_name), kith_index(new.company), kith_index(new.title), kith_index(new.city),
            kith_index(new.notes));
END;

INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
SELECT id, kith_index(full_name), kith_index(company), kith_index(title), kith_index(city), kith_index(notes)
  FROM contacts;

-- The sort key (V13) of a name in hangul was its letters taken apart (kith_sort() did not compose them again), which
-- sorted Korean names before Chinese and Japanese ones, where PostgreSQL sorts them after: written again.
UPDATE contacts SET sort_name = kith_sort(full_name) WHERE sort_name IS NOT kith_sort(full_name);
