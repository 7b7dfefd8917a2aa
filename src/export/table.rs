//! Tables for people, drawn with comfy-table.

use super::Writes;
use super::markup::{self, Markup};
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::messages::words;
use crate::model::bank::Bank;
use crate::visible::{shorten, visible};
use anyhow::Result;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use std::io::Write;

/// The most characters a table cell shows: a longer name is cut before the
/// table is laid out, which costs time with the square of a word's length.
pub const CELL_CHARS: usize = 100;
/// The most characters of one line of a section (advice, moves, notes).
const LINE_CHARS: usize = 2_000;
/// The most characters of a title: two names and an arrow.
const TITLE_CHARS: usize = 2 * CELL_CHARS + 3;

/// Narrower than this, a table is written as a list: a grid would break
/// its lines and be unreadable.
pub const LIST_BELOW: u16 = 60;

/// How a table is drawn: its width and whether it may use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextStyle {
    pub width: u16,
    pub color: bool,
    /// Whether it goes to a terminal, where a format that writes values as
    /// given (CSV, JSON, YAML) has their hazards written out.
    pub terminal: bool,
}

pub struct TableExporter {
    pub style: TextStyle,
}

impl super::FromStyle for TableExporter {
    fn from_style(style: super::TextStyle) -> TableExporter {
        TableExporter { style }
    }
}

/// An empty table in the house style.
pub fn new_table(style: TextStyle) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    table
}

impl Writes<Bank> for TableExporter {
    fn write(&self, bank: &Bank, lang: Lang, out: &mut dyn Write) -> Result<()> {
        let w = words(lang);
        let pillar = crate::messages::pillar_words(lang, bank.pillar_term).title;
        let header = ["#", pillar, w.question_columns].map(String::from);
        let mut rows = Vec::new();
        for (n, question) in bank.questions.iter().enumerate() {
            let pillar = bank
                .pillar_position(&question.pillar)
                .map_or(question.pillar.as_str(), |p| bank.pillars[p].name.get(lang));
            let mut cell = format!("{}\n{}\n", question.id, question.text.get(lang));
            for option in &question.options {
                cell.push_str(&format!(
                    "\n{} · {} · {}",
                    option.key,
                    option.level,
                    option.label.get(lang)
                ));
            }
            if question.dont_know {
                cell.push_str(&format!(
                    "\n{} · – · {}",
                    crate::model::bank::DONT_KNOW_KEY,
                    bank.dont_know.get(lang)
                ));
            }
            rows.push(vec![(n + 1).to_string(), pillar.to_string(), cell]);
        }
        if self.style.width < LIST_BELOW {
            for row in &rows {
                out.write_all(entry(&header, row, self.style.width).as_bytes())?;
            }
            return Ok(());
        }
        let mut table = new_table(self.style);
        table.set_header(header.to_vec());
        for row in rows {
            table.add_row(row);
        }
        writeln!(out, "{table}")?;
        Ok(())
    }
}

impl<'a> Writes<ScoresDocument<'a>> for TableExporter {
    fn write(
        &self,
        document: &crate::documents::ScoresDocument,
        lang: Lang,
        out: &mut dyn Write,
    ) -> Result<()> {
        markup::scores(self, document, lang, out)
    }
}

impl<'a> Writes<ComparisonDocument<'a>> for TableExporter {
    fn write(
        &self,
        document: &crate::documents::ComparisonDocument,
        lang: Lang,
        out: &mut dyn Write,
    ) -> Result<()> {
        markup::comparison(self, document, lang, out)
    }
}

impl Markup for TableExporter {
    fn title(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(writeln!(out, "{}", visible(&shorten(text, TITLE_CHARS)))?)
    }

    fn subheading(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(write!(out, "\n{}\n", visible(&shorten(text, TITLE_CHARS)))?)
    }

    fn grid<R>(&self, out: &mut dyn Write, grid: &super::Grid<R>) -> Result<()>
    where
        R: IntoIterator<Item = Vec<String>> + Clone,
    {
        draw_to(out, grid, self.style)
    }

    fn legend(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(writeln!(out, "{text}")?)
    }

    fn paragraph_break(&self, _out: &mut dyn Write) -> Result<()> {
        Ok(())
    }

    fn line(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        Ok(writeln!(out, "{}", visible(&shorten(text, LINE_CHARS)))?)
    }

    /// A bullet, wrapped to the table's width.
    fn item(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        let options = textwrap::Options::new(usize::from(self.style.width))
            .initial_indent("  • ")
            .subsequent_indent("    ");
        let text = visible(&shorten(text, LINE_CHARS)).into_owned();
        Ok(writeln!(out, "{}", textwrap::fill(&text, options))?)
    }
}

/// Rows laid out at once. A longer table (a million respondents) is drawn
/// in blocks of this many rows, each with the first block's column widths,
/// so that memory holds one block, not the whole table.
const BLOCK_ROWS: usize = 1_000;

/// One block of a grid as a comfy-table: number-like cells right-aligned,
/// every cell written out and cut to `CELL_CHARS`; with `widths`, each
/// column exactly that wide.
fn block(
    header: Option<&[String]>,
    rows: &[Vec<String>],
    style: TextStyle,
    widths: Option<&[u16]>,
) -> Table {
    let mut table = new_table(style);
    if let Some(header) = header {
        table.set_header(header.to_vec());
    }
    for row in rows {
        table.add_row(row.iter().map(|cell| {
            let numeric = cell
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '·' | ' ' | '–'));
            let alignment = if numeric {
                comfy_table::CellAlignment::Right
            } else {
                comfy_table::CellAlignment::Left
            };
            comfy_table::Cell::new(visible(&shorten(cell, CELL_CHARS))).set_alignment(alignment)
        }));
    }
    if let Some(widths) = widths {
        table.set_constraints(
            widths
                .iter()
                .map(|&w| comfy_table::ColumnConstraint::Absolute(comfy_table::Width::Fixed(w))),
        );
    }
    table
}

/// One row as an entry of a list: the first cell on a line of its own, then
/// each other cell under its column's header, wrapped to `width`; a blank
/// line after. Cells are written out, not cut.
fn entry(header: &[String], row: &[String], width: u16) -> String {
    let width = usize::from(width.max(20));
    let mut text = String::new();
    let mut cells = row.iter().map(|cell| visible(cell).into_owned());
    if let Some(first) = cells.next() {
        text.push_str(&textwrap::fill(&first, width));
        text.push('\n');
    }
    for (heading, cell) in header.iter().skip(1).zip(cells) {
        if cell.trim().is_empty() {
            continue;
        }
        let line = match heading.trim() {
            "" => cell,
            heading => format!("{}: {cell}", visible(heading)),
        };
        let options = textwrap::Options::new(width)
            .initial_indent("  ")
            .subsequent_indent("    ");
        for part in line.split('\n') {
            text.push_str(&textwrap::fill(part, options.clone()));
            text.push('\n');
        }
    }
    text.push('\n');
    text
}

/// A grid as text: a table, or below `LIST_BELOW` columns a list.
pub fn render(grid: &super::Grid, style: TextStyle) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = draw_to(&mut out, grid, style);
    String::from_utf8_lossy(&out).into_owned()
}

/// Draws a grid of any length to `out`, a block of rows at a time, or
/// below `LIST_BELOW` columns as a list, a row at a time.
fn draw_to<R>(out: &mut dyn Write, grid: &super::Grid<R>, style: TextStyle) -> Result<()>
where
    R: IntoIterator<Item = Vec<String>> + Clone,
{
    if style.width < LIST_BELOW {
        for row in grid.rows.clone() {
            let row: Vec<String> = row
                .iter()
                .map(|cell| shorten(cell, CELL_CHARS).into_owned())
                .collect();
            out.write_all(entry(&grid.header, &row, style.width).as_bytes())?;
        }
        return Ok(());
    }
    let mut rows = grid.rows.clone().into_iter();
    let first: Vec<Vec<String>> = rows.by_ref().take(BLOCK_ROWS).collect();
    let text = block(Some(&grid.header), &first, style, None).to_string();
    let mut next: Vec<Vec<String>> = rows.by_ref().take(BLOCK_ROWS).collect();
    if next.is_empty() {
        writeln!(out, "{text}")?;
        return Ok(());
    }
    // The widths of the first block, read off its top border `┌──┬──┐`.
    let widths: Vec<u16> = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches('┌')
        .trim_end_matches('┐')
        .split('┬')
        .map(|segment| u16::try_from(segment.chars().count()).unwrap_or(u16::MAX))
        .collect();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.pop(); // the bottom border: more rows follow
    for line in lines {
        writeln!(out, "{line}")?;
    }
    while !next.is_empty() {
        let current = std::mem::take(&mut next);
        next = rows.by_ref().take(BLOCK_ROWS).collect();
        let text = block(None, &current, style, Some(&widths)).to_string();
        let mut lines: Vec<&str> = text.lines().skip(1).collect(); // no top border
        if !next.is_empty() {
            lines.pop();
        }
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_sixty_columns_a_grid_is_a_list_that_fits() {
        let grid = super::super::Grid {
            header: ["Respondent", "Strategy", "Overall", ""]
                .map(String::from)
                .to_vec(),
            rows: vec![
                ["An Peeters", "50 · 2", "54 · 2", "█████░░░░░"]
                    .map(String::from)
                    .to_vec(),
                ["Jan De Smet", "83 · 3", "54 · 3", ""]
                    .map(String::from)
                    .to_vec(),
            ],
        };
        let narrow = TextStyle {
            width: 40,
            color: false,
            terminal: false,
        };
        assert_eq!(
            render(&grid, narrow),
            "An Peeters\n  Strategy: 50 · 2\n  Overall: 54 · 2\n  █████░░░░░\n\n\
             Jan De Smet\n  Strategy: 83 · 3\n  Overall: 54 · 3\n\n"
        );
        let wide = TextStyle {
            width: LIST_BELOW,
            color: false,
            terminal: false,
        };
        assert!(render(&grid, wide).starts_with('┌'));
    }

    #[test]
    fn a_long_table_drawn_in_blocks_is_the_table_drawn_at_once() {
        let header = vec!["Respondent".to_string(), "Score".to_string()];
        let rows: Vec<Vec<String>> = (0..2 * BLOCK_ROWS + 345)
            .map(|n| vec![format!("r{n}"), format!("{} · 2", n % 100)])
            .collect();
        let style = TextStyle {
            width: 80,
            color: false,
            terminal: false,
        };
        let mut blocks = Vec::new();
        draw_to(
            &mut blocks,
            &super::super::Grid {
                header: header.clone(),
                rows: rows.clone(),
            },
            style,
        )
        .expect("drawn");
        let at_once = format!("{}\n", block(Some(&header), &rows, style, None));
        assert_eq!(String::from_utf8(blocks).expect("UTF-8"), at_once);
    }
}
