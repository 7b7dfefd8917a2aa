//! A campaign's finished respondents scored exactly as
//! `pyramid score --campaign NAME` scores them (the same reading, second
//! submissions and team summary), and the documents the admin pages show
//! and offer for download.

use crate::cli::ReadArgs;
use crate::commands::gather::{Options, Tally};
use crate::documents::{ReportDocument, ScoredRespondent, ScoresDocument};
use crate::export::{
    ReportFormat, ScoresFormat, SummaryNotes, TextStyle, WebExporter, Writes, summary_notes, svg,
};
use crate::input::matching::AnswerMatcher;
use crate::lang::Lang;
use crate::model::bank::Bank;
use crate::model::team::TeamSummary;
use crate::store::Store;
use anyhow::Result;

/// A campaign's scores: one row per finished respondent and the team.
pub struct TeamScores<'a> {
    pub bank: &'a Bank,
    pub respondents: Vec<ScoredRespondent>,
    /// `None` until someone has finished.
    pub summary: Option<TeamSummary>,
    /// The problems `score` would list (answers the bank no longer takes),
    /// and the note on second submissions: each a line to show.
    pub notes: Vec<String>,
}

impl<'a> TeamScores<'a> {
    /// Reads and scores campaign `name`, with `score`'s default reading.
    pub fn read(store: &Store, name: &str, bank: &'a Bank, lang: Lang) -> Result<TeamScores<'a>> {
        let options = Options {
            read: ReadArgs::default(),
            keep_rows: true,
            keep_answers: false,
            spool: false,
            second_reading: false,
            db: None,
        };
        let mut tally = Tally::new(bank, lang, &options);
        let matcher = AnswerMatcher::new(bank);
        crate::input::campaign::records(
            store,
            name,
            bank,
            &matcher,
            &mut |record: &mut crate::input::record::Record| tally.add(record),
        )?;
        let mut notes: Vec<String> = tally.problems().to_vec();
        notes.extend(tally.settle().unwrap_or_default());
        let summary = (tally.scored > 0).then(|| tally.team.finish(bank));
        Ok(TeamScores {
            bank,
            respondents: tally.respondents.unwrap_or_default(),
            summary,
            notes,
        })
    }

    /// What `score` draws: the rows, and the summary where `summary`.
    fn document(&self, summary: bool) -> ScoresDocument<'_> {
        ScoresDocument {
            bank: self.bank,
            respondents: Some(&self.respondents),
            streamed: None,
            spooled: None,
            summary: self.summary.as_ref().filter(|_| summary),
            plans: None,
            team_plan: None,
        }
    }

    /// The team's heading, stage distribution and disagreement.
    pub fn notes_for_team(&self, lang: Lang) -> Option<SummaryNotes> {
        summary_notes(&self.document(true), lang)
    }

    /// The team's pyramid as inline SVG, its stage marked.
    pub fn pyramid(&self, lang: Lang) -> Option<String> {
        let summary = self.summary.as_ref()?;
        let names: Vec<String> = self
            .bank
            .stages
            .iter()
            .map(|stage| stage.name.get(lang).to_string())
            .collect();
        let label = crate::messages::words(lang).team_stage;
        Some(svg::pyramid(&names, summary.team.stage, label))
    }

    /// The rows and the summary as HTML: `score --summary --rows`.
    pub fn html(&self, lang: Lang) -> Result<String> {
        let mut out = Vec::new();
        WebExporter.write(&self.document(true), lang, &mut out)?;
        Ok(String::from_utf8(out)?)
    }

    /// `score --format csv`: one row per respondent.
    pub fn csv(&self, lang: Lang) -> Result<Vec<u8>> {
        self.write(ScoresFormat::Csv, false, lang)
    }

    /// `score --format json --summary --rows`.
    pub fn json(&self, lang: Lang) -> Result<Vec<u8>> {
        self.write(ScoresFormat::Json, true, lang)
    }

    fn write(&self, format: ScoresFormat, summary: bool, lang: Lang) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        format.write(style(), &self.document(summary), lang, &mut out)?;
        Ok(out)
    }

    /// `pyramid report campaign:NAME`: the team's report, or one
    /// person's while only one has finished; `None` before anyone has.
    pub fn report(&self, lang: Lang) -> Result<Option<Vec<u8>>> {
        let team = self.summary.as_ref().filter(|_| self.respondents.len() > 1);
        let (subject, assessment) = match (team, self.respondents.first()) {
            (Some(summary), _) => (
                crate::messages::team_of(lang, summary.respondents),
                &summary.team,
            ),
            (None, Some(one)) => (one.respondent.clone(), &one.assessment),
            (None, None) => return Ok(None),
        };
        let document = ReportDocument {
            bank: self.bank,
            subject,
            assessment,
            summary: team,
            previous: None,
            comparison: None,
            target: None,
            trend: Vec::new(),
        };
        let mut out = Vec::new();
        ReportFormat::Html.write(style(), &document, lang, &mut out)?;
        Ok(Some(out))
    }
}

fn style() -> TextStyle {
    TextStyle {
        width: 80,
        color: false,
        terminal: false,
    }
}
