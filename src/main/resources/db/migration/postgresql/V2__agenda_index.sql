-- The agenda reads, per cadence, the earliest-due contacts: one seek per cadence instead of every due row.
CREATE INDEX contacts_cadence_due ON contacts (user_id, cadence, due_on);
