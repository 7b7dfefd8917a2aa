//! Markdown: tables and lists to paste into a report or a wiki.

use super::markup::{self, Markup};
use super::{Grid, Writes};
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use anyhow::Result;
use std::io::Write;

pub struct MarkdownExporter;

impl super::FromStyle for MarkdownExporter {
    fn from_style(_style: super::TextStyle) -> MarkdownExporter {
        MarkdownExporter
    }
}

/// A cell's text made inert: line breaks become spaces, other control
/// characters are written out, `&`, `<` and `>` become entities (no HTML
/// such as `<img onerror>`), and the characters of Markdown syntax are
/// backslash-escaped (no table break, emphasis or `[x](javascript:…)`
/// link).
pub fn escape(cell: &str) -> String {
    let flat = cell.replace("\r\n", " ").replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(flat.len());
    for c in crate::visible::visible(&flat).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '|' | '[' | ']' | '*' | '_' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes a grid as a Markdown table, one row at a time.
fn table<R>(out: &mut dyn Write, grid: &Grid<R>) -> Result<()>
where
    R: IntoIterator<Item = Vec<String>> + Clone,
{
    let line = |cells: &[String]| {
        let escaped: Vec<String> = cells.iter().map(|cell| escape(cell)).collect();
        format!("| {} |\n", escaped.join(" | "))
    };
    out.write_all(line(&grid.header).as_bytes())?;
    let rule: Vec<&str> = grid
        .header
        .iter()
        .enumerate()
        .map(|(n, _)| if n == 0 { ":---" } else { "---:" })
        .collect();
    writeln!(out, "| {} |", rule.join(" | "))?;
    for row in grid.rows.clone() {
        out.write_all(line(&row).as_bytes())?;
    }
    Ok(())
}

impl Markup for MarkdownExporter {
    fn title(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(write!(out, "### {}\n\n", escape(text))?)
    }

    fn subheading(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(write!(out, "\n**{}**\n\n", escape(text))?)
    }

    fn grid<R>(&self, out: &mut dyn Write, grid: &Grid<R>) -> Result<()>
    where
        R: IntoIterator<Item = Vec<String>> + Clone,
    {
        table(out, grid)
    }

    fn legend(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(write!(out, "\n{}\n", escape(text))?)
    }

    fn paragraph_break(&self, out: &mut dyn Write) -> Result<()> {
        Ok(out.write_all(b"\n")?)
    }

    fn line(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(writeln!(out, "{}", escape(text))?)
    }

    fn item(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(writeln!(out, "- {}", escape(text))?)
    }
}

impl<'a> Writes<ScoresDocument<'a>> for MarkdownExporter {
    fn write(&self, document: &ScoresDocument<'a>, lang: Lang, out: &mut dyn Write) -> Result<()> {
        markup::scores(self, document, lang, out)
    }
}

impl<'a> Writes<ComparisonDocument<'a>> for MarkdownExporter {
    fn write(
        &self,
        document: &ComparisonDocument<'a>,
        lang: Lang,
        out: &mut dyn Write,
    ) -> Result<()> {
        markup::comparison(self, document, lang, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_line_breaks_cannot_break_a_table() {
        assert_eq!(escape("a|b\nc\r\nd"), "a\\|b c d");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
    }

    #[test]
    fn html_links_and_escape_sequences_stay_text() {
        let cell = escape("<img src=x onerror=alert(1)>[x](javascript:alert(1))\x1b[2J");
        assert!(!cell.contains('<') && !cell.contains('\x1b'));
        assert_eq!(
            cell,
            "&lt;img src=x onerror=alert(1)&gt;\\[x\\](javascript:alert(1))\\\\x1b\\[2J"
        );
    }
}
