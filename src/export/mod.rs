//! Output formats. Each format is one module with one type that implements
//! `Exporter`; commands pick a format and never format text themselves.

mod csv;
mod html;
mod json;
mod markdown;
mod markup;
pub mod svg;
pub mod table;
mod yaml;

use crate::documents::{ComparisonDocument, ReportDocument, ScoresDocument};
use crate::lang::{Lang, Text};
use crate::messages::{self, words};
use crate::model::answers::chosen_option;
use crate::model::bank::Bank;
use crate::model::explain::explain;
use crate::model::team::ScoreStats;
use anyhow::{Result, bail};
use serde::Serialize;
use std::io::Write;

pub use table::TextStyle;

/// One output format. Each method writes its document to `out` as it
/// goes, so a million rows need not be held as text first.
pub trait Exporter {
    /// The bank's questions and options (`pyramid questions`).
    fn questions(&self, _bank: &Bank, _lang: Lang, _out: &mut dyn Write) -> Result<()> {
        bail!("this format cannot list questions; use table, yaml or json")
    }

    /// Scored respondents and the team summary (`pyramid score`).
    fn scores(&self, _report: &ScoresDocument, _lang: Lang, _out: &mut dyn Write) -> Result<()> {
        bail!("this format cannot hold scores; use table, markdown, csv or json")
    }

    /// What moved between two assessments (`pyramid compare`).
    fn comparison(
        &self,
        _report: &ComparisonDocument,
        _lang: Lang,
        _out: &mut dyn Write,
    ) -> Result<()> {
        bail!("this format cannot hold a comparison; use table, markdown, csv or json")
    }

    /// A report for people to look at (`pyramid report`).
    fn report(&self, _report: &ReportDocument, _lang: Lang, _out: &mut dyn Write) -> Result<()> {
        bail!("this format cannot hold a report; use html")
    }
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Csv,
    Yaml,
    Json,
    Html,
}

impl Format {
    /// What `pyramid score` and `compare` write.
    pub const SCORES: [Format; 4] = [Format::Table, Format::Markdown, Format::Csv, Format::Json];
    /// What `pyramid questions` writes.
    pub const QUESTIONS: [Format; 3] = [Format::Table, Format::Yaml, Format::Json];

    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Yaml => "yaml",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// A command-line parser that takes only `formats`, so `--help` and
    /// the completions list exactly those.
    pub fn parser(
        formats: &'static [Format],
    ) -> impl clap::builder::TypedValueParser<Value = Format> {
        use clap::builder::TypedValueParser;
        clap::builder::PossibleValuesParser::new(formats.iter().map(|f| f.name())).map(
            move |name| {
                formats
                    .iter()
                    .copied()
                    .find(|f| f.name() == name)
                    .unwrap_or(Format::Table)
            },
        )
    }
}

pub fn exporter(format: Format, style: TextStyle) -> Box<dyn Exporter> {
    match format {
        Format::Table => Box::new(table::TableExporter { style }),
        Format::Markdown => Box::new(markdown::MarkdownExporter),
        Format::Csv => Box::new(csv::CsvExporter),
        Format::Yaml => Box::new(yaml::YamlExporter),
        Format::Json => Box::new(json::JsonExporter),
        Format::Html => Box::new(html::HtmlExporter),
    }
}

/// A table as text cells, drawn alike by the table and Markdown formats.
/// The rows are anything that gives them again when cloned: a `Vec` for
/// the small tables, a lazy iterator for the one row per respondent.
pub struct Grid<Rows = Vec<Vec<String>>> {
    pub header: Vec<String>,
    pub rows: Rows,
}

/// `54 · 2`, or `–` without a score.
fn score_cell(score: Option<u8>, stage: Option<u8>) -> String {
    match (score, stage) {
        (Some(score), Some(stage)) => format!("{score} · {stage}"),
        _ => "–".to_string(),
    }
}

fn stage_cell(bank: &Bank, stage: Option<u8>, lang: Lang) -> String {
    match stage.and_then(|level| Some((level, bank.stage(level)?))) {
        Some((level, stage)) => format!("{level} · {}", stage.name.get(lang)),
        None => words(lang).not_enough.to_string(),
    }
}

/// One row per respondent: name, `score · stage` per pillar and overall.
pub fn respondents_grid<'a>(
    report: &ScoresDocument<'a>,
    lang: Lang,
) -> Option<Grid<impl Iterator<Item = Vec<String>> + Clone + 'a>> {
    let bank = report.bank;
    let w = words(lang);
    let respondents = report.respondents?;
    let mut header = vec![w.respondent.to_string()];
    header.extend(bank.pillars.iter().map(|p| p.name.get(lang).to_string()));
    header.push(w.overall.to_string());
    let rows = respondents.iter().map(|scored| {
        let a = &scored.assessment;
        let mut row = vec![scored.respondent.clone()];
        row.extend(a.pillars.iter().map(|p| score_cell(p.score, p.stage)));
        row.push(score_cell(a.score, a.stage));
        row
    });
    Some(Grid { header, rows })
}

fn stats_cells(stats: Option<&ScoreStats>, lang: Lang) -> Vec<String> {
    match stats {
        Some(s) => vec![
            messages::decimal(lang, s.mean, 1),
            s.min.to_string(),
            s.max.to_string(),
            messages::decimal(lang, s.spread, 1),
        ],
        None => vec!["–".to_string(); 4],
    }
}

/// Per pillar and overall: mean, min, max, spread and the team's stage.
pub fn summary_grid(report: &ScoresDocument, lang: Lang) -> Option<Grid> {
    let bank = report.bank;
    let w = words(lang);
    let summary = report.summary?;
    let pillar = messages::pillar_words(lang, bank.pillar_term).title;
    let header = [pillar, w.mean, w.min, w.max, w.spread, w.team_stage]
        .map(str::to_string)
        .to_vec();
    let mut rows: Vec<Vec<String>> = bank
        .pillars
        .iter()
        .enumerate()
        .map(|(n, pillar)| {
            let mut row = vec![pillar.name.get(lang).to_string()];
            row.extend(stats_cells(summary.pillars[n].as_ref(), lang));
            row.push(stage_cell(bank, summary.team.pillars[n].stage, lang));
            row
        })
        .collect();
    let mut overall = vec![w.overall.to_string()];
    overall.extend(stats_cells(summary.overall.as_ref(), lang));
    overall.push(stage_cell(bank, summary.team.stage, lang));
    rows.push(overall);
    Some(Grid { header, rows })
}

/// Per pillar and overall: score · stage before and after, and the change.
pub fn comparison_grid(report: &ComparisonDocument, lang: Lang) -> Grid {
    let bank = report.bank;
    let w = words(lang);
    let pillar = messages::pillar_words(lang, bank.pillar_term).title;
    let header = [pillar, w.before, w.after, w.change]
        .map(str::to_string)
        .to_vec();
    let row = |name: &str, change: &crate::model::compare::Change| {
        vec![
            name.to_string(),
            score_cell(change.old_score, change.old_stage),
            score_cell(change.new_score, change.new_stage),
            change
                .delta()
                .map_or("–".to_string(), messages::signed_change),
        ]
    };
    let mut rows: Vec<Vec<String>> = bank
        .pillars
        .iter()
        .zip(&report.comparison.pillars)
        .map(|(pillar, change)| row(pillar.name.get(lang), change))
        .collect();
    rows.push(row(w.overall, &report.comparison.overall));
    Grid { header, rows }
}

/// The answers that changed: question, answer before and after, levels.
pub fn moved_grid(report: &ComparisonDocument, lang: Lang) -> Option<Grid> {
    let bank = report.bank;
    let w = words(lang);
    if report.comparison.moved.is_empty() {
        return None;
    }
    let answer = |question: usize, choice: Option<crate::model::answers::Choice>| match (
        choice,
        chosen_option(&bank.questions[question], choice),
    ) {
        (Some(crate::model::answers::Choice::DontKnow), _) => bank.dont_know.get(lang).to_string(),
        (_, Some(option)) => {
            format!(
                "{} · {} · {}",
                option.key,
                option.level,
                option.label.get(lang)
            )
        }
        (_, None) => "–".to_string(),
    };
    let rows = report
        .comparison
        .moved
        .iter()
        .map(|moved| {
            vec![
                bank.questions[moved.question].id.clone(),
                answer(moved.question, moved.old),
                answer(moved.question, moved.new),
            ]
        })
        .collect();
    Some(Grid {
        header: [w.question, w.before, w.after].map(str::to_string).to_vec(),
        rows,
    })
}

/// The comparison's sentences: the overall stage and the focus pillar.
pub fn comparison_notes(report: &ComparisonDocument, lang: Lang) -> Vec<String> {
    let bank = report.bank;
    let c = report.comparison;
    let stage = |level: Option<u8>| level.and_then(|l| Some((l, bank.stage(l)?.name.get(lang))));
    let pillar = |n: Option<usize>| n.map(|n| bank.pillars[n].name.get(lang));
    vec![
        messages::stage_change(lang, stage(c.overall.old_stage), stage(c.overall.new_stage)),
        messages::focus_change(
            lang,
            report.bank.pillar_term,
            pillar(c.old_focus),
            pillar(c.new_focus),
        ),
    ]
}

/// A target plan in sentences: the gap per pillar, the answers to move
/// first, and the advice for each pillar below its target.
pub struct TargetNotes {
    pub gaps: Vec<String>,
    pub moves: Vec<String>,
    /// `Advice per pillar` (or per dimension), and the advice.
    pub advice_title: String,
    pub advice: Vec<String>,
}

pub fn target_notes(bank: &Bank, plan: &crate::model::target::Plan, lang: Lang) -> TargetNotes {
    let gaps = plan
        .gaps
        .iter()
        .map(|gap| {
            let stage = bank.stage(gap.target);
            let target = (
                gap.target,
                stage.map_or("", |s| s.name.get(lang)),
                stage.map_or(0, |s| s.min_score),
            );
            messages::target_gap(
                lang,
                bank.pillars[gap.pillar].name.get(lang),
                gap.score,
                gap.stage,
                target,
                gap.points,
            )
        })
        .collect();
    let moves = plan
        .moves
        .iter()
        .map(|m| {
            let question = &bank.questions[m.question];
            let from = chosen_option(question, m.from).map(|o| (o.label.get(lang), o.level));
            let to = &question.options[m.to];
            messages::target_move(
                lang,
                &question.id,
                from,
                (&to.key, to.label.get(lang), to.level),
            )
        })
        .collect();
    let advice = plan
        .gaps
        .iter()
        .filter(|gap| !gap.reached())
        .filter_map(|gap| {
            let stage = gap.stage?;
            let advice = bank.advice(gap.pillar, stage)?;
            Some(format!(
                "{}: {}",
                bank.pillars[gap.pillar].name.get(lang),
                advice.text.get(lang)
            ))
        })
        .collect();
    TargetNotes {
        gaps,
        moves,
        advice_title: messages::advice_per(lang, bank.pillar_term),
        advice,
    }
}

/// The team summary's prose: a heading, the stage distribution, where the
/// team disagrees most, and why the team is at its stage.
pub struct SummaryNotes {
    pub heading: String,
    pub distribution: Vec<String>,
    pub disagreement: Vec<String>,
    pub why: Vec<String>,
}

/// How many pillars are named under "where the team disagrees most".
const DISAGREEMENT_SHOWN: usize = 2;

pub fn summary_notes(report: &ScoresDocument, lang: Lang) -> Option<SummaryNotes> {
    let bank = report.bank;
    let summary = report.summary?;
    let team = &summary.team;
    let stage = team
        .stage
        .and_then(|level| Some((level, bank.stage_count(), bank.stage(level)?.name.get(lang))));
    let heading = messages::team_heading(lang, summary.respondents, stage, team.score);
    let mut distribution: Vec<String> = (1..=bank.stage_count())
        .rev()
        .map(|level| {
            let name = bank.stage(level).map_or("", |s| s.name.get(lang));
            let count = summary.stages.get(usize::from(level)).copied().unwrap_or(0);
            messages::distribution_line(lang, Some(level), name, count, summary.respondents)
        })
        .collect();
    let unscored = summary.stages.first().copied().unwrap_or(0);
    if unscored > 0 {
        distribution.push(messages::distribution_line(
            lang,
            None,
            "",
            unscored,
            summary.respondents,
        ));
    }
    let disagreement = summary
        .disagreement
        .iter()
        .filter(|d| d.spread > 0.0)
        .take(DISAGREEMENT_SHOWN)
        .map(|d| {
            let name = bank.pillars[d.pillar].name.get(lang);
            messages::disagreement_line(
                lang,
                name,
                d.spread,
                (d.front.count, d.front.mean),
                (d.peloton.count, d.peloton.mean),
            )
        })
        .collect();
    Some(SummaryNotes {
        heading,
        distribution,
        disagreement,
        why: explain(bank, team, lang),
    })
}

/// The version of the JSON and YAML documents; raised on any change that
/// could break a script that reads them.
pub const DOCUMENT_VERSION: u32 = 1;

/// The bank's questions as a document for scripts (JSON and YAML share it).
#[derive(Serialize)]
struct QuestionsDocument<'a> {
    version: u32,
    bank: &'a str,
    title: &'a Text,
    stages: Vec<StageEntry<'a>>,
    pillars: Vec<PillarEntry<'a>>,
    questions: Vec<QuestionEntry<'a>>,
}

#[derive(Serialize)]
struct StageEntry<'a> {
    level: u8,
    name: &'a Text,
    min_score: u8,
}

#[derive(Serialize)]
struct PillarEntry<'a> {
    id: &'a str,
    name: &'a Text,
}

#[derive(Serialize)]
struct QuestionEntry<'a> {
    id: &'a str,
    pillar: &'a str,
    text: &'a Text,
    dont_know: bool,
    weight: u32,
    options: Vec<OptionEntry<'a>>,
}

#[derive(Serialize)]
struct OptionEntry<'a> {
    key: &'a str,
    label: &'a Text,
    level: u8,
}

fn questions_document(bank: &Bank) -> QuestionsDocument<'_> {
    QuestionsDocument {
        version: DOCUMENT_VERSION,
        bank: &bank.id,
        title: &bank.title,
        stages: bank
            .stages
            .iter()
            .zip(1..)
            .map(|(stage, level)| StageEntry {
                level,
                name: &stage.name,
                min_score: stage.min_score,
            })
            .collect(),
        pillars: bank
            .pillars
            .iter()
            .map(|pillar| PillarEntry {
                id: &pillar.id,
                name: &pillar.name,
            })
            .collect(),
        questions: bank
            .questions
            .iter()
            .map(|question| QuestionEntry {
                id: &question.id,
                pillar: &question.pillar,
                text: &question.text,
                dont_know: question.dont_know,
                weight: question.weight,
                options: question
                    .options
                    .iter()
                    .map(|option| OptionEntry {
                        key: &option.key,
                        label: &option.label,
                        level: option.level,
                    })
                    .collect(),
            })
            .collect(),
    }
}
