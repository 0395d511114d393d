-- The views (entries) a "you said, we did" response says it answers, for the officer: which response
-- answered what. Never sent to devices nor exported (a published answer must not lead back to one person's
-- words). Rows go with their entry when it is erased or retention deletes it (`store::entries::CHILDREN`).
CREATE TABLE response_views (
    response_id TEXT NOT NULL REFERENCES responses (id),
    entry_id TEXT NOT NULL REFERENCES entries (id),
    position BIGINT NOT NULL,
    PRIMARY KEY (response_id, entry_id)
);
CREATE INDEX response_views_entry ON response_views (entry_id);
