-- Import and export: birthdays, photos, career history, where an interaction came from, background imports.
ALTER TABLE contacts ADD COLUMN birthday TEXT; -- YYYY-MM-DD, or --MM-DD when the year is not known
-- Where in its first cadence period an imported, never-touched contact falls due (0..1), so imports spread out.
ALTER TABLE contacts ADD COLUMN first_due_spread REAL;
CREATE INDEX contacts_linkedin ON contacts (user_id, linkedin_url);

CREATE TABLE contact_photos (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    media_type TEXT    NOT NULL,
    data       BLOB    NOT NULL
);

CREATE TABLE career_moves (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    changed_on  TEXT    NOT NULL,
    old_company TEXT,
    old_title   TEXT,
    new_company TEXT,
    new_title   TEXT,
    source      TEXT
);
CREATE INDEX career_moves_contact ON career_moves (contact_id, changed_on);

-- An imported interaction's key in its source (a LinkedIn conversation and day), so a re-import adds nothing.
ALTER TABLE interactions ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX interactions_source ON interactions (user_id, source_key) WHERE source_key IS NOT NULL;

CREATE TABLE import_jobs (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    format     TEXT    NOT NULL,
    file_name  TEXT    NOT NULL,
    state      TEXT    NOT NULL, -- queued, running, done, failed
    done_rows  INTEGER NOT NULL DEFAULT 0,
    total_rows INTEGER NOT NULL DEFAULT 0,
    summary    TEXT,
    error      TEXT,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX import_jobs_user ON import_jobs (user_id, id);
