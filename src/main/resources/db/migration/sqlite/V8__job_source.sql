-- Which import last set a contact's company and title, by the file's name as career_moves.source gives it
-- ('LinkedIn connections', 'vCard', 'Google Contacts CSV', 'Outlook CSV'); NULL when the user typed them.
-- An import changes a job (and records the move) only when the same source gave it, or when it is LinkedIn's and
-- another import gave it: never a job the user typed, and an address book's old card never one LinkedIn gave.
ALTER TABLE contacts ADD COLUMN job_source TEXT;
