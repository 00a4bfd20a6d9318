-- Full-text search over contacts (FTS5), kept in step with the contacts table by triggers.
CREATE VIRTUAL TABLE contacts_search USING fts5(
    full_name, company, title, city, notes,
    content = 'contacts', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
    VALUES (new.id, new.full_name, new.company, new.title, new.city, new.notes);
END;

CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, full_name, company, title, city, notes)
    VALUES ('delete', old.id, old.full_name, old.company, old.title, old.city, old.notes);
END;

CREATE TRIGGER contacts_search_update AFTER UPDATE OF full_name, company, title, city, notes ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, full_name, company, title, city, notes)
    VALUES ('delete', old.id, old.full_name, old.company, old.title, old.city, old.notes);
    INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
    VALUES (new.id, new.full_name, new.company, new.title, new.city, new.notes);
END;

INSERT INTO contacts_search (contacts_search) VALUES ('rebuild');
