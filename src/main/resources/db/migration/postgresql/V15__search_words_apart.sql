-- The search finds O'Brien by "obrien" and 李雷 by 雷 (SQLite's V15 does the same): the index's text goes through
-- kith_index(), which adds the words the parser would not find: each word with an apostrophe inside also without it
-- ("O'Brien OBrien"), and each Chinese, Japanese or Korean character apart (storage/SearchTokens does the same in
-- Java, with the same patterns). The search query uses exactly this expression (ContactStore), or the index is not used.
CREATE FUNCTION kith_index(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT pg_catalog.regexp_replace(
               pg_catalog.regexp_replace($1, '([^ \t\n\r\f\v''’ʼ]+)([''’ʼ])([^ \t\n\r\f\v''’ʼ]+)', '\1\2\3 \1\3', 'g'),
               '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f])', ' \1 ', 'g')
$fn$;

DROP INDEX contacts_search;
CREATE INDEX contacts_search ON contacts USING gin (to_tsvector('kith_search', kith_index(
    coalesce(full_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(title, '') || ' ' ||
    coalesce(city, '') || ' ' || coalesce(notes, ''))));
