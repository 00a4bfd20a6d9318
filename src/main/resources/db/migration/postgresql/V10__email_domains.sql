-- The search finds a contact by the start of an email or of its domain ("acme" finds ada@acme.com): both prefixes are
-- indexed for LIKE 'acme%' (text_pattern_ops: the database's collation may not be C), so that the search seeks them
-- instead of reading every email with LIKE '%@acme%'. The new index on lower(email) serves equality too, so the plain
-- one of V1 goes.
CREATE INDEX contact_emails_email_prefix ON contact_emails (lower(email) text_pattern_ops);
CREATE INDEX contact_emails_domain ON contact_emails (lower(split_part(email, '@', 2)) text_pattern_ops);
DROP INDEX contact_emails_email;
