//! Tables for people, drawn with comfy-table.

use super::Exporter;
use crate::bank::Bank;
use crate::lang::Lang;
use crate::messages::words;
use anyhow::Result;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

/// How a table is drawn: its width and whether it may use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub width: u16,
    pub color: bool,
}

pub struct TableExporter {
    pub style: Layout,
}

/// An empty table in the house style.
pub fn new_table(style: Layout) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if !style.color {
        table.force_no_tty();
    }
    table
}

impl Exporter for TableExporter {
    fn questions(&self, bank: &Bank, lang: Lang) -> Result<String> {
        let w = words(lang);
        let mut table = new_table(self.style);
        table.set_header(vec!["#", w.pillar, w.question_columns]);
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
                    crate::bank::DONT_KNOW_KEY,
                    bank.dont_know.get(lang)
                ));
            }
            table.add_row(vec![(n + 1).to_string(), pillar.to_string(), cell]);
        }
        Ok(format!("{table}\n"))
    }
}
