//! Markdown: tables and lists to paste into a report or a wiki.

use super::{
    Exporter, Grid, comparison_grid, comparison_notes, moved_grid, respondents_grid, summary_grid,
    summary_notes,
};
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::messages::words;
use anyhow::Result;
use std::io::Write;

pub struct MarkdownExporter;

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

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("\n**{}**\n\n", escape(title)));
    for item in items {
        out.push_str(&format!("- {}\n", escape(item)));
    }
}

fn target_lists(out: &mut String, subject: &str, notes: &super::TargetNotes, lang: Lang) {
    let w = words(lang);
    list(out, &format!("{} · {subject}", w.target), &notes.gaps);
    list(out, w.moves, &notes.moves);
    list(out, &notes.advice_title, &notes.advice);
}

impl Exporter for MarkdownExporter {
    fn scores(&self, report: &ScoresDocument, lang: Lang, sink: &mut dyn Write) -> Result<()> {
        let w = words(lang);
        let mut out = String::new();
        if let Some(grid) = respondents_grid(report, lang) {
            table(sink, &grid)?;
            out.push_str(&format!("\n{}\n", w.cell_legend));
        }
        if let (Some(plans), Some(respondents)) = (report.plans, report.respondents) {
            for (plan, scored) in plans.iter().zip(respondents) {
                target_lists(
                    &mut out,
                    &scored.respondent,
                    &super::target_notes(report.bank, plan, lang),
                    lang,
                );
            }
        }
        if let (Some(grid), Some(notes)) = (summary_grid(report, lang), summary_notes(report, lang))
        {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("### {}\n\n", escape(&notes.heading)));
            out.push_str(&to_text(&grid)?);
            list(&mut out, w.distribution, &notes.distribution);
            list(&mut out, w.disagreement, &notes.disagreement);
            list(&mut out, w.why, &notes.why);
        }
        if let Some(plan) = report.team_plan {
            target_lists(
                &mut out,
                w.team_stage,
                &super::target_notes(report.bank, plan, lang),
                lang,
            );
        }
        sink.write_all(out.as_bytes())?;
        Ok(())
    }

    fn comparison(
        &self,
        report: &ComparisonDocument,
        lang: Lang,
        sink: &mut dyn Write,
    ) -> Result<()> {
        let w = words(lang);
        let mut out = format!(
            "### {} → {}\n\n",
            escape(report.old_name),
            escape(report.new_name)
        );
        out.push_str(&to_text(&comparison_grid(report, lang))?);
        out.push_str(&format!("\n{}\n\n", w.cell_legend));
        for line in comparison_notes(report, lang) {
            out.push_str(&format!("{}\n", escape(&line)));
        }
        if let Some(grid) = moved_grid(report, lang) {
            out.push_str(&format!("\n**{}**\n\n", escape(w.moved)));
            out.push_str(&to_text(&grid)?);
        }
        if let Some(plan) = report.plan {
            target_lists(
                &mut out,
                report.new_name,
                &super::target_notes(report.bank, plan, lang),
                lang,
            );
        }
        sink.write_all(out.as_bytes())?;
        Ok(())
    }
}

/// A small grid as Markdown text.
fn to_text(grid: &Grid) -> Result<String> {
    let mut text = Vec::new();
    table(&mut text, grid)?;
    Ok(String::from_utf8(text)?)
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
