//! A campaign's answers from the database, read as respondents the way
//! answer files are: `campaign:NAME` where a path goes (with `--db`).

use super::matching::{AnswerMatcher, Resolved};
use super::record::{BadAnswer, Place, Record};
use crate::messages::Localized;
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use crate::store::Store;
use anyhow::Result;
use std::path::Path;
use std::rc::Rc;

/// How a path names a campaign: `campaign:Team Q4`.
pub const PREFIX: &str = "campaign:";

/// The bank campaign `name` was made with: its bundled model, or the bank
/// of its own kept in the file.
pub fn bank(store: &Store, name: &str) -> Result<Bank> {
    let (model, yaml) = store.campaign_model(name)?;
    match yaml {
        Some(yaml) => Ok(super::bank_file::parse(&yaml, name)?),
        None => super::bank_file::model(&model),
    }
}

/// A stored respondent's answers as responses to the bank (answers to
/// questions the bank no longer has are left out).
pub fn responses(bank: &Bank, stored: &crate::store::respondents::StoredRespondent) -> Responses {
    let mut responses = Responses::empty(bank);
    for (question, key) in &stored.answers {
        let _ = responses.set_key(bank, question, key);
    }
    responses
}

/// Reads the finished respondents of campaign `name` in the database at
/// `db`; a campaign made with another model is refused.
pub fn read(
    db: &Path,
    name: &str,
    bank: &Bank,
    matcher: &AnswerMatcher,
    on_record: &mut dyn FnMut(Record),
) -> Result<()> {
    records(&Store::open(db)?, name, bank, matcher, on_record)
}

/// The finished respondents of campaign `name` in `store`, each as a
/// record (its answers matched to the bank the way a file's are).
pub fn records(
    store: &Store,
    name: &str,
    bank: &Bank,
    matcher: &AnswerMatcher,
    on_record: &mut dyn FnMut(Record),
) -> Result<()> {
    let (model, _) = store.campaign_model(name)?;
    if model != bank.id {
        let args = [
            ("name", name),
            ("model", model.as_str()),
            ("bank", bank.id.as_str()),
        ];
        return Err(Localized::new("campaign-for-another-bank", &args).into());
    }
    let place: Rc<str> = Rc::from(format!("{PREFIX}{name}"));
    let finished = store.respondents(name)?.into_iter().filter(|r| r.finished);
    for (n, respondent) in finished.enumerate() {
        let mut responses = Responses::empty(bank);
        let mut bad = Vec::new();
        for (question_id, choice) in &respondent.answers {
            // A question the bank no longer has is left out, as a
            // progress file's would be.
            let Some(question) = bank.question_position(question_id) else {
                continue;
            };
            match matcher.resolve(question, choice) {
                Resolved::Answer(choice) => responses.set(question, Some(choice)),
                Resolved::Empty => {}
                Resolved::Invalid => bad.push(BadAnswer {
                    question,
                    value: Some(choice.clone()),
                    at: None,
                }),
            }
        }
        let missing = (0..bank.questions.len())
            .filter(|&q| responses.get(q).is_none() && !bad.iter().any(|b| b.question == q))
            .collect();
        on_record(Record {
            named: respondent.name.is_some(),
            respondent: respondent.name.unwrap_or_else(|| format!("#{}", n + 1)),
            place: Place {
                file: place.clone(),
                line: None,
            },
            responses,
            bad,
            missing,
        });
    }
    Ok(())
}
