//! The answer file: one respondent's answers as YAML, written by
//! `pyramid test --save` and read by batch scoring.
//!
//! ```yaml
//! respondent: An
//! bank: pyramid
//! answers:
//!   strategy-role: b
//!   traffic-visitors: dont_know
//! ```

use crate::answers::Responses;
use crate::bank::Bank;
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct AnswerFile<'a> {
    respondent: &'a str,
    bank: &'a str,
    answers: serde_yaml::Mapping,
}

/// The answer file text for one respondent, answers in bank order.
pub fn to_yaml(bank: &Bank, respondent: &str, responses: &Responses) -> Result<String> {
    let mut answers = serde_yaml::Mapping::new();
    for (id, key) in responses.keys(bank) {
        answers.insert(id.into(), key.into());
    }
    let file = AnswerFile {
        respondent,
        bank: &bank.id,
        answers,
    };
    Ok(serde_yaml::to_string(&file)?)
}
