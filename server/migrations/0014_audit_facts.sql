-- An audit line's particulars as facts (JSON of core's `AuditFacts`), so the console can say them in the
-- officer's language; `detail` keeps the same in English. Lines written before this have none.
ALTER TABLE audit_log ADD COLUMN facts TEXT;
