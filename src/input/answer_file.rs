//! The answer file: one respondent's answers as YAML, written by
//! `pyramid test --save` and read by batch scoring.
//!
//! ```yaml
//! respondent: An
//! bank: pyramid
//! date: 2026-12-01
//! answers:
//!   strategy-role: b
//!   traffic-data: dont_know
//! ```

use crate::input::locate::Locator;
use crate::input::matching::{AnswerMatcher, Resolved};
use crate::input::record::{At, BadAnswer, Place, Record};
use crate::messages::Localized;
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use anyhow::Result;
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize)]
struct AnswerFile<'a> {
    respondent: &'a str,
    bank: &'a str,
    /// When the answers were given: `2026-12-01` (UTC).
    date: &'a str,
    answers: serde_yaml::Mapping,
}

/// Today's date, UTC: `2026-12-01`.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    date_of_day(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// The civil date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, proleptic Gregorian).
fn date_of_day(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The answer file text for one respondent, answers in bank order, dated
/// today.
pub fn to_yaml(bank: &Bank, respondent: &str, responses: &Responses) -> Result<String> {
    to_yaml_dated(bank, respondent, responses, &today())
}

/// The answer file text, dated `date` (`2026-12-01`).
pub fn to_yaml_dated(
    bank: &Bank,
    respondent: &str,
    responses: &Responses,
    date: &str,
) -> Result<String> {
    let mut answers = serde_yaml::Mapping::new();
    for (id, key) in responses.keys(bank) {
        answers.insert(id.into(), key.into());
    }
    let file = AnswerFile {
        respondent,
        bank: &bank.id,
        date,
        answers,
    };
    Ok(serde_yaml::to_string(&file)?)
}

/// The shape of an answer file when read (YAML or JSON).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerFileIn {
    #[serde(default)]
    respondent: Option<String>,
    #[serde(default)]
    bank: Option<String>,
    /// When the answers were given; kept for people, not used in scoring.
    #[serde(default)]
    #[allow(dead_code)]
    date: Option<String>,
    answers: serde_yaml::Mapping,
}

/// Whether a text is JSON (else YAML).
pub fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// Reads one answer file. `file` names it in messages. Answers may be option
/// keys, labels in either language or option numbers; bad ones are kept in
/// the record for the caller to report, a file that is no answer file at
/// all is an error.
pub fn read(text: &str, file: Arc<str>, bank: &Bank, matcher: &AnswerMatcher) -> Result<Record> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(Localized::new("answer-file-empty", &[("file", &file)]).into());
    }
    if let Err(line) = super::check_nesting(text) {
        let at = format!("{file}:{line}");
        let err = Localized::new("answer-file-nested", &[("place", &at)]);
        return Err(err.count("limit", super::MAX_NESTING).into());
    }
    let not_an_answer_file = |at: String, message: String| -> anyhow::Error {
        let looks = match super::looks_like(text) {
            Some(super::Looks::Bank) => "bank",
            _ => "other",
        };
        let place = format!("{file}{at}");
        let reason = crate::visible::shorten_quotes(&message);
        let args = [
            ("place", place.as_str()),
            ("reason", &reason),
            ("looks", looks),
        ];
        Localized::new("not-an-answer-file", &args).into()
    };
    let parsed: AnswerFileIn = if looks_like_json(text) {
        serde_json::from_str(text).map_err(|err| {
            let message = strip_location(&err.to_string()).to_string();
            not_an_answer_file(format!(":{}:{}", err.line(), err.column()), message)
        })?
    } else {
        serde_yaml::from_str(text).map_err(|err| {
            let at = err
                .location()
                .map(|at| format!(":{}:{}", at.line(), at.column()))
                .unwrap_or_default();
            not_an_answer_file(
                at,
                super::plain_yaml_error(strip_location(&err.to_string())),
            )
        })?
    };
    if let Some(named) = &parsed.bank
        && named != &bank.id
    {
        let args = [
            ("file", &*file),
            ("named", named.as_str()),
            ("bank", &bank.id),
        ];
        return Err(Localized::new("answers-for-another-bank", &args).into());
    }
    let place = Place {
        file: file.clone(),
        line: None,
        row: None,
    };
    let respondent = parsed
        .respondent
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| file.to_string());
    let mut responses = Responses::empty(bank);
    let mut bad = Vec::new();
    let locator = Locator::new(text);
    for (key, value) in &parsed.answers {
        let id = scalar_text(key).unwrap_or_default();
        let at = || {
            locator.answer(&id).map(|at| At::Position {
                line: at.line,
                column: at.column,
            })
        };
        let Some(question) = bank.question_position(&id) else {
            let known: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
            let place = match at() {
                Some(At::Position { line, column }) => format!("{file}:{line}:{column}"),
                _ => file.to_string(),
            };
            let args = [
                ("place", place.as_str()),
                ("id", id.as_str()),
                ("bank", &bank.id),
                ("known", &known.join(", ")),
            ];
            return Err(Localized::new("unknown-question", &args).into());
        };
        let Some(value) = scalar_text(value) else {
            bad.push(BadAnswer {
                question,
                value: None,
                at: at(),
            });
            continue;
        };
        match matcher.resolve(question, &value) {
            Resolved::Answer(choice) => responses.set(question, Some(choice)),
            Resolved::Empty => {}
            Resolved::Invalid => bad.push(BadAnswer {
                question,
                value: Some(value),
                at: at(),
            }),
        }
    }
    let missing = (0..bank.questions.len())
        .filter(|&q| responses.get(q).is_none() && !bad.iter().any(|b| b.question == q))
        .collect();
    Ok(Record {
        respondent: respondent.into(),
        named: false,
        place,
        responses,
        combination: None,
        bad,
        missing,
    })
}

/// A scalar as text (`1` and `"1"` alike; null is empty); `None` for a
/// list or mapping.
fn scalar_text(value: &serde_yaml::Value) -> Option<String> {
    match value {
        serde_yaml::Value::String(text) => Some(text.clone()),
        serde_yaml::Value::Number(number) => Some(number.to_string()),
        serde_yaml::Value::Bool(flag) => Some(flag.to_string()),
        serde_yaml::Value::Null => Some(String::new()),
        _ => None,
    }
}

fn strip_location(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |cut| &message[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_civil_dates_across_leap_years() {
        assert_eq!(date_of_day(0), "1970-01-01");
        assert_eq!(date_of_day(11_016), "2000-02-29");
        assert_eq!(date_of_day(20_788), "2026-12-01");
        assert_eq!(date_of_day(-1), "1969-12-31");
    }
}
