//! Output formats. Each format is one module with one type that
//! implements `Writes` for the documents it can write; `formats!` below
//! registers them per document. Commands pick a format and never format
//! text themselves.

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
mod web;
mod yaml;

use crate::documents::{ComparisonDocument, ReportDocument, ScoresDocument};
use crate::lang::Lang;
use crate::model::bank::Bank;
use anyhow::Result;
use std::io::Write;

pub use csv::CsvRows;
pub use table::TextStyle;
pub use web::WebExporter;

/// A format that writes document `D`, to `out` as it goes (so a million
/// rows need not be held as text first). A format writes only the
/// documents it implements this for: asking for any other does not
/// compile.
///
/// ```compile_fail
/// // The table format has no report: this is a compile error, not a
/// // message at run time.
/// use pyramid::export::{TextStyle, Writes, table::TableExporter};
/// fn report_as_table(report: &pyramid::documents::ReportDocument, out: &mut dyn std::io::Write) {
///     let style = TextStyle { width: 80, color: false, terminal: false };
///     let table = TableExporter { style };
///     let _ = table.write(report, pyramid::lang::Lang::EN, out);
/// }
/// ```
pub trait Writes<D> {
    /// Whether it writes values as given (CSV, JSON, YAML): on a terminal
    /// their hazards are then written out (`crate::visible::Visibly`), as
    /// the other formats write them out everywhere.
    const AS_GIVEN: bool = false;

    fn write(&self, document: &D, lang: Lang, out: &mut dyn Write) -> Result<()>;
}

/// How a format's writer is made: every format gets the text style, which
/// only the table uses.
pub trait FromStyle {
    fn from_style(style: TextStyle) -> Self;
}

/// Declares which formats write a document: an enum of them for the
/// command line (so `--format`, `--help` and the completions offer exactly
/// those), and its `write`, which calls each format's `Writes` for the
/// document. A new format is one module implementing `Writes` plus its
/// name in the lines below.
macro_rules! formats {
    ($(#[$meta:meta])* $name:ident for $document:ty: $($variant:ident => $writer:ty),+ $(,)?) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub fn write(
                self,
                style: TextStyle,
                document: &$document,
                lang: Lang,
                out: &mut dyn Write,
            ) -> Result<()> {
                match self {
                    $($name::$variant => {
                        let writer = <$writer as FromStyle>::from_style(style);
                        if style.terminal && <$writer as Writes<$document>>::AS_GIVEN {
                            crate::visible::Visibly::write_with(out, |out| {
                                Writes::write(&writer, document, lang, out)
                            })
                        } else {
                            Writes::write(&writer, document, lang, out)
                        }
                    })+
                }
            }
        }
    };
}

formats! {
    /// What `pyramid questions` writes.
    QuestionsFormat for Bank:
        Table => table::TableExporter,
        Yaml => yaml::YamlExporter,
        Json => json::JsonExporter,
}

formats! {
    /// What `pyramid score` writes.
    ScoresFormat for ScoresDocument<'_>:
        Table => table::TableExporter,
        Markdown => markdown::MarkdownExporter,
        Csv => csv::CsvExporter,
        Json => json::JsonExporter,
}

formats! {
    /// What `pyramid compare` writes.
    ComparisonFormat for ComparisonDocument<'_>:
        Table => table::TableExporter,
        Markdown => markdown::MarkdownExporter,
        Csv => csv::CsvExporter,
        Json => json::JsonExporter,
}

formats! {
    /// What `pyramid report` writes.
    ReportFormat for ReportDocument<'_>:
        Html => html::HtmlExporter,
}

pub use grids::{Grid, comparison_grid, moved_grid, respondents_grid, summary_grid};
pub use notes::{SummaryNotes, TargetNotes, comparison_notes, summary_notes, target_notes};
pub(crate) use questions::questions_document;
