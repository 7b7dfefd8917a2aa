//! Campaigns in the database: create, list, close, erase.

use super::Store;
use crate::messages::{Localized, LocalizedContext};
use anyhow::Result;
use rusqlite::{OptionalExtension, params};

/// The longest campaign name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// A campaign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Campaign {
    pub name: String,
    /// A bundled model's name, or the id of the campaign's own bank.
    pub model: String,
    /// The respondents' path on the server: `/c/<secret>`.
    pub link: String,
    pub anonymous: bool,
    pub closed: bool,
}

impl Campaign {
    /// `open` or `closed`: as the JSON list says it, and the key of its
    /// word in the language files.
    pub fn status(&self) -> &'static str {
        if self.closed { "closed" } else { "open" }
    }
}

/// A campaign as listed: with how many respondents have finished and how
/// many are still answering (counting takes a look at every respondent,
/// so the respondents' pages, which need no counts, do not count).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub campaign: Campaign,
    pub finished: u64,
    pub unfinished: u64,
}

/// The columns `campaign_from` reads, in its order.
const CAMPAIGN_COLUMNS: &str = "c.name, c.model, c.secret, c.anonymous, c.closed_at IS NOT NULL";

/// A campaign from a row that starts with `CAMPAIGN_COLUMNS`.
fn campaign_from(row: &rusqlite::Row) -> rusqlite::Result<Campaign> {
    Ok(Campaign {
        name: row.get(0)?,
        model: row.get(1)?,
        link: format!("/c/{}", row.get::<_, String>(2)?),
        anonymous: row.get(3)?,
        closed: row.get(4)?,
    })
}

/// What a new campaign asks with.
pub struct NewCampaign<'a> {
    pub name: &'a str,
    pub model: &'a str,
    /// The text of a bank of one's own (`--bank FILE`), kept whole.
    pub bank_yaml: Option<&'a str>,
    pub anonymous: bool,
}

impl Store {
    /// Creates a campaign with a fresh link; a name already in the file is
    /// refused.
    pub fn create_campaign(&self, new: &NewCampaign) -> Result<Campaign> {
        check_name(new.name)?;
        if self.campaign_id(new.name)?.is_some() {
            return Err(Localized::new("campaign-exists", &[("name", new.name)]).into());
        }
        let secret = super::secret()?;
        self.run(
            "INSERT INTO campaigns (name, secret, model, bank_yaml, anonymous) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new.name, secret, new.model, new.bank_yaml, new.anonymous],
        )?;
        self.campaign(new.name)
    }

    /// Every campaign, oldest first, with its counts.
    pub fn campaigns(&self) -> Result<Vec<Listed>> {
        let read = || -> rusqlite::Result<Vec<Listed>> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT {CAMPAIGN_COLUMNS}, COUNT(r.finished_at), COUNT(r.id) - COUNT(r.finished_at) \
                 FROM campaigns c LEFT JOIN respondents r ON r.campaign_id = c.id \
                 GROUP BY c.id ORDER BY c.id"
            ))?;
            let rows = statement.query_map([], |row| {
                Ok(Listed {
                    campaign: campaign_from(row)?,
                    finished: row.get::<_, i64>(5)?.max(0) as u64,
                    unfinished: row.get::<_, i64>(6)?.max(0) as u64,
                })
            })?;
            rows.collect()
        };
        read().localized(|| self.cannot_read())
    }

    /// One campaign by name, with its counts.
    pub fn listed(&self, name: &str) -> Result<Listed> {
        self.campaigns()?
            .into_iter()
            .find(|c| c.campaign.name == name)
            .ok_or_else(|| self.unknown(name))
    }

    /// One campaign by name.
    pub fn campaign(&self, name: &str) -> Result<Campaign> {
        self.campaign_where("c.name = ?1", name)?
            .ok_or_else(|| self.unknown(name))
    }

    /// The campaign whose link holds `secret`: one look-up in an index,
    /// on every request of a respondent.
    pub fn campaign_by_secret(&self, secret: &str) -> Result<Option<Campaign>> {
        self.campaign_where("c.secret = ?1", secret)
    }

    fn campaign_where(&self, filter: &str, value: &str) -> Result<Option<Campaign>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {CAMPAIGN_COLUMNS} FROM campaigns c WHERE {filter}"
            ))
            .and_then(|mut statement| statement.query_row([value], campaign_from).optional())
            .localized(|| self.cannot_read())
    }

    /// Closes a campaign: its link then answers that it is closed and
    /// stores nothing. Closing a closed campaign is fine.
    pub fn close_campaign(&self, name: &str) -> Result<()> {
        let changed = self.run(
            "UPDATE campaigns SET closed_at = \
                 COALESCE(closed_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE name = ?1",
            params![name],
        )?;
        if changed == 0 {
            return Err(self.unknown(name));
        }
        Ok(())
    }

    /// Erases a campaign with every answer in it, for good: the rows are
    /// overwritten (`secure_delete`) and the write-ahead log emptied.
    pub fn erase_campaign(&self, name: &str) -> Result<()> {
        let changed = self.run("DELETE FROM campaigns WHERE name = ?1", params![name])?;
        if changed == 0 {
            return Err(self.unknown(name));
        }
        self.checkpoint()
    }

    /// Erases one respondent's answers from a campaign (a GDPR erasure
    /// request): every respondent of that name. Returns how many.
    pub fn erase_respondent(&self, campaign: &str, respondent: &str) -> Result<usize> {
        let Some(id) = self.campaign_id(campaign)? else {
            return Err(self.unknown(campaign));
        };
        let erased = self.run(
            "DELETE FROM respondents WHERE campaign_id = ?1 AND name = ?2",
            params![id, respondent],
        )?;
        if erased == 0 {
            let args = [("campaign", campaign), ("respondent", respondent)];
            return Err(Localized::new("campaign-no-respondent", &args).into());
        }
        self.checkpoint()?;
        Ok(erased)
    }

    pub(super) fn campaign_id(&self, name: &str) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT id FROM campaigns WHERE name = ?1",
                params![name],
                |row| row.get(0),
            )
            .optional()
            .localized(|| self.cannot_read())
    }

    /// Empties the write-ahead log into the file: erased rows are then
    /// gone from both, and the file alone holds everything.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .localized(|| self.cannot_write())
    }

    pub(super) fn unknown(&self, name: &str) -> anyhow::Error {
        let names: Vec<String> = self
            .campaigns()
            .map(|all| all.into_iter().map(|c| c.campaign.name).collect())
            .unwrap_or_default();
        let known = names.join(", ");
        Localized::new("campaign-unknown", &[("name", name), ("known", &known)])
            .count("count", names.len())
            .into()
    }

    pub(super) fn cannot_read(&self) -> Localized {
        Localized::new(
            "cannot-read-file",
            &[("file", &self.path.display().to_string())],
        )
    }

    pub(super) fn cannot_write(&self) -> Localized {
        Localized::new(
            "cannot-write",
            &[("file", &self.path.display().to_string())],
        )
    }
}

/// A name is 1 to `MAX_NAME_CHARS` characters, none of them control
/// characters, not only white space.
fn check_name(name: &str) -> Result<()> {
    let length = name.chars().count();
    if name.trim().is_empty() || length > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        let shown = crate::visible::visible(name).into_owned();
        let err =
            Localized::new("campaign-bad-name", &[("name", &shown)]).count("max", MAX_NAME_CHARS);
        return Err(err.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("t.sqlite")).expect("opened");
        (dir, store)
    }

    fn new<'a>(name: &'a str) -> NewCampaign<'a> {
        NewCampaign {
            name,
            model: "pyramid",
            bank_yaml: None,
            anonymous: false,
        }
    }

    #[test]
    fn a_campaign_is_created_listed_closed_and_erased() {
        let (_dir, store) = store();
        let made = store.create_campaign(&new("Team Q4")).expect("created");
        assert!(made.link.starts_with("/c/") && made.link.len() == 3 + 32);
        assert!(!made.closed);
        store.create_campaign(&new("Team Q3")).expect("created");
        let names: Vec<String> = store
            .campaigns()
            .expect("listed")
            .into_iter()
            .map(|c| c.campaign.name)
            .collect();
        assert_eq!(names, ["Team Q4", "Team Q3"]);
        store.close_campaign("Team Q4").expect("closed");
        assert!(store.campaign("Team Q4").expect("found").closed);
        store.erase_campaign("Team Q4").expect("erased");
        assert!(store.campaign("Team Q4").is_err());
        assert_eq!(store.campaigns().expect("listed").len(), 1);
    }

    #[test]
    fn names_are_unique_and_sane() {
        let (_dir, store) = store();
        store.create_campaign(&new("Team")).expect("created");
        let twice = store.create_campaign(&new("Team")).expect_err("refused");
        assert!(twice.to_string().contains("already"), "{twice}");
        for bad in ["", "   ", "a\u{1b}[2Jb", &"x".repeat(MAX_NAME_CHARS + 1)] {
            assert!(store.create_campaign(&new(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_respondent_is_erased_with_the_answers() {
        let (_dir, store) = store();
        store.create_campaign(&new("Team")).expect("created");
        store
            .conn
            .execute_batch(
                "INSERT INTO respondents (campaign_id, token, name, lang) VALUES (1, 't1', 'An', 'nl');
                 INSERT INTO answers (respondent_id, question, choice) VALUES (1, 'strategy-role', 'b');
                 INSERT INTO respondents (campaign_id, token, name, lang, finished_at) VALUES (1, 't2', 'Jan', 'nl', 'x');",
            )
            .expect("rows");
        let team = store.listed("Team").expect("found");
        assert_eq!((team.finished, team.unfinished), (1, 1));
        assert_eq!(store.erase_respondent("Team", "An").expect("erased"), 1);
        let answers: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM answers", [], |row| row.get(0))
            .expect("count");
        assert_eq!(answers, 0, "the answers go with the respondent");
        assert!(store.erase_respondent("Team", "An").is_err());
    }
}
