//! The self-tests taken on this machine: each finished one kept with its
//! date, the pyramid version and its answers, for `pyramid history` and
//! for comparing with the last time.

use super::Store;
use crate::messages::LocalizedContext;
use anyhow::Result;
use rusqlite::params;

/// A self-test as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelfTest {
    /// Its number, counted from 1 in the order taken.
    pub number: i64,
    /// When it ended, UTC: `2026-12-01T09:30:00Z`.
    pub taken_at: String,
    pub version: String,
    /// A bundled model's name, or the id of a bank of one's own.
    pub model: String,
    /// The text of a bank of one's own, where it was one.
    pub bank_yaml: Option<String>,
    pub respondent: String,
    pub lang: String,
    /// Question id and choice (an option key or `dont_know`).
    pub answers: Vec<(String, String)>,
}

/// What a self-test that ends is kept with.
pub struct NewSelfTest<'a> {
    pub version: &'a str,
    pub model: &'a str,
    pub bank_yaml: Option<&'a str>,
    pub respondent: &'a str,
    pub lang: &'a str,
    pub answers: &'a [(&'a str, &'a str)],
}

/// The self-tests kept in the file at `path`: none where there is no file
/// yet (nothing is made by looking).
pub fn kept_at(path: &std::path::Path) -> Result<Vec<SelfTest>> {
    if path.exists() {
        Store::open(path)?.self_tests()
    } else {
        Ok(Vec::new())
    }
}

impl Store {
    /// Keeps a finished self-test, all in one transaction; gives its number.
    pub fn keep_self_test(&self, test: &NewSelfTest) -> Result<i64> {
        self.in_transaction(|store| {
            store.run(
                "INSERT INTO self_tests (version, model, bank_yaml, respondent, lang) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    test.version,
                    test.model,
                    test.bank_yaml,
                    test.respondent,
                    test.lang
                ],
            )?;
            let id = store.conn.last_insert_rowid();
            for (question, choice) in test.answers {
                store.run(
                    "INSERT INTO self_test_answers (self_test_id, question, choice) \
                     VALUES (?1, ?2, ?3)",
                    params![id, question, choice],
                )?;
            }
            Ok(id)
        })
    }

    /// Every self-test kept, oldest first.
    pub fn self_tests(&self) -> Result<Vec<SelfTest>> {
        let read = || -> rusqlite::Result<Vec<SelfTest>> {
            let mut tests = self.conn.prepare_cached(
                "SELECT id, taken_at, version, model, bank_yaml, respondent, lang \
                 FROM self_tests ORDER BY id",
            )?;
            let mut answers = self.conn.prepare_cached(
                "SELECT question, choice FROM self_test_answers WHERE self_test_id = ?1 \
                 ORDER BY rowid",
            )?;
            let found: Vec<SelfTest> = tests
                .query_map([], |row| {
                    Ok(SelfTest {
                        number: row.get(0)?,
                        taken_at: row.get(1)?,
                        version: row.get(2)?,
                        model: row.get(3)?,
                        bank_yaml: row.get(4)?,
                        respondent: row.get(5)?,
                        lang: row.get(6)?,
                        answers: Vec::new(),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            found
                .into_iter()
                .map(|mut test| {
                    test.answers = answers
                        .query_map(params![test.number], |row| Ok((row.get(0)?, row.get(1)?)))?
                        .collect::<rusqlite::Result<_>>()?;
                    Ok(test)
                })
                .collect()
        };
        read().localized(|| self.cannot_read())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_self_test_comes_back_with_its_answers_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("t.sqlite")).expect("opened");
        for respondent in ["An", "An"] {
            store
                .keep_self_test(&NewSelfTest {
                    version: "1.2.3",
                    model: "pyramid",
                    bank_yaml: None,
                    respondent,
                    lang: "nl",
                    answers: &[("strategy-role", "b"), ("strategy-choices", "dont_know")],
                })
                .expect("kept");
        }
        let kept = store.self_tests().expect("read");
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[1].number, 2);
        assert_eq!(kept[0].version, "1.2.3");
        assert!(kept[0].taken_at.ends_with('Z'), "{}", kept[0].taken_at);
        assert_eq!(
            kept[0].answers,
            [
                ("strategy-role".to_string(), "b".to_string()),
                ("strategy-choices".to_string(), "dont_know".to_string())
            ]
        );
    }
}
