-- The search finds O'Brien by "obrien" and 李雷 by 雷 (SQLite's V15 does the same). kith_index() gives the text
-- followed by each word with apostrophes inside without them ("O'Brien OBrien"), and with each Chinese, Japanese or
-- Korean character set apart; storage/SearchTokens does the same in Java, with the same patterns, and a test keeps
-- the two equal. The strings are escape strings (E'...'), so that they read the same whatever a session's
-- standard_conforming_strings.
CREATE FUNCTION kith_index(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT pg_catalog.regexp_replace(
               $1 || coalesce((SELECT pg_catalog.string_agg(' ' || pg_catalog.translate(m.word[1], E'\'’ʼ', ''), '' ORDER BY m.n)
                                 FROM pg_catalog.regexp_matches($1,
                                          E'[^ \\t\\n\\r\\f\\v\'’ʼ]+(?:[\'’ʼ][^ \\t\\n\\r\\f\\v\'’ʼ]+)+', 'g')
                                      WITH ORDINALITY AS m (word, n)), ''),
               E'([\\u3005-\\u3007\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\U00020000-\\U0002fa1f])',
               E' \\1 ', 'g')
$fn$;

-- The index on the same expression as the search query (ContactStore), now through kith_index(). A searched run of
-- such characters is asked of the index as each of its characters (exact, so the index answers alone), and then as
-- the run in the contact's text: a phrase query would have each row the index gives checked again by computing this
-- expression, which costs far more.
DROP INDEX contacts_search;
CREATE INDEX contacts_search ON contacts USING gin (to_tsvector('kith_search', kith_index(
    coalesce(full_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(title, '') || ' ' ||
    coalesce(city, '') || ' ' || coalesce(notes, ''))));
