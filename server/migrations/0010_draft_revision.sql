-- Each save of a survey draft takes the next revision. An officer's save names the revision it started
-- from; when another officer saved in between, the save is refused (409) instead of silently undoing theirs.
ALTER TABLE form_drafts ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
