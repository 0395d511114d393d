-- Events: an occasion with a join code (core `event::JoinCode`, six characters, the primary key, never
-- reused), its name in both languages, day and place, the surveys it offers (a JSON list of form codes,
-- written by this server only), the role to preset, pass-the-tablet and the exit PIN as a salted hash
-- (never the PIN), the day people hear back by, and whether it is closed. Booleans are 0/1 BIGINTs and
-- days are `YYYY-MM-DD` text, so the same SQL runs on SQLite and PostgreSQL and days sort as text.
-- Entries keep carrying the code as text (`entries.event`): no foreign key, so entries tagged with a code
-- the server never knew, or of a closed event, are still accepted.
CREATE TABLE events (
    code TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_cy TEXT NOT NULL,
    event_date TEXT NOT NULL,
    place TEXT NOT NULL,
    surveys TEXT NOT NULL,
    role TEXT,
    pass_the_tablet BIGINT NOT NULL,
    pin_salt TEXT,
    pin_hash TEXT,
    pin_rounds BIGINT,
    hear_back_by TEXT NOT NULL,
    closed BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX events_event_date ON events (event_date);
