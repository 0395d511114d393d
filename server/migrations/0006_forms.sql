-- Surveys the officer writes (core's form model). A form code is never reused or deleted: answers name it.
-- `audience` is as last saved in the draft; a retired form is not offered to devices, but every version of
-- it is still served and answered.
CREATE TABLE forms (
    code TEXT PRIMARY KEY,
    audience TEXT NOT NULL,
    retired BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The officer's editable copy of each form (core `Form` as JSON), possibly unfinished. Never sent to devices.
CREATE TABLE form_drafts (
    code TEXT PRIMARY KEY REFERENCES forms (code),
    form TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);

-- Published versions: written once, never updated or deleted. `form` is the JSON of the published (trimmed)
-- form exactly as devices are sent it; `content_hash` is core's hash of it.
CREATE TABLE form_versions (
    code TEXT NOT NULL REFERENCES forms (code),
    version BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    form TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (code, version)
);
