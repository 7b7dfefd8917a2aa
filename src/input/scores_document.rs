//! The JSON that `pyramid score --format json` writes, read back so that
//! `compare` and `report` can take last quarter's results as they were
//! kept. Its shape is `documents::json`, where the writer's is too; a test
//! writes a document and reads it back.

use crate::documents::json::{DOCUMENT_VERSION, PillarIn, Probe, ScoresIn};
use crate::messages::Localized;
use crate::model::bank::Bank;
use anyhow::Result;

/// One respondent's pillar scores from a scores document.
pub struct ScoredEntry {
    pub respondent: String,
    /// In bank order; `None` where the document has no score.
    pub scores: Vec<Option<u8>>,
}

fn json_error(err: &serde_json::Error, file: &str) -> anyhow::Error {
    let place = format!("{file}:{}:{}", err.line(), err.column());
    let reason = crate::visible::shorten_quotes(&err.to_string());
    Localized::new(
        "not-a-scores-document",
        &[("place", &place), ("reason", &reason)],
    )
    .into()
}

/// The respondents of `text` when it is a scores document (or its team, as
/// one entry, when it holds only a summary); `None` when it is not one
/// (an answer file, in YAML or JSON).
pub fn parse(text: &str, file: &str, bank: &Bank) -> Result<Option<Vec<ScoredEntry>>> {
    let json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    if !json {
        return Ok(None);
    }
    match serde_json::from_str::<Probe>(text) {
        Ok(Probe { version: Some(_) }) => {}
        // No version, or not even JSON: the answer-file reader says what
        // is wrong with it.
        _ => return Ok(None),
    }
    let document: ScoresIn = serde_json::from_str(text).map_err(|err| json_error(&err, file))?;
    if document.version > u64::from(DOCUMENT_VERSION) {
        let err = Localized::new("scores-document-newer", &[("file", file)])
            .count("version", document.version)
            .count("known", DOCUMENT_VERSION);
        return Err(err.into());
    }
    if document.bank != bank.id {
        let named = crate::visible::quoted(&document.bank);
        let args = [("file", file), ("named", &named), ("bank", &bank.id)];
        return Err(Localized::new("scores-for-another-bank", &args).into());
    }
    let scores_of = |pillars: &[PillarIn]| -> Result<Vec<Option<u8>>> {
        bank.pillars
            .iter()
            .map(|pillar| match pillars.iter().find(|p| p.id == pillar.id) {
                Some(PillarIn {
                    score: Some(score), ..
                }) if *score > 100 => {
                    let args = [("file", file), ("pillar", pillar.id.as_str())];
                    Err(Localized::new("score-out-of-range", &args).into())
                }
                Some(found) => Ok(found.score.map(|score| score as u8)),
                None => {
                    let args = [("file", file), ("pillar", pillar.id.as_str())];
                    Err(Localized::new("no-score-for-pillar", &args).into())
                }
            })
            .collect()
    };
    if let Some(respondents) = document.respondents {
        return respondents
            .into_iter()
            .map(|entry| {
                Ok(ScoredEntry {
                    scores: scores_of(&entry.pillars)?,
                    respondent: entry.respondent,
                })
            })
            .collect::<Result<_>>()
            .map(Some);
    }
    if let Some(summary) = document.summary {
        return Ok(Some(vec![ScoredEntry {
            respondent: format!("{file} (team)"),
            scores: scores_of(&summary.team.pillars)?,
        }]));
    }
    Err(Localized::new("scores-document-empty", &[("file", file)]).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::tiny_bank;

    #[test]
    fn tells_scores_from_answers_by_parsing() {
        let bank = tiny_bank();
        let scores = r#"{"version": 1, "bank": "tiny", "respondents": [
            {"respondent": "An", "pillars": [{"id": "a", "score": 50}, {"id": "b", "score": null},
             {"id": "c", "score": 0}, {"id": "d", "score": 100}]}]}"#;
        let entries = parse(scores, "s.json", &bank)
            .expect("read")
            .expect("scores");
        assert_eq!(entries[0].scores, [Some(50), None, Some(0), Some(100)]);
        // An answer file, even one with "version" in a string.
        let answers = r#"{"respondent": "version 2", "answers": {}}"#;
        assert!(parse(answers, "a.json", &bank).expect("read").is_none());
        assert!(
            parse("respondent: An\n", "a.yaml", &bank)
                .expect("read")
                .is_none()
        );
    }

    #[test]
    fn a_newer_version_is_refused_with_the_version_this_build_reads() {
        let bank = tiny_bank();
        let newer = r#"{"version": 2, "bank": "tiny", "respondents": []}"#;
        let err = parse(newer, "s.json", &bank).err().expect("refused");
        assert!(
            format!("{err:#}")
                .contains("version 2, written by a newer pyramid; this one reads version 1"),
            "{err:#}"
        );
    }
}
