-- Portable between SQLite and PostgreSQL. Integers are BIGINT and flags are 0/1 BIGINTs because sqlx's
-- Any driver decodes those the same way on both; {{AUTO_ID}} is the one phrase the two spell differently.
-- Times are milliseconds since the Unix epoch (UTC).

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A code is never re-used or deleted: words may change (bumping the catalogue version), the meaning of
-- a code may not, so every past rating keeps pointing at what it was given for.
CREATE TABLE catalogue_items (
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_cy TEXT NOT NULL,
    line_en TEXT NOT NULL,
    line_cy TEXT NOT NULL,
    statement_en TEXT,
    statement_cy TEXT,
    retired BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, code)
);

-- Every version of every item, as JSON, so the words an answer was given against can be recovered.
CREATE TABLE catalogue_history (
    version BIGINT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    action TEXT NOT NULL,
    item TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (version, kind, code)
);

CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    language TEXT NOT NULL,
    event TEXT,
    role TEXT,
    age_band TEXT,
    service TEXT,
    text TEXT,
    flagged BIGINT NOT NULL DEFAULT 0,
    flag_words TEXT NOT NULL DEFAULT '',
    reviewed BIGINT NOT NULL DEFAULT 0,
    hidden BIGINT NOT NULL DEFAULT 0,
    followed_up BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX entries_created_at ON entries (created_at);
CREATE INDEX entries_kind_created_at ON entries (kind, created_at);

-- The promises a view is tagged with.
CREATE TABLE view_promises (
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    promise TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (entry_id, promise)
);

-- One row per promise answered in a rating: a score 1-5, or don't know (score NULL, dont_know 1).
CREATE TABLE rating_answers (
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    promise TEXT NOT NULL,
    position BIGINT NOT NULL,
    score BIGINT,
    dont_know BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (entry_id, promise)
);
CREATE INDEX rating_answers_promise ON rating_answers (promise);

CREATE TABLE risk_keywords (
    language TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (language, word)
);

CREATE TABLE officers (
    email TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Only a hash of the session token is stored: a copy of the database does not sign anyone in.
CREATE TABLE officer_sessions (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL REFERENCES officers (email) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    id {{AUTO_ID}},
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
