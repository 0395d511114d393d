-- "Contact me": filled only when the person chose to be contacted. Removed with the entry by retention.
ALTER TABLE entries ADD COLUMN contact_name TEXT;
ALTER TABLE entries ADD COLUMN contact_how TEXT;
