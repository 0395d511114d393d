-- Sign-in limits live in the database so a restart does not clear them and every server instance on one
-- database counts together. One row per key: "email:<address>" or "ip:<peer address>".
-- allowance: attempts still allowed before the key is locked (an attempt is counted before its password
-- is checked); strikes: how many locks so far (each lock lasts twice as long as the one before);
-- locked_until and last_at: milliseconds since the Unix epoch.
CREATE TABLE sign_in_limits (
    key TEXT PRIMARY KEY,
    allowance BIGINT NOT NULL,
    strikes BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0,
    last_at BIGINT NOT NULL
);
