-- Kith core schema for SQLite. Calendar dates are ISO-8601 text, booleans 0/1.
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    username    TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    is_owner    INTEGER NOT NULL DEFAULT 0,
    name        TEXT,
    city        TEXT,
    country     TEXT,
    timezone    TEXT,
    work_start  TEXT    NOT NULL DEFAULT '09:00',
    work_end    TEXT    NOT NULL DEFAULT '18:00',
    daily_limit INTEGER NOT NULL DEFAULT 5,
    created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE circles (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name    TEXT    NOT NULL COLLATE NOCASE,
    cadence TEXT    NOT NULL,
    UNIQUE (user_id, name)
);

CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    full_name     TEXT    NOT NULL,
    company       TEXT,
    title         TEXT,
    city          TEXT,
    country       TEXT,
    timezone      TEXT,
    linkedin_url  TEXT,
    met_how       TEXT,
    met_on        TEXT,
    notes         TEXT,
    strengths     TEXT,
    contact_days  TEXT,
    archived      INTEGER NOT NULL DEFAULT 0,
    added_on      TEXT    NOT NULL,
    own_cadence   TEXT,
    cadence       TEXT,
    cadence_days  INTEGER,
    last_touch_on TEXT,
    snoozed_until TEXT,
    away_until    TEXT,
    due_on        TEXT
);
CREATE INDEX contacts_due ON contacts (user_id, due_on);
CREATE INDEX contacts_name ON contacts (user_id, full_name COLLATE NOCASE);

CREATE TABLE contact_emails (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    email      TEXT    NOT NULL,
    PRIMARY KEY (contact_id, position)
);
CREATE INDEX contact_emails_email ON contact_emails (email COLLATE NOCASE);

CREATE TABLE contact_phones (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    phone      TEXT    NOT NULL,
    PRIMARY KEY (contact_id, position)
);

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL COLLATE NOCASE,
    PRIMARY KEY (contact_id, tag)
);
CREATE INDEX contact_tags_tag ON contact_tags (tag COLLATE NOCASE);

CREATE TABLE contact_circles (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    circle_id  INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, circle_id)
);
CREATE INDEX contact_circles_circle ON contact_circles (circle_id);

CREATE TABLE interactions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    occurred_on TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    note        TEXT,
    created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX interactions_day ON interactions (user_id, occurred_on);

CREATE TABLE interaction_contacts (
    interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
    contact_id     INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (interaction_id, contact_id)
);
CREATE INDEX interaction_contacts_contact ON interaction_contacts (contact_id, interaction_id);
