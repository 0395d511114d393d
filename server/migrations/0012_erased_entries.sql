-- Entries an officer erased on request (the person asked for what they sent to be deleted): only the id the
-- device made and when. A device that sends the same entry again is told the server has it, so it lets it
-- go, and nothing is stored. Kept for good: see `store::entries::erase`.
CREATE TABLE erased_entries (
    id TEXT PRIMARY KEY,
    erased_at BIGINT NOT NULL
);
