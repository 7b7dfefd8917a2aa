-- Version 1: campaigns, their respondents and the answers they gave.
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- The respondents' link is /c/<secret>: 128 random bits.
    secret TEXT NOT NULL UNIQUE,
    -- A bundled model's name, or the id of the bank kept in bank_yaml.
    model TEXT NOT NULL,
    -- A bank of one's own, kept whole so the campaign needs no other file.
    bank_yaml TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    closed_at TEXT
);

CREATE TABLE respondents (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    -- The random id in the respondent's cookie.
    token TEXT NOT NULL UNIQUE,
    name TEXT,
    lang TEXT NOT NULL,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    finished_at TEXT
);
CREATE INDEX respondents_by_campaign ON respondents(campaign_id);

CREATE TABLE answers (
    respondent_id INTEGER NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    -- An option key, or dont_know.
    choice TEXT NOT NULL,
    answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (respondent_id, question)
);
