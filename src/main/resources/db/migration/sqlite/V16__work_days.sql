-- The days of the week the user works, as contact_days holds a contact's (mon,tue,wed,thu,fri; none for every day):
-- Today suggests hours inside working hours on those days only.
ALTER TABLE users ADD COLUMN work_days TEXT DEFAULT 'mon,tue,wed,thu,fri';
