-- SQLite's V11 keeps the largest id deleted from a table, so that it is not given again. PostgreSQL's sequences never
-- give a number twice: nothing to keep here. The file keeps both databases at the same schema version.
SELECT 1;
