//! The documents for people as a sequence of titles, grids, legends,
//! lines and lists, walked once here and drawn by a markup format: the
//! terminal table (`table.rs`) or Markdown (`markdown.rs`).

use super::{
    Grid, TargetNotes, comparison_grid, comparison_notes, moved_grid, respondents_grid,
    summary_grid, summary_notes, target_notes,
};
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::messages::words;
use anyhow::Result;
use std::io::Write;

/// How one markup format draws each piece. Every method makes the input
/// text it is given safe for its format.
pub trait Markup {
    /// The title of a document or a part: `### …` in Markdown.
    fn title(&self, out: &mut dyn Write, text: &str) -> Result<()>;
    /// The title of a list or a second table: `**…**` in Markdown.
    fn subheading(&self, out: &mut dyn Write, text: &str) -> Result<()>;
    /// A table, written a row at a time.
    fn grid<R>(&self, out: &mut dyn Write, grid: &Grid<R>) -> Result<()>
    where
        R: IntoIterator<Item = Vec<String>> + Clone;
    /// The line under a table that says how to read its cells.
    fn legend(&self, out: &mut dyn Write, text: &str) -> Result<()>;
    /// Where a run of sentences starts after a legend.
    fn paragraph_break(&self, out: &mut dyn Write) -> Result<()>;
    /// A sentence on a line of its own.
    fn line(&self, out: &mut dyn Write, text: &str) -> Result<()>;
    /// A list entry.
    fn item(&self, out: &mut dyn Write, text: &str) -> Result<()>;

    /// A titled list; nothing when it is empty.
    fn list(&self, out: &mut dyn Write, title: &str, items: &[String]) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        self.subheading(out, title)?;
        items.iter().try_for_each(|item| self.item(out, item))
    }
}

/// A target plan: the gaps, the answers to move first, the advice.
fn target<M: Markup>(
    markup: &M,
    out: &mut dyn Write,
    subject: &str,
    notes: &TargetNotes,
    lang: Lang,
) -> Result<()> {
    let w = words(lang);
    markup.list(out, &format!("{} · {subject}", w.target), &notes.gaps)?;
    markup.list(out, w.moves, &notes.moves)?;
    markup.list(out, &notes.advice_title, &notes.advice)
}

/// Scored respondents, their target plans, and the team summary.
pub fn scores<M: Markup>(
    markup: &M,
    document: &ScoresDocument,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    if document.respondents.is_none()
        && let Some(streamed) = document.streamed
    {
        // A table is laid out from all its rows: keep them after all.
        let (mut respondents, mut plans) = (Vec::new(), Vec::new());
        streamed.each(&mut |scored, plan| {
            respondents.push(scored.clone());
            plans.extend(plan.cloned());
            Ok(())
        })?;
        let kept = ScoresDocument {
            respondents: Some(&respondents),
            streamed: None,
            spooled: None,
            plans: (plans.len() == respondents.len() && !plans.is_empty()).then_some(&plans),
            ..*document
        };
        return scores(markup, &kept, lang, out);
    }
    let w = words(lang);
    let bank = document.bank;
    let rows = respondents_grid(document, lang);
    if let Some(grid) = &rows {
        markup.grid(out, grid)?;
        markup.legend(out, w.cell_legend)?;
    }
    if let (Some(plans), Some(respondents)) = (document.plans, document.respondents) {
        for (plan, scored) in plans.iter().zip(respondents) {
            let notes = target_notes(bank, plan, lang);
            target(markup, out, &scored.respondent, &notes, lang)?;
        }
    }
    if let (Some(grid), Some(notes)) = (summary_grid(document, lang), summary_notes(document, lang))
    {
        if rows.is_some() {
            out.write_all(b"\n")?;
        }
        markup.title(out, &notes.heading)?;
        markup.grid(out, &grid)?;
        markup.list(out, w.distribution, &notes.distribution)?;
        markup.list(out, w.disagreement, &notes.disagreement)?;
        markup.list(out, w.why, &notes.why)?;
    }
    if let Some(plan) = document.team_plan {
        let notes = target_notes(bank, plan, lang);
        target(markup, out, w.team_stage, &notes, lang)?;
    }
    Ok(())
}

/// What moved between two assessments, and the plan for the new one.
pub fn comparison<M: Markup>(
    markup: &M,
    document: &ComparisonDocument,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let w = words(lang);
    markup.title(
        out,
        &format!("{} → {}", document.old_name, document.new_name),
    )?;
    markup.grid(out, &comparison_grid(document, lang))?;
    markup.legend(out, w.cell_legend)?;
    markup.paragraph_break(out)?;
    for line in comparison_notes(document, lang) {
        markup.line(out, &line)?;
    }
    if let Some(grid) = moved_grid(document, lang) {
        markup.subheading(out, w.moved)?;
        markup.grid(out, &grid)?;
    }
    if let Some(plan) = document.plan {
        let notes = target_notes(document.bank, plan, lang);
        target(markup, out, document.new_name, &notes, lang)?;
    }
    Ok(())
}
