-- Full-text search over contacts: a GIN index on the same expression the search query uses.
CREATE INDEX contacts_search ON contacts USING gin (to_tsvector('simple',
    coalesce(full_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(title, '') || ' ' ||
    coalesce(city, '') || ' ' || coalesce(notes, '')));
