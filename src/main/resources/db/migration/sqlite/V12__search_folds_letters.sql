-- The full-text index folds the letters that unicode61 keeps but PostgreSQL's unaccent() folds (ø, ł, ß, æ, ...),
-- so that 'jorgen' finds Jørgen on SQLite too. The index is filled with kith_fold() of each column, a function every
-- Kith connection has (storage/SearchFold); it holds no copy of the text (contentless), and a row is taken out of it
-- by its id alone (contentless_delete), as its folded text is nowhere else.
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
    VALUES (new.id, kith_fold(new.full_name), kith_fold(new.company), kith_fold(new.title), kith_fold(new.city),
            kith_fold(new.notes));
END;

CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM contacts_search WHERE rowid = old.id;
END;

CREATE TRIGGER contacts_search_update AFTER UPDATE OF full_name, company, title, city, notes ON contacts BEGIN
    DELETE FROM contacts_search WHERE rowid = old.id;
    INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
    VALUES (new.id, kith_fold(new.full_name), kith_fold(new.company), kith_fold(new.title), kith_fold(new.city),
            kith_fold(new.notes));
END;

INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
SELECT id, kith_fold(full_name), kith_fold(company), kith_fold(title), kith_fold(city), kith_fold(notes) FROM contacts;
