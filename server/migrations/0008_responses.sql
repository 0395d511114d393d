-- "You said, we did": the council's responses (core `you_said::ResponseText` as JSON, written by this
-- server only), their dated progress updates (never changed once written), and the sequence of changes
-- devices pull by: every publish, correction, update and withdrawal takes the next number, so a device
-- asking for what changed since number N misses nothing and gets nothing twice.
CREATE TABLE responses (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    change_seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX responses_change_seq ON responses (change_seq);

CREATE TABLE response_updates (
    response_id TEXT NOT NULL REFERENCES responses (id),
    position BIGINT NOT NULL,
    at BIGINT NOT NULL,
    progress TEXT NOT NULL,
    text_en TEXT NOT NULL,
    text_cy TEXT NOT NULL,
    written_by TEXT NOT NULL,
    PRIMARY KEY (response_id, position)
);

-- One row: the last change number given out. Taking the next is an UPDATE, so two officers publishing at
-- once queue on this row and their numbers follow the order they commit in.
CREATE TABLE response_changes (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO response_changes (id, seq) VALUES (1, 0);
