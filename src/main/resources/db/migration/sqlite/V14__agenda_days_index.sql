-- The agenda leaves out those due who do not take contact on the day's weekday. It asks for the day as stored
-- (mon,wed,fri, lower case, none for any day); a restore kept the days as a file wrote them (Monday, Weekdays, any)
-- until now: those are written in lower case without blanks, weekdays and weekends as their days, any as none (a full
-- name such as monday stays, and holds the short one the agenda asks for). The days are kept in the agenda's indexes, so that counting those
-- due and finding each cadence's first ones read the indexes alone, as before, not every due contact's row.
UPDATE contacts SET contact_days = lower(replace(replace(replace(replace(contact_days, ' ', ''), char(9), ''), char(10), ''), char(13), ''))
 WHERE contact_days IS NOT NULL;
UPDATE contacts SET contact_days = NULL WHERE contact_days IN ('', 'any');
UPDATE contacts SET contact_days = replace(replace(contact_days, 'weekdays', 'mon,tue,wed,thu,fri'), 'weekends', 'sat,sun')
 WHERE contact_days LIKE '%week%';

DROP INDEX contacts_due;
CREATE INDEX contacts_due ON contacts (user_id, due_on, contact_days);
DROP INDEX contacts_cadence_due;
CREATE INDEX contacts_cadence_due ON contacts (user_id, cadence, due_on, contact_days);
