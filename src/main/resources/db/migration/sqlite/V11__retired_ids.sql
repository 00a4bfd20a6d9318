-- SQLite gives a new row the largest id in its table plus one, so the number of the newest interaction, once deleted,
-- went to the next one logged: 'kith unlog 157' run twice, or an old Undo, could take away another touch. The
-- largest id deleted from a table is kept here, and new ids start past it (storage/Ids). PostgreSQL's sequences
-- never give a number twice.
CREATE TABLE retired_ids (
    table_name TEXT    PRIMARY KEY,
    last_id    INTEGER NOT NULL
);
