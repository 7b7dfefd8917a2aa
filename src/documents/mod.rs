//! The documents output formats draw: the scores of a scoring run (each
//! respondent's assessment and, when asked, the team summary), a
//! comparison, and a report. Formats draw these; they compute nothing.

use crate::model::bank::Bank;
use crate::model::scoring::Assessment;
use crate::model::team::TeamSummary;

/// One scored respondent.
#[derive(Clone, Debug)]
pub struct ScoredRespondent {
    pub respondent: String,
    /// Where the answers came from: `file` or `file:line`.
    pub source: String,
    pub assessment: Assessment,
}

/// The result of `pyramid score`.
pub struct ScoresDocument<'a> {
    pub bank: &'a Bank,
    /// `None` when only the summary was asked for.
    pub respondents: Option<&'a [ScoredRespondent]>,
    pub summary: Option<&'a TeamSummary>,
    /// With `--target`: a plan per respondent (aligned with `respondents`)
    /// and for the team.
    pub plans: Option<&'a [crate::model::target::Plan]>,
    pub team_plan: Option<&'a crate::model::target::Plan>,
}

/// The result of `pyramid compare`.
pub struct ComparisonDocument<'a> {
    pub bank: &'a Bank,
    /// How the two sides are named: their paths.
    pub old_name: &'a str,
    pub new_name: &'a str,
    pub comparison: &'a crate::model::compare::Comparison,
    /// With `--target`: the plan for the new side.
    pub plan: Option<&'a crate::model::target::Plan>,
}

/// What `pyramid report` draws: one assessment (a person's, or a team's
/// from its mean pillar scores), with the team summary, the previous
/// assessment and the trend where given.
pub struct ReportDocument<'a> {
    pub bank: &'a Bank,
    /// Whose result: a respondent's name or the team heading.
    pub subject: String,
    pub assessment: &'a crate::model::scoring::Assessment,
    pub summary: Option<&'a TeamSummary>,
    pub previous: Option<&'a crate::model::scoring::Assessment>,
    pub comparison: Option<&'a crate::model::compare::Comparison>,
    /// With `--target`: the target (drawn on the radar) and its plan.
    pub target: Option<(
        &'a crate::model::target::Target,
        &'a crate::model::target::Plan,
    )>,
    /// Three or more assessments, oldest first, the last being this one;
    /// empty with fewer.
    pub trend: Vec<TrendPoint<'a>>,
}

/// One assessment in a report's trend.
pub struct TrendPoint<'a> {
    /// Its path as given, or `self-test:3 · 2026-12-01`.
    pub label: &'a str,
    pub assessment: &'a crate::model::scoring::Assessment,
}

pub mod json;
