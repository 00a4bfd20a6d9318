-- The agenda leaves out those due who do not take contact on the day's weekday. It asks for the day as stored
-- (mon,wed,fri, lower case, none for any day); a restore kept the days as a file wrote them (Monday, Weekdays, any)
-- until now, and those are written as stored here. The days are kept in the agenda's indexes, so that counting those
-- due and finding each cadence's first ones read the indexes alone, as before, not every due contact's row.
UPDATE contacts SET contact_days = NULL WHERE lower(trim(contact_days)) IN ('', 'any');
UPDATE contacts SET contact_days = replace(replace(replace(lower(contact_days), ' ', ''), 'weekdays', 'mon,tue,wed,thu,fri'),
                                           'weekends', 'sat,sun')
 WHERE contact_days IS NOT NULL AND contact_days <> lower(contact_days) OR contact_days LIKE '%week%' OR contact_days LIKE '% %';

DROP INDEX contacts_due;
CREATE INDEX contacts_due ON contacts (user_id, due_on, contact_days);
DROP INDEX contacts_cadence_due;
CREATE INDEX contacts_cadence_due ON contacts (user_id, cadence, due_on, contact_days);
