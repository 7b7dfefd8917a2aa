-- Version 2: every finished self-test on this machine, with its answers.
CREATE TABLE self_tests (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- The pyramid version that asked the questions.
    version TEXT NOT NULL,
    -- A bundled model's name, or the id of the bank kept in bank_yaml.
    model TEXT NOT NULL,
    bank_yaml TEXT,
    respondent TEXT NOT NULL,
    lang TEXT NOT NULL
);

CREATE TABLE self_test_answers (
    self_test_id INTEGER NOT NULL REFERENCES self_tests(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    -- An option key, or dont_know.
    choice TEXT NOT NULL,
    PRIMARY KEY (self_test_id, question)
);
