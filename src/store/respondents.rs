//! Respondents of a campaign and their answers: started, answered one
//! question at a time (each answer its own committed transaction),
//! finished, and read back for scoring.

use super::Store;
use crate::messages::{Localized, LocalizedContext};
use anyhow::Result;
use rusqlite::{OptionalExtension, params};

/// A respondent as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRespondent {
    /// The name given, `None` in an anonymous campaign.
    pub name: Option<String>,
    pub lang: String,
    pub finished: bool,
    /// When they finished (UTC, `2026-12-01T09:30:00Z`), where they have.
    pub finished_at: Option<String>,
    /// Question id and choice (an option key or `dont_know`), in the order
    /// of answering.
    pub answers: Vec<(String, String)>,
}

impl Store {
    /// Starts a respondent in the campaign with the link `secret`; `token`
    /// is the random id of the respondent's cookie.
    pub fn start_respondent(
        &self,
        campaign: &str,
        token: &str,
        name: Option<&str>,
        lang: &str,
    ) -> Result<()> {
        let id = self
            .campaign_id(campaign)?
            .ok_or_else(|| self.unknown(campaign))?;
        self.run(
            "INSERT INTO respondents (campaign_id, token, name, lang) VALUES (?1, ?2, ?3, ?4)",
            params![id, token, name, lang],
        )?;
        Ok(())
    }

    /// Keeps one answer (a later one to the same question replaces it),
    /// committed before this returns.
    pub fn save_answer(&self, token: &str, question: &str, choice: &str) -> Result<()> {
        let changed = self.run(
            "INSERT INTO answers (respondent_id, question, choice) \
             SELECT id, ?2, ?3 FROM respondents WHERE token = ?1 \
             ON CONFLICT (respondent_id, question) DO UPDATE SET \
             choice = excluded.choice, answered_at = excluded.answered_at",
            params![token, question, choice],
        )?;
        if changed == 0 {
            return Err(Localized::new("respondent-unknown", &[]).into());
        }
        Ok(())
    }

    /// Adds a respondent who has finished, with all their answers (a
    /// campaign read back from answer files); `token` is a fresh random id.
    pub fn add_finished(
        &self,
        campaign: &str,
        token: &str,
        name: Option<&str>,
        lang: &str,
        answers: &[(&str, &str)],
    ) -> Result<()> {
        self.start_respondent(campaign, token, name, lang)?;
        for (question, choice) in answers {
            self.save_answer(token, question, choice)?;
        }
        self.finish_respondent(token)
    }

    /// Marks a respondent as finished (the result was shown).
    pub fn finish_respondent(&self, token: &str) -> Result<()> {
        self.run(
            "UPDATE respondents SET finished_at = \
             COALESCE(finished_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE token = ?1",
            params![token],
        )?;
        Ok(())
    }

    /// Every respondent of a campaign with their answers, in the order
    /// they started.
    pub fn respondents(&self, campaign: &str) -> Result<Vec<StoredRespondent>> {
        let id = self
            .campaign_id(campaign)?
            .ok_or_else(|| self.unknown(campaign))?;
        let read = || -> rusqlite::Result<Vec<StoredRespondent>> {
            let mut people = self.conn.prepare(
                "SELECT id, name, lang, finished_at FROM respondents \
                 WHERE campaign_id = ?1 ORDER BY id",
            )?;
            let mut answers = self.conn.prepare(
                "SELECT question, choice FROM answers WHERE respondent_id = ?1 \
                 ORDER BY answered_at, rowid",
            )?;
            let rows: Vec<(i64, StoredRespondent)> = people
                .query_map(params![id], |row| {
                    Ok((row.get(0)?, {
                        let finished_at: Option<String> = row.get(3)?;
                        StoredRespondent {
                            name: row.get(1)?,
                            lang: row.get(2)?,
                            finished: finished_at.is_some(),
                            finished_at,
                            answers: Vec::new(),
                        }
                    }))
                })?
                .collect::<rusqlite::Result<_>>()?;
            rows.into_iter()
                .map(|(id, mut respondent)| {
                    respondent.answers = answers
                        .query_map(params![id], |row| Ok((row.get(0)?, row.get(1)?)))?
                        .collect::<rusqlite::Result<_>>()?;
                    Ok(respondent)
                })
                .collect()
        };
        read().localized(|| self.cannot_read())
    }

    /// The respondent with this cookie token in the campaign, with their
    /// answers; `None` for a token of no one or of another campaign.
    pub fn respondent(&self, campaign: &str, token: &str) -> Result<Option<StoredRespondent>> {
        let read = || -> rusqlite::Result<Option<StoredRespondent>> {
            let found: Option<(i64, Option<String>, String, Option<String>)> = self
                .conn
                .prepare_cached(
                    // A subquery, not a join: SQLite plans a join again
                    // for each run.
                    "SELECT id, name, lang, finished_at FROM respondents \
                     WHERE token = ?1 AND campaign_id = (SELECT id FROM campaigns WHERE name = ?2)",
                )?
                .query_row(params![token, campaign], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
                })
                .optional()?;
            let Some((id, name, lang, finished_at)) = found else {
                return Ok(None);
            };
            let answers = self
                .conn
                .prepare_cached("SELECT question, choice FROM answers WHERE respondent_id = ?1")?
                .query_map(params![id], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Some(StoredRespondent {
                name,
                lang,
                finished: finished_at.is_some(),
                finished_at,
                answers,
            }))
        };
        read().localized(|| self.cannot_read())
    }

    /// The model a campaign was made with, and its own bank's text where
    /// it has one.
    pub fn campaign_model(&self, campaign: &str) -> Result<(String, Option<String>)> {
        self.conn
            .query_row(
                "SELECT model, bank_yaml FROM campaigns WHERE name = ?1",
                params![campaign],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .localized(|| self.cannot_read())?
            .ok_or_else(|| self.unknown(campaign))
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;
    use crate::store::campaigns::NewCampaign;

    #[test]
    fn answers_are_kept_replaced_and_read_back_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("t.sqlite")).expect("opened");
        store
            .create_campaign(&NewCampaign {
                name: "Team",
                model: "pyramid",
                bank_yaml: None,
                anonymous: false,
            })
            .expect("created");
        store
            .start_respondent("Team", "tok-an", Some("An"), "nl")
            .expect("started");
        store
            .save_answer("tok-an", "strategy-role", "a")
            .expect("saved");
        store
            .save_answer("tok-an", "strategy-choices", "c")
            .expect("saved");
        store
            .save_answer("tok-an", "strategy-role", "b")
            .expect("replaced");
        store.finish_respondent("tok-an").expect("finished");
        store
            .start_respondent("Team", "tok-jan", None, "fr")
            .expect("started");
        assert!(
            store
                .save_answer("tok-nobody", "strategy-role", "a")
                .is_err()
        );
        let people = store.respondents("Team").expect("read");
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].name.as_deref(), Some("An"));
        assert!(people[0].finished && !people[1].finished);
        let mut answers = people[0].answers.clone();
        answers.sort();
        assert_eq!(
            answers,
            [
                ("strategy-choices".to_string(), "c".to_string()),
                ("strategy-role".to_string(), "b".to_string())
            ]
        );
        let campaign = store.listed("Team").expect("found");
        assert_eq!((campaign.finished, campaign.unfinished), (1, 1));
    }
}
