-- The search finds a contact by the start of an email or of its domain ("acme" finds ada@acme.com). The domain is a
-- column of its own, computed from the email and indexed, so that the search seeks it instead of reading every
-- email with LIKE '%@acme%'.
ALTER TABLE contact_emails ADD COLUMN domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL;
CREATE INDEX contact_emails_domain ON contact_emails (domain COLLATE NOCASE);
