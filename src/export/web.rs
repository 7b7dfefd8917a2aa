//! The scores document as an HTML fragment for the web pages: the same
//! tables and lists as the terminal table and Markdown (drawn by
//! `markup.rs`), as `<table>`, `<h2>` and `<ul>`. Every text is escaped.

use super::markup::{self, Markup};
use super::{Grid, Writes};
use crate::documents::ScoresDocument;
use crate::lang::Lang;
use crate::visible::visible;
use anyhow::Result;
use maud::html;
use std::io::Write;

pub struct WebExporter;

impl super::FromStyle for WebExporter {
    fn from_style(_style: super::TextStyle) -> WebExporter {
        WebExporter
    }
}

impl Writes<ScoresDocument<'_>> for WebExporter {
    fn write(&self, document: &ScoresDocument, lang: Lang, out: &mut dyn Write) -> Result<()> {
        markup::scores(self, document, lang, out)
    }
}

/// Whether a cell is a number (`54`, `54 · 2`, `50,0`): set right.
fn numeric(cell: &str) -> bool {
    cell.starts_with(|c: char| c.is_ascii_digit())
}

fn write(out: &mut dyn Write, fragment: maud::Markup) -> Result<()> {
    out.write_all(fragment.into_string().as_bytes())?;
    Ok(out.write_all(b"\n")?)
}

impl Markup for WebExporter {
    fn title(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        write(out, html! { h2 { (visible(text)) } })
    }

    fn subheading(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        write(out, html! { h3 { (visible(text)) } })
    }

    /// A table in a region of its own that scrolls sideways on a narrow
    /// screen (the page itself does not).
    fn grid<R>(&self, out: &mut dyn Write, grid: &Grid<R>) -> Result<()>
    where
        R: IntoIterator<Item = Vec<String>> + Clone,
    {
        let label = grid.header.first().map(String::as_str).unwrap_or_default();
        write(
            out,
            html! {
                div.wide role="region" aria-label=(visible(label)) tabindex="0" {
                    table {
                        thead { tr { @for cell in &grid.header { th scope="col" { (visible(cell)) } } } }
                        tbody {
                            @for row in grid.rows.clone() {
                                tr {
                                    @for (n, cell) in row.iter().enumerate() {
                                        @if n == 0 {
                                            th scope="row" { (visible(cell)) }
                                        } @else {
                                            td.number[numeric(cell)] { (visible(cell)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
        )
    }

    fn legend(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        write(out, html! { p.legend { (visible(text)) } })
    }

    fn paragraph_break(&self, _out: &mut dyn Write) -> Result<()> {
        Ok(())
    }

    fn line(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        write(out, html! { p { (visible(text)) } })
    }

    fn item(&self, out: &mut dyn Write, text: &str) -> Result<()> {
        write(out, html! { ul { li { (visible(text)) } } })
    }

    fn list(&self, out: &mut dyn Write, title: &str, items: &[String]) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        self.subheading(out, title)?;
        write(
            out,
            html! { ul { @for item in items { li { (visible(item)) } } } },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped_and_numbers_set_right() {
        let grid = Grid {
            header: vec!["Respondent".to_string(), "Strategy".to_string()],
            rows: vec![vec!["<b>An</b>\u{1b}[2J".to_string(), "54 · 2".to_string()]],
        };
        let mut out = Vec::new();
        WebExporter.grid(&mut out, &grid).expect("written");
        let html = String::from_utf8(out).expect("UTF-8");
        assert!(
            html.contains("<th scope=\"row\">&lt;b&gt;An&lt;/b&gt;"),
            "{html}"
        );
        assert!(!html.contains('\u{1b}'), "{html}");
        assert!(html.contains("<td class=\"number\">54 · 2</td>"), "{html}");
    }
}
