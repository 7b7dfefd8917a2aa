//! The JSON that `pyramid score --format json` writes, read back so that
//! `compare` and `report` can take last quarter's results as they were kept.

use crate::model::bank::Bank;
use anyhow::{Result, bail};
use serde_json::Value;

/// One respondent's pillar scores from a scores document.
pub struct ScoredEntry {
    pub respondent: String,
    /// In bank order; `None` where the document has no score.
    pub scores: Vec<Option<u8>>,
}

/// Whether a JSON text is a scores document rather than an answer file.
pub fn is_scores_document(text: &str) -> bool {
    let head: String = text.chars().take(512).collect();
    head.contains("\"version\"")
        && (head.contains("\"respondents\"") || head.contains("\"summary\""))
}

/// The respondents of a scores document, or its team (as one entry) when it
/// holds only a summary.
pub fn read(text: &str, file: &str, bank: &Bank) -> Result<Vec<ScoredEntry>> {
    let document: Value = serde_json::from_str(text).map_err(|err| {
        anyhow::anyhow!(
            "{file}:{}:{}: not a scores document: {}",
            err.line(),
            err.column(),
            crate::visible::shorten_quotes(&err.to_string())
        )
    })?;
    if document["bank"].as_str() != Some(bank.id.as_str()) {
        bail!(
            "{file}: these scores are for the bank `{}`, not `{}`",
            document["bank"].as_str().unwrap_or("?"),
            bank.id
        );
    }
    let scores_of = |entry: &Value| -> Result<Vec<Option<u8>>> {
        bank.pillars
            .iter()
            .map(|pillar| {
                let found = entry["pillars"].as_array().and_then(|pillars| {
                    pillars
                        .iter()
                        .find(|p| p["id"].as_str() == Some(pillar.id.as_str()))
                });
                match found.map(|p| &p["score"]) {
                    Some(Value::Null) => Ok(None),
                    Some(score) => match score.as_u64() {
                        Some(score) if score <= 100 => Ok(Some(score as u8)),
                        _ => bail!(
                            "{file}: the score of pillar `{}` is not a whole number from 0 to 100",
                            pillar.id
                        ),
                    },
                    None => bail!("{file}: no score for pillar `{}`", pillar.id),
                }
            })
            .collect()
    };
    if let Some(respondents) = document["respondents"].as_array() {
        return respondents
            .iter()
            .map(|entry| {
                Ok(ScoredEntry {
                    respondent: entry["respondent"].as_str().unwrap_or(file).to_string(),
                    scores: scores_of(entry)?,
                })
            })
            .collect();
    }
    if document["summary"]["team"].is_object() {
        return Ok(vec![ScoredEntry {
            respondent: format!("{file} (team)"),
            scores: scores_of(&document["summary"]["team"])?,
        }]);
    }
    bail!("{file}: a scores document has `respondents` or `summary`")
}
