-- The city filter's suggestions group current contacts by city on every contact list: an index covers it.
CREATE INDEX contacts_city ON contacts (user_id, archived, city);
