-- The search finds Jean-Luc by "jeanluc" (PostgreSQL's V17 does the same): kith_index() (storage/SearchTokens) now
-- adds each word with hyphens inside without them, as it adds one with apostrophes ("Jean-Luc JeanLuc"). The
-- triggers call it as they are; the index is filled again from the contacts, as V15 filled it.
INSERT INTO contacts_search (contacts_search) VALUES ('delete-all');

INSERT INTO contacts_search (rowid, full_name, company, title, city, notes)
SELECT id, kith_index(full_name), kith_index(company), kith_index(title), kith_index(city), kith_index(notes)
  FROM contacts;
