//! The documents output formats draw: the scores of a scoring run (each
//! respondent's assessment and, when asked, the team summary), a
//! comparison, and a report. Formats draw these; they compute nothing.

use crate::model::bank::Bank;
use crate::model::scoring::Assessment;
use crate::model::team::TeamSummary;
use anyhow::Result;

/// One scored respondent.
#[derive(Clone, Debug)]
pub struct ScoredRespondent {
    pub respondent: String,
    /// Where the answers came from: `file` or `file:line`.
    pub source: String,
    pub assessment: Assessment,
}

/// Scored respondents given one at a time, each with its plan where there
/// is a target: read again from the input instead of kept.
pub trait RowStream {
    fn each(
        &self,
        each: &mut dyn FnMut(&ScoredRespondent, Option<&crate::model::target::Plan>) -> Result<()>,
    ) -> Result<()>;
}

/// Rows written as CSV lines while they were read, copied out once every
/// row is known to be good.
pub trait SpooledRows {
    fn copy_to(&self, out: &mut dyn std::io::Write) -> Result<()>;
}

/// The result of `pyramid score`.
pub struct ScoresDocument<'a> {
    pub bank: &'a Bank,
    /// `None` when only the summary was asked for, or the rows are
    /// `streamed`.
    pub respondents: Option<&'a [ScoredRespondent]>,
    /// The rows, read again one at a time, where they were not kept.
    pub streamed: Option<&'a dyn RowStream>,
    /// The rows as CSV lines, written while reading.
    pub spooled: Option<&'a dyn SpooledRows>,
    pub summary: Option<&'a TeamSummary>,
    /// With `--target`: a plan per respondent (aligned with `respondents`)
    /// and for the team.
    pub plans: Option<&'a [crate::model::target::Plan]>,
    pub team_plan: Option<&'a crate::model::target::Plan>,
}

impl ScoresDocument<'_> {
    /// Whether there is a row per respondent, kept or streamed.
    pub fn has_rows(&self) -> bool {
        self.respondents.is_some() || self.streamed.is_some() || self.spooled.is_some()
    }

    /// Calls `each` for every respondent in order, with its plan: the
    /// ones kept, or else the ones streamed.
    pub fn each_row(
        &self,
        each: &mut dyn FnMut(&ScoredRespondent, Option<&crate::model::target::Plan>) -> Result<()>,
    ) -> Result<()> {
        match (self.respondents, self.streamed) {
            (Some(respondents), _) => {
                for (n, scored) in respondents.iter().enumerate() {
                    each(scored, self.plans.and_then(|plans| plans.get(n)))?;
                }
                Ok(())
            }
            (None, Some(streamed)) => streamed.each(each),
            (None, None) => Ok(()),
        }
    }
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
