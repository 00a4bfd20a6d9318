-- The search finds Jean-Luc by "jeanluc" (SQLite's V17 does the same): kith_index() adds each word with hyphens
-- inside without them (‐ ‑ -), as it adds one with apostrophes ("Jean-Luc JeanLuc"); the parser reads "jean-luc",
-- "jean" and "luc" in it, never "jeanluc". storage/SearchTokens does the same in Java, with the same patterns, and a
-- test keeps the two equal. The index on the function's result is made again, as the function gives more now.
CREATE OR REPLACE FUNCTION kith_index(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT pg_catalog.regexp_replace(
               $1 || coalesce((SELECT pg_catalog.string_agg(' ' || pg_catalog.translate(m.word[1], E'\'’ʼ‐‑-', ''), '' ORDER BY m.n)
                                 FROM pg_catalog.regexp_matches($1,
                                          E'[^ \\t\\n\\r\\f\\v\'’ʼ‐‑-]+(?:[\'’ʼ‐‑-][^ \\t\\n\\r\\f\\v\'’ʼ‐‑-]+)+', 'g')
                                      WITH ORDINALITY AS m (word, n)), ''),
               E'([\\u3005-\\u3007\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\U00020000-\\U0002fa1f])',
               E' \\1 ', 'g')
$fn$;

REINDEX INDEX contacts_search;
