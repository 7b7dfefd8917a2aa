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
use std::sync::Arc;

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
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<()> {
    records(&Store::open(db)?, name, bank, matcher, on_record)
}

/// Stored answers (question id, choice) as a record, matched to the bank
/// the way a file's are; a question the bank no longer has is left out,
/// as a progress file's would be.
pub fn record(
    bank: &Bank,
    matcher: &AnswerMatcher,
    respondent: String,
    named: bool,
    place: &Arc<str>,
    answers: &[(String, String)],
) -> Record {
    let mut responses = Responses::empty(bank);
    let mut bad = Vec::new();
    for (question_id, choice) in answers {
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
    Record {
        named,
        respondent: respondent.into(),
        place: Place {
            file: place.clone(),
            line: None,
            row: None,
        },
        responses,
        combination: None,
        bad,
        missing,
    }
}

/// The finished respondents of campaign `name` in `store`, each as a
/// record (its answers matched to the bank the way a file's are).
pub fn records(
    store: &Store,
    name: &str,
    bank: &Bank,
    matcher: &AnswerMatcher,
    on_record: &mut dyn FnMut(&mut Record),
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
    let place: Arc<str> = Arc::from(format!("{PREFIX}{name}"));
    let finished = store.respondents(name)?.into_iter().filter(|r| r.finished);
    for (n, respondent) in finished.enumerate() {
        let named = respondent.name.is_some();
        let label = respondent.name.unwrap_or_else(|| format!("#{}", n + 1));
        on_record(&mut record(
            bank,
            matcher,
            label,
            named,
            &place,
            &respondent.answers,
        ));
    }
    Ok(())
}

/// How a path names a self-test kept on this machine: `self-test:3`.
pub const SELF_TEST_PREFIX: &str = "self-test:";

/// Reads self-test `number` kept in the database at `db`; one taken with
/// another model is refused.
pub fn read_self_test(
    db: &Path,
    number: &str,
    bank: &Bank,
    matcher: &AnswerMatcher,
    on_record: &mut dyn FnMut(&mut Record),
) -> Result<()> {
    let store = Store::open(db)?;
    let tests = store.self_tests()?;
    let Some(test) = tests.iter().find(|t| t.number.to_string() == number) else {
        let args = [("number", number)];
        return Err(Localized::new("self-test-unknown", &args)
            .count("count", tests.len())
            .into());
    };
    if test.model != bank.id {
        let args = [
            ("number", number),
            ("model", test.model.as_str()),
            ("bank", bank.id.as_str()),
        ];
        return Err(Localized::new("self-test-for-another-bank", &args).into());
    }
    let place: Arc<str> = Arc::from(format!("{SELF_TEST_PREFIX}{number}"));
    on_record(&mut record(
        bank,
        matcher,
        test.respondent.clone(),
        true,
        &place,
        &test.answers,
    ));
    Ok(())
}
