//! The result screen of the self-test: stage, pyramid picture, pillar
//! table, explanation, advice and the focus pillar's next steps.

use super::style::paint;
use crate::export::TextStyle;
use crate::export::target_notes;
use crate::lang::Lang;
use crate::messages::{self, words};
use crate::model::advice::guidance;
use crate::model::bank::Bank;
use crate::model::explain::explain;
use crate::model::scoring::Assessment;
use crate::model::target::Plan;
use dialoguer::console::Style;
use std::fmt::Write;

const BAR_CELLS: usize = 10;

/// Renders the whole result screen as text; with a target plan, its gaps,
/// the answers to move first and the advice.
pub fn render(
    bank: &Bank,
    assessment: &Assessment,
    plan: Option<&Plan>,
    lang: Lang,
    style: TextStyle,
) -> String {
    let w = words(lang);
    let width = usize::from(style.width);
    let bold = Style::new().bold();
    let mut out = String::new();
    let heading = |text: &str| paint(text, &bold, style.color);

    let _ = writeln!(
        out,
        "{}",
        heading(&format!("{} · {}", bank.title.get(lang), w.result))
    );
    match assessment
        .stage
        .and_then(|level| Some((level, bank.stage(level)?)))
    {
        Some((level, stage)) => {
            let title =
                messages::stage_heading(lang, level, bank.stage_count(), stage.name.get(lang));
            let _ = writeln!(
                out,
                "{}",
                paint(&title, &Style::new().bold().cyan(), style.color)
            );
            let _ = writeln!(
                out,
                "{}",
                textwrap::fill(stage.description.get(lang), width)
            );
        }
        None => {
            let _ = writeln!(out, "{}", w.no_stage);
        }
    }
    out.push('\n');
    out.push_str(&pyramid(bank, assessment.stage, lang, style.color));
    out.push('\n');
    out.push_str(&pillar_table(bank, assessment, lang, style));
    out.push('\n');

    let _ = writeln!(out, "{}", heading(w.why));
    for line in explain(bank, assessment, lang) {
        out.push_str(&bullet(&line, width));
    }

    let guidance = guidance(bank, assessment);
    if !guidance.pillars.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            heading(&messages::advice_per(lang, bank.pillar_term))
        );
        for (n, advice) in guidance.pillars.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let name = bank.pillars[advice.pillar].name.get(lang);
            let stage = bank.stage(advice.stage).map_or("", |s| s.name.get(lang));
            let _ = writeln!(
                out,
                "{}",
                paint(
                    &format!("{name} · {} {}: {stage}", w.stage, advice.stage),
                    &bold,
                    style.color
                )
            );
            let _ = writeln!(
                out,
                "{}",
                indented(advice.advice.text.get(lang), width, "  ", "  ")
            );
        }
    }
    if let Some(plan) = plan {
        let notes = target_notes(bank, plan, lang);
        for (title, lines) in [(w.target, &notes.gaps), (w.moves, &notes.moves)] {
            if !lines.is_empty() {
                let _ = writeln!(out, "\n{}", heading(title));
                for line in lines.iter() {
                    out.push_str(&bullet(line, width));
                }
            }
        }
    }
    if let Some(focus) = guidance.focus {
        let name = bank.pillars[focus.pillar].name.get(lang);
        let title = format!("{}: {name} · {}", w.focus, w.next_steps);
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                &format!("▶ {title}"),
                &Style::new().bold().yellow(),
                style.color
            )
        );
        for (n, step) in focus.advice.steps.iter().enumerate() {
            let phase = step
                .phase
                .as_deref()
                .and_then(|id| bank.phase(id))
                .map(|phase| format!("[{}] ", phase.name.get(lang)))
                .unwrap_or_default();
            let first = format!("  {}. ", n + 1);
            let _ = writeln!(
                out,
                "{}",
                indented(
                    &format!("{phase}{}", step.text.get(lang)),
                    width,
                    &first,
                    "     "
                )
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        paint(
            &summary_line(bank, assessment, lang),
            &Style::new().bold().cyan(),
            style.color
        )
    );
    out
}

/// The result in one line, last on the screen so that it is still in view
/// when the rest has scrolled away: `Stage 2/4: Consciously incompetent ·
/// Score 54 · Focus: Conversion`.
fn summary_line(bank: &Bank, assessment: &Assessment, lang: Lang) -> String {
    let w = words(lang);
    let stage = assessment
        .stage
        .and_then(|level| Some((level, bank.stage(level)?)))
        .map_or_else(
            || w.no_stage.to_string(),
            |(level, stage)| {
                messages::stage_heading(lang, level, bank.stage_count(), stage.name.get(lang))
            },
        );
    let mut line = stage;
    if let Some(score) = assessment.score {
        line.push_str(&format!(" · {} {score}", w.score));
    }
    if let Some(focus) = assessment.focus {
        line.push_str(&format!(
            " · {}: {}",
            w.focus,
            bank.pillars[focus].name.get(lang)
        ));
    }
    line
}

fn bullet(text: &str, width: usize) -> String {
    format!("{}\n", indented(text, width, "  • ", "    "))
}

fn indented(text: &str, width: usize, first: &str, rest: &str) -> String {
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::fill(text, options)
}

/// The pyramid, top stage on top, with the stages up to the reached one
/// filled and the reached one marked.
pub fn pyramid(bank: &Bank, reached: Option<u8>, lang: Lang, color: bool) -> String {
    let count = usize::from(bank.stage_count());
    let mut out = String::new();
    for row in 0..count {
        let level = count - row;
        let filled = reached.is_some_and(|reached| usize::from(reached) >= level);
        let fill = if filled { "▒" } else { " " };
        let side = fill.repeat(row);
        let shape = format!("{}/{side}{level}{side}\\", " ".repeat(2 + count - 1 - row));
        let picture_width = 2 + 2 * count + 3;
        let name = bank
            .stage(level as u8)
            .map_or("", |stage| stage.name.get(lang));
        let is_here = reached.is_some_and(|reached| usize::from(reached) == level);
        let mut line = format!("{shape:<picture_width$}{name}");
        if is_here {
            line = paint(
                &format!("{line}  {}", words(lang).you_are_here),
                &Style::new().bold().cyan(),
                color,
            );
        }
        let _ = writeln!(out, "{line}");
    }
    out
}

fn bar(score: u8) -> String {
    let filled = (usize::from(score) * BAR_CELLS + 50) / 100;
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_CELLS - filled))
}

fn pillar_table(bank: &Bank, assessment: &Assessment, lang: Lang, style: TextStyle) -> String {
    let w = words(lang);
    let pillar = messages::pillar_words(lang, bank.pillar_term).title;
    let header = [pillar, w.score, w.stage, ""].map(String::from).to_vec();
    let stage_cell =
        |stage: Option<u8>| match stage.and_then(|level| Some((level, bank.stage(level)?))) {
            Some((level, stage)) => format!("{level} · {}", stage.name.get(lang)),
            None => w.not_enough.to_string(),
        };
    let row = |name: String, score: Option<u8>, stage: Option<u8>| {
        vec![
            name,
            score.map_or("–".into(), |s| s.to_string()),
            stage_cell(stage),
            score.map_or(String::new(), bar),
        ]
    };
    let mut rows: Vec<Vec<String>> = assessment
        .pillars
        .iter()
        .enumerate()
        .map(|(n, pillar)| {
            // One line per pillar: the focus marked as in the focus
            // heading, "don't know" answers counted after the name.
            let marker = if assessment.focus == Some(n) {
                "▶ "
            } else {
                ""
            };
            let mut name = format!("{marker}{}", bank.pillars[n].name.get(lang));
            if pillar.dont_know > 0 {
                name = format!(
                    "{name} ({})",
                    messages::dont_know_count(lang, pillar.dont_know)
                );
            }
            row(name, pillar.score, pillar.stage)
        })
        .collect();
    rows.push(row(
        w.overall.to_string(),
        assessment.score,
        assessment.stage,
    ));
    crate::export::table::render(&crate::export::Grid { header, rows }, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    const PLAIN: TextStyle = TextStyle {
        width: 80,
        color: false,
        terminal: false,
    };

    #[test]
    fn bar_is_proportional() {
        assert_eq!(bar(0), "░░░░░░░░░░");
        assert_eq!(bar(50), "█████░░░░░");
        assert_eq!(bar(100), "██████████");
    }

    #[test]
    fn pyramid_marks_the_reached_stage_and_fills_below() {
        let bank = tiny_bank();
        let picture = pyramid(&bank, Some(2), Lang::EN, false);
        let lines: Vec<&str> = picture.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].contains("/4\\") && lines[0].ends_with("Four"));
        assert!(
            lines[2].contains("/▒▒2▒▒\\") && lines[2].ends_with("Two  ◀ you are here"),
            "{picture}"
        );
        assert!(lines[3].contains("/▒▒▒1▒▒▒\\"));
        assert!(!lines[1].contains('▒'));
    }

    #[test]
    fn result_fits_eighty_columns_and_names_stage_and_focus() {
        let bank = tiny_bank();
        let result = assess(&bank, &answers(&bank, &[3, 4, 1, 1, 3, 4, 3, 4]));
        let screen = render(&bank, &result, None, Lang::EN, PLAIN);
        for line in screen.lines() {
            assert!(
                textwrap::core::display_width(line) <= 80,
                "too wide: {line}"
            );
        }
        assert!(screen.contains("Stage 2/4: Two"), "{screen}");
        assert!(screen.contains("│ ▶ B "), "{screen}");
        assert!(screen.contains("▶ Focus: B · Next steps"), "{screen}");
        assert!(!screen.contains('\u{1b}'), "no escape codes without colour");
        let last = screen.lines().last().unwrap_or_default();
        let score = result.score.expect("a score");
        assert_eq!(last, format!("Stage 2/4: Two · Score {score} · Focus: B"));
    }
}
