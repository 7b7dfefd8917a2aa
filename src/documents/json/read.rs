//! The read side of the scores document: what a document written by any
//! build of the same version has, as far as reading it back needs.

use serde::Deserialize;

/// Just enough of a JSON document to tell a scores document (which has a
/// `version`) from an answer file (which has none).
#[derive(Deserialize)]
pub struct Probe {
    pub version: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
pub struct ScoresIn {
    pub version: u64,
    pub bank: String,
    pub respondents: Option<Vec<RespondentIn>>,
    pub summary: Option<SummaryIn>,
}

#[derive(Deserialize)]
pub struct RespondentIn {
    pub respondent: String,
    pub pillars: Vec<PillarIn>,
}

#[derive(Deserialize)]
pub struct SummaryIn {
    pub team: TeamIn,
}

#[derive(Deserialize)]
pub struct TeamIn {
    pub pillars: Vec<PillarIn>,
}

#[derive(Deserialize)]
pub struct PillarIn {
    pub id: String,
    pub score: Option<u64>,
}
