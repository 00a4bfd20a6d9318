-- The PostgreSQL search learns to fold accents in this version. SQLite's FTS5 index has folded them from the start
-- (V4: unicode61 remove_diacritics 2), so there is nothing to change here; the version keeps both schemas in step.
SELECT 1;
