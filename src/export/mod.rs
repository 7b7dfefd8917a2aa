//! Output formats. Each format is one module with one type that implements
//! `Exporter`; commands pick a format and never format text themselves.

mod csv;
mod grids;
mod html;
mod json;
mod markdown;
mod markup;
mod notes;
mod questions;
pub mod svg;
pub mod table;
mod yaml;

use crate::documents::{ComparisonDocument, ReportDocument, ScoresDocument};
use crate::lang::Lang;
use crate::model::bank::Bank;
use anyhow::{Result, bail};
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

pub use grids::{Grid, comparison_grid, moved_grid, respondents_grid, summary_grid};
pub use notes::{SummaryNotes, TargetNotes, comparison_notes, summary_notes, target_notes};
pub use questions::DOCUMENT_VERSION;
pub(crate) use questions::questions_document;
