-- The contact search folds accents, as SQLite's does (FTS5 with unicode61 remove_diacritics, V4): "emile" finds
-- "Émile" and "médan" finds "Medan". The search configuration kith_search is 'simple' with PostgreSQL's unaccent
-- dictionary in front. unaccent is a trusted extension (any owner of the database may create it); where it cannot be
-- created, kith_search stays plain 'simple' and the search works as before, accents and all.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'unaccent is not available (%): the contact search will not fold accents', SQLERRM;
END
$$;

CREATE TEXT SEARCH CONFIGURATION kith_search (COPY = simple);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION kith_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;

-- The index on the same expression as the search query (ContactStore), now under kith_search.
DROP INDEX contacts_search;
CREATE INDEX contacts_search ON contacts USING gin (to_tsvector('kith_search',
    coalesce(full_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(title, '') || ' ' ||
    coalesce(city, '') || ' ' || coalesce(notes, '')));
