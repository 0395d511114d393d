-- Survey entries (kind 'survey'): which published version of which form they answered, and one row per
-- part of each answer. A part is one chosen choice (a multiple-choice answer has several), one promise of
-- a service x promise grid, the text of a text answer or one promise it was tagged with, or the single
-- value of a faces, easy-scale or frequency answer. Answers to old versions keep their version.
ALTER TABLE entries ADD COLUMN form TEXT;
ALTER TABLE entries ADD COLUMN form_version BIGINT;

CREATE TABLE survey_answers (
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    -- The answer's place in the response (the form's order), then the part's place within the answer.
    position BIGINT NOT NULL,
    part BIGINT NOT NULL,
    choice TEXT,
    score BIGINT,
    dont_know BIGINT NOT NULL DEFAULT 0,
    text TEXT,
    service TEXT,
    promise TEXT,
    PRIMARY KEY (entry_id, question, part)
);
CREATE INDEX survey_answers_question ON survey_answers (question);
CREATE INDEX entries_form ON entries (form, form_version);
