-- A view the officer has read and marked as fit to quote in a "you said, we did" response. Distinct from
-- hiding (which also takes this back): most views are neither.
ALTER TABLE entries ADD COLUMN safe_to_quote BIGINT NOT NULL DEFAULT 0;
