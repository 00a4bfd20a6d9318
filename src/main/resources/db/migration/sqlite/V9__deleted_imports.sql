-- The source keys of imported interactions the user deleted (a LinkedIn message logged by mistake), so that
-- importing the same file again does not bring them back.
CREATE TABLE deleted_imports (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source_key TEXT    NOT NULL,
    PRIMARY KEY (user_id, source_key)
);
