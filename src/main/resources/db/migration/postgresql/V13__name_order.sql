-- Contacts are listed by name as people read names: case and accents aside, so "Émile" comes among the E's and
-- "Łukasz" among the L's, not after "Zoe" (SQLite's V13 does the same with a function of Kith's own). The key is
-- kept in a column of its own, computed as the row is written, so that neither a page of the list nor a sorted
-- search computes it again. unaccent (V7) folds the accents where the extension could be created; elsewhere the key
-- is the name in lower case, as the order was before. Both are called by their schema's name: a function an index or
-- a generated column depends on must not depend on the search path.
DO $$
DECLARE
    schema name;
BEGIN
    SELECT extnamespace::regnamespace::name INTO schema FROM pg_extension WHERE extname = 'unaccent';
    IF schema IS NULL THEN
        CREATE FUNCTION kith_sort(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS 'SELECT pg_catalog.lower($1)';
    ELSE
        EXECUTE format('CREATE FUNCTION kith_sort(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %L',
                format('SELECT pg_catalog.lower(%I.unaccent(%L::regdictionary, $1))', schema,
                       quote_ident(schema) || '.unaccent'));
    END IF;
END
$$;

ALTER TABLE contacts ADD COLUMN sort_name text GENERATED ALWAYS AS (kith_sort(full_name)) STORED;
DROP INDEX contacts_name;
CREATE INDEX contacts_name ON contacts (user_id, sort_name, id);
