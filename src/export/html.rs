//! The HTML report: one self-contained file (inline CSS and SVG, no
//! scripts, no external assets) that prints on A4. It is well-formed XHTML,
//! so it can be checked with an XML parser. All input text is escaped.

use super::svg::{self, Outline, escape};
use super::{Writes, comparison_notes, moved_grid, summary_notes};
use crate::documents::{ComparisonDocument, ReportDocument};
use crate::lang::Lang;
use crate::messages::{self, words};
use crate::model::advice::guidance;
use crate::model::explain::explain;
use anyhow::Result;
use std::fmt::Write;

pub struct HtmlExporter;

impl super::FromStyle for HtmlExporter {
    fn from_style(_style: super::TextStyle) -> HtmlExporter {
        HtmlExporter
    }
}

const STYLE: &str = "
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; color: #1d2433; max-width: 190mm; margin: 0 auto; padding: 16px; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 20pt; margin: 0; color: #123c69; }
h2 { font-size: 13pt; margin: 18px 0 6px; color: #123c69; border-bottom: 1px solid #d5dbe5; padding-bottom: 3px; }
h3 { font-size: 11pt; margin: 10px 0 2px; }
.subject { color: #5a6477; margin: 2px 0 10px; }
.stage-card { background: #eef3fa; border-left: 6px solid #1f6fb2; padding: 10px 14px; border-radius: 4px; }
.stage-card h2 { border: 0; margin: 0 0 4px; font-size: 15pt; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; break-inside: avoid; }
.charts svg.pyramid { width: 56%; }
.charts svg.radar { width: 42%; }
svg text { font-size: 18px; fill: #1d2433; }
svg.radar text { font-size: 20px; }
svg .stage { fill: #f1f3f7; stroke: #9aa6b8; }
svg .stage.reached { fill: #b9d3ee; }
svg .stage.here { fill: #1f6fb2; }
svg text.level { font-weight: bold; }
svg text.name.here { font-weight: bold; fill: #1f6fb2; }
svg .ring { fill: none; stroke: #d5dbe5; }
svg .axis { stroke: #b8c2d1; }
svg .score { fill: rgba(31, 111, 178, 0.35); stroke: #1f6fb2; stroke-width: 2; }
svg .previous { fill: none; stroke: #8a94a6; stroke-width: 2; stroke-dasharray: 5 4; }
svg .band-max { fill: rgba(240, 160, 40, 0.18); stroke: #e0a030; stroke-width: 1; }
svg .target { fill: none; stroke: #2e8b57; stroke-width: 2.5; stroke-dasharray: 9 4; }
svg .band-min { fill: #ffffff; stroke: #e0a030; stroke-width: 1; stroke-dasharray: 2 3; }
.legend { font-size: 9pt; color: #5a6477; margin: 0; }
.legend span { display: inline-block; width: 14px; height: 8px; margin: 0 4px 0 10px; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; break-inside: avoid; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #e3e7ee; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.bar { background: #e9edf3; height: 10px; width: 120px; border-radius: 5px; overflow: hidden; }
.bar div { background: #1f6fb2; height: 10px; }
.focus { background: #fff7e6; border-left: 6px solid #e0a030; padding: 8px 14px; border-radius: 4px; break-inside: avoid; }
.focus h2 { border: 0; margin-top: 4px; }
.advice { break-inside: avoid; }
ul, ol { margin: 4px 0; padding-left: 20px; }
footer { margin-top: 18px; font-size: 8.5pt; color: #8a94a6; }
";

impl<'a> Writes<ReportDocument<'a>> for HtmlExporter {
    fn write(
        &self,
        report: &ReportDocument<'a>,
        lang: Lang,
        out: &mut dyn std::io::Write,
    ) -> Result<()> {
        std::io::Write::write_all(out, document(report, lang).as_bytes())?;
        Ok(())
    }
}

fn document(report: &ReportDocument, lang: Lang) -> String {
    let bank = report.bank;
    let w = words(lang);
    let a = report.assessment;
    let title = format!("{} · {}", bank.title.get(lang), w.result);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{}\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>{}</title><style>{STYLE}</style></head><body>",
        lang.code(),
        escape(&format!("{title} · {}", report.subject))
    );
    let _ = write!(
        html,
        "<header><h1>{}</h1><p class=\"subject\">{}</p></header>",
        escape(&title),
        escape(&report.subject)
    );

    // The stage reached.
    match a.stage.and_then(|level| Some((level, bank.stage(level)?))) {
        Some((level, stage)) => {
            let heading =
                messages::stage_heading(lang, level, bank.stage_count(), stage.name.get(lang));
            let _ = write!(
                html,
                "<section class=\"stage-card\"><h2>{}</h2><p>{}</p></section>",
                escape(&heading),
                escape(stage.description.get(lang))
            );
        }
        None => {
            let _ = write!(
                html,
                "<section class=\"stage-card\"><h2>{}</h2></section>",
                escape(w.no_stage)
            );
        }
    }

    // The pyramid and the radar.
    let names: Vec<String> = bank
        .stages
        .iter()
        .map(|s| s.name.get(lang).to_string())
        .collect();
    let labels: Vec<String> = bank
        .pillars
        .iter()
        .map(|p| p.name.get(lang).to_string())
        .collect();
    let rings: Vec<(u8, String)> = bank
        .stages
        .iter()
        .filter(|s| s.min_score > 0)
        .map(|s| (s.min_score, s.name.get(lang).to_string()))
        .chain([(100, String::new())])
        .collect();
    let as_f64 = |scores: Vec<Option<u8>>| scores.into_iter().map(|s| s.map(f64::from)).collect();
    let mut outlines = Vec::new();
    if let Some(summary) = report.summary {
        let max = summary
            .pillars
            .iter()
            .map(|s| s.as_ref().map(|s| f64::from(s.max)))
            .collect();
        let min = summary
            .pillars
            .iter()
            .map(|s| s.as_ref().map(|s| f64::from(s.min)))
            .collect();
        outlines.push(Outline {
            class: "band-max",
            scores: max,
        });
        outlines.push(Outline {
            class: "band-min",
            scores: min,
        });
    }
    if let Some(previous) = report.previous {
        outlines.push(Outline {
            class: "previous",
            scores: as_f64(previous.pillars.iter().map(|p| p.score).collect()),
        });
    }
    if let Some((target, _)) = report.target {
        // The target stage's threshold on each pillar with a target.
        let scores = target
            .pillars
            .iter()
            .map(|level| {
                level
                    .and_then(|l| bank.stage(l))
                    .map(|s| f64::from(s.min_score))
            })
            .collect();
        outlines.push(Outline {
            class: "target",
            scores,
        });
    }
    outlines.push(Outline {
        class: "score",
        scores: as_f64(a.pillars.iter().map(|p| p.score).collect()),
    });
    let _ = write!(
        html,
        "<section class=\"charts\">{}{}</section>",
        svg::pyramid(
            &names,
            a.stage,
            w.you_are_here.trim_start_matches('◀').trim()
        ),
        svg::radar(&labels, &rings, &outlines, w.score)
    );
    let min_max = format!("{}–{}", w.min, w.max);
    let swatches = [
        (true, "background:#1f6fb2", w.score),
        (
            report.previous.is_some(),
            "border-top:2px dashed #8a94a6",
            w.before,
        ),
        (
            report.summary.is_some(),
            "background:#f6d9a8",
            min_max.as_str(),
        ),
        (
            report.target.is_some(),
            "border-top:3px dashed #2e8b57",
            w.target,
        ),
    ];
    let legend: String = swatches
        .iter()
        .filter(|(shown, _, _)| *shown)
        .map(|(_, style, label)| format!("<span style=\"{style}\"></span>{}", escape(label)))
        .collect();
    let _ = write!(html, "<p class=\"legend\">{legend}</p>");

    // The pillar table.
    let _ = write!(
        html,
        "<table class=\"pillars\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th>",
        escape(messages::pillar_words(lang, bank.pillar_term).title),
        escape(w.score),
        escape(w.stage)
    );
    if report.previous.is_some() {
        let _ = write!(
            html,
            "<th>{}</th><th>{}</th>",
            escape(w.before),
            escape(w.change)
        );
    }
    if report.summary.is_some() {
        let _ = write!(
            html,
            "<th>{}–{}</th><th>{}</th>",
            escape(w.min),
            escape(w.max),
            escape(w.spread)
        );
    }
    html.push_str("</tr></thead><tbody>");
    let stage_name = |stage: Option<u8>| match stage.and_then(|l| Some((l, bank.stage(l)?))) {
        Some((level, s)) => format!("{level} · {}", s.name.get(lang)),
        None => w.not_enough.to_string(),
    };
    for (n, pillar) in a.pillars.iter().enumerate() {
        let marker = if a.focus == Some(n) { "▶ " } else { "" };
        let compared = report
            .previous
            .zip(report.comparison)
            .map(|(previous, comparison)| {
                (previous.pillars[n].score, comparison.pillars[n].delta())
            });
        let row = Row {
            name: format!("{marker}{}", bank.pillars[n].name.get(lang)),
            score: pillar.score,
            stage: stage_name(pillar.stage),
            compared,
            spread: report.summary.map(|s| s.pillars[n].as_ref()),
        };
        row.write(&mut html, "td", lang);
    }
    let overall = Row {
        name: w.overall.to_string(),
        score: a.score,
        stage: stage_name(a.stage),
        compared: report
            .previous
            .zip(report.comparison)
            .map(|(previous, comparison)| (previous.score, comparison.overall.delta())),
        spread: report.summary.map(|s| s.overall.as_ref()),
    };
    overall.write(&mut html, "th", lang);
    html.push_str("</tbody></table>");

    // Why, and what changed.
    list(&mut html, w.why, &explain(bank, a, lang), "why");
    if let Some(comparison) = report.comparison {
        let compared = ComparisonDocument {
            bank,
            old_name: "",
            new_name: "",
            comparison,
            plan: None,
        };
        let mut lines = comparison_notes(&compared, lang);
        if let Some(grid) = moved_grid(&compared, lang) {
            lines.extend(
                grid.rows
                    .iter()
                    .map(|row| format!("{}: {} → {}", row[0], row[1], row[2])),
            );
        }
        list(&mut html, w.change, &lines, "changes");
    }

    // The target.
    if let Some((_, plan)) = report.target {
        let notes = super::target_notes(bank, plan, lang);
        list(&mut html, w.target, &notes.gaps, "target");
        list(&mut html, w.moves, &notes.moves, "moves");
    }

    // The team.
    if let Some(summary) = report.summary {
        let score_report = crate::documents::ScoresDocument {
            bank,
            respondents: None,
            summary: Some(summary),
            plans: None,
            team_plan: None,
        };
        if let Some(notes) = summary_notes(&score_report, lang) {
            list(
                &mut html,
                w.distribution,
                &notes.distribution,
                "distribution",
            );
            list(
                &mut html,
                w.disagreement,
                &notes.disagreement,
                "disagreement",
            );
        }
    }

    // Advice: the focus pillar's next steps first, then every pillar.
    let advice = guidance(bank, a);
    if let Some(focus) = advice.focus {
        let name = bank.pillars[focus.pillar].name.get(lang);
        let _ = write!(
            html,
            "<section class=\"focus\"><h2>▶ {}: {} · {}</h2><ol>",
            escape(w.focus),
            escape(name),
            escape(w.next_steps)
        );
        for step in &focus.advice.steps {
            let phase = step
                .phase
                .as_deref()
                .and_then(|id| bank.phase(id))
                .map(|p| format!("<strong>{}</strong> · ", escape(p.name.get(lang))))
                .unwrap_or_default();
            let _ = write!(html, "<li>{phase}{}</li>", escape(step.text.get(lang)));
        }
        html.push_str("</ol></section>");
    }
    if !advice.pillars.is_empty() {
        let _ = write!(
            html,
            "<h2>{}</h2>",
            escape(&messages::advice_per(lang, bank.pillar_term))
        );
        for pillar in &advice.pillars {
            let stage = bank.stage(pillar.stage).map_or("", |s| s.name.get(lang));
            let _ = write!(
                html,
                "<div class=\"advice\"><h3>{} · {} {}: {}</h3><p>{}</p></div>",
                escape(bank.pillars[pillar.pillar].name.get(lang)),
                escape(w.stage),
                pillar.stage,
                escape(stage),
                escape(pillar.advice.text.get(lang))
            );
        }
    }
    let _ = writeln!(
        html,
        "<footer>{}</footer></body></html>",
        escape(&format!("pyramid · {}", bank.title.get(lang)))
    );
    html
}

/// One row of the pillar table: the pillar (or overall), its score, stage
/// and bar, and where given the previous score with the change and the
/// team's min–max and spread.
struct Row<'a> {
    name: String,
    score: Option<u8>,
    stage: String,
    compared: Option<(Option<u8>, Option<i16>)>,
    spread: Option<Option<&'a crate::model::team::ScoreStats>>,
}

impl Row<'_> {
    /// Writes the row with `tag` cells (`td`, or `th` for the total).
    fn write(&self, html: &mut String, tag: &str, lang: Lang) {
        let number = |value: String| format!("<{tag} class=\"number\">{}</{tag}>", escape(&value));
        let dash = || "–".to_string();
        let _ = write!(
            html,
            "<tr><{tag}>{}</{tag}>{}<{tag}>{}</{tag}><{tag}><div class=\"bar\"><div style=\"width:{}%\"></div></div></{tag}>",
            escape(&self.name),
            number(self.score.map_or_else(dash, |s| s.to_string())),
            escape(&self.stage),
            self.score.unwrap_or(0)
        );
        if let Some((old, change)) = self.compared {
            html.push_str(&number(old.map_or_else(dash, |s| s.to_string())));
            html.push_str(&number(change.map_or_else(dash, messages::signed_change)));
        }
        if let Some(stats) = self.spread {
            html.push_str(&number(
                stats.map_or_else(dash, |s| format!("{}–{}", s.min, s.max)),
            ));
            html.push_str(&number(
                stats.map_or_else(dash, |s| messages::decimal(lang, s.spread, 1)),
            ));
        }
        html.push_str("</tr>");
    }
}

fn list(html: &mut String, title: &str, lines: &[String], class: &str) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(
        html,
        "<section class=\"{class}\"><h2>{}</h2><ul>",
        escape(title)
    );
    for line in lines {
        let _ = write!(html, "<li>{}</li>", escape(line));
    }
    html.push_str("</ul></section>");
}
