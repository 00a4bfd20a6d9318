-- Which import last set a contact's company and title, by the file's name as career_moves.source gives it
-- ('LinkedIn connections', 'vCard', 'Google Contacts CSV', 'Outlook CSV'); NULL when the user typed them.
-- An import changes a job (and records the move) only when the same source gave it, or when it is LinkedIn's and
-- another import gave it: never a job the user typed, and an address book's old card never one LinkedIn gave.
ALTER TABLE contacts ADD COLUMN job_source TEXT;

-- Jobs already there: the source of their latest career move, else 'an earlier import', which any import may
-- change as before this version (whether the user typed such a job is not known).
UPDATE contacts
   SET job_source = coalesce((SELECT m.source FROM career_moves m
                               WHERE m.contact_id = contacts.id AND m.source IS NOT NULL
                               ORDER BY m.changed_on DESC, m.id DESC
                               LIMIT 1), 'an earlier import')
 WHERE company IS NOT NULL OR title IS NOT NULL;
