//! The HTML report: one self-contained file (inline CSS and SVG, no
//! scripts, no external assets) that prints on A4. It is well-formed XHTML,
//! so it can be checked with an XML parser. All input text is escaped.

use super::svg::{self, Outline};
use super::{Writes, comparison_notes, moved_grid, summary_notes};
use crate::documents::{ComparisonDocument, ReportDocument};
use crate::lang::Lang;
use crate::messages::{self, words};
use crate::model::advice::guidance;
use crate::model::explain::explain;
use anyhow::Result;
use maud::{Markup, PreEscaped, html};

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
section.trend { break-inside: avoid; }
svg.trend { width: 100%; max-height: 90mm; }
svg .threshold { stroke: #c9d1dd; stroke-dasharray: 3 3; }
svg text.tick { font-size: 14px; fill: #5a6477; }
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
    let stage_reached = a.stage.and_then(|level| Some((level, bank.stage(level)?)));
    let stage_name = |stage: Option<u8>| match stage.and_then(|l| Some((l, bank.stage(l)?))) {
        Some((level, s)) => format!("{level} · {}", s.name.get(lang)),
        None => w.not_enough.to_string(),
    };
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
    let mut rows: Vec<Row> = a
        .pillars
        .iter()
        .enumerate()
        .map(|(n, pillar)| Row {
            name: format!(
                "{}{}",
                if a.focus == Some(n) { "▶ " } else { "" },
                bank.pillars[n].name.get(lang)
            ),
            score: pillar.score,
            stage: stage_name(pillar.stage),
            compared: report
                .previous
                .zip(report.comparison)
                .map(|(previous, comparison)| {
                    (previous.pillars[n].score, comparison.pillars[n].delta())
                }),
            spread: report.summary.map(|s| s.pillars[n].as_ref()),
            total: false,
        })
        .collect();
    rows.push(Row {
        name: w.overall.to_string(),
        score: a.score,
        stage: stage_name(a.stage),
        compared: report
            .previous
            .zip(report.comparison)
            .map(|(previous, comparison)| (previous.score, comparison.overall.delta())),
        spread: report.summary.map(|s| s.overall.as_ref()),
        total: true,
    });
    let lists = lists(report, lang);
    let advice = guidance(bank, a);
    let page = html! {
        (PreEscaped("<!DOCTYPE html>\n"))
        html xmlns="http://www.w3.org/1999/xhtml" lang=(lang.code()) {
            head {
                (PreEscaped("<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"))
                title { (title) " · " (report.subject) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header { h1 { (title) } p.subject { (report.subject) } }
                section.stage-card {
                    @match stage_reached {
                        Some((level, stage)) => {
                            h2 { (messages::stage_heading(lang, level, bank.stage_count(), stage.name.get(lang))) }
                            p { (stage.description.get(lang)) }
                        }
                        None => { h2 { (w.no_stage) } }
                    }
                }
                section.charts { (PreEscaped(charts(report, lang))) }
                p.legend {
                    @for (_, style, label) in swatches.iter().filter(|(shown, _, _)| *shown) {
                        span style=(style) {} (label)
                    }
                }
                table.pillars {
                    thead {
                        tr {
                            th { (messages::pillar_words(lang, bank.pillar_term).title) }
                            th { (w.score) }
                            th { (w.stage) }
                            th {}
                            @if report.previous.is_some() { th { (w.before) } th { (w.change) } }
                            @if report.summary.is_some() { th { (w.min) "–" (w.max) } th { (w.spread) } }
                        }
                    }
                    tbody { @for row in &rows { (row.render(lang)) } }
                }
                @if !report.trend.is_empty() { (trend(report, lang)) }
                @for (title, lines, class) in &lists {
                    @if !lines.is_empty() {
                        section class=(class) {
                            h2 { (title) }
                            ul { @for line in lines { li { (line) } } }
                        }
                    }
                }
                @if let Some(focus) = &advice.focus {
                    section.focus {
                        h2 { "▶ " (w.focus) ": " (bank.pillars[focus.pillar].name.get(lang)) " · " (w.next_steps) }
                        ol {
                            @for step in &focus.advice.steps {
                                li {
                                    @if let Some(phase) = step.phase.as_deref().and_then(|id| bank.phase(id)) {
                                        strong { (phase.name.get(lang)) } " · "
                                    }
                                    (step.text.get(lang))
                                }
                            }
                        }
                    }
                }
                @if !advice.pillars.is_empty() {
                    h2 { (messages::advice_per(lang, bank.pillar_term)) }
                    @for pillar in &advice.pillars {
                        div.advice {
                            h3 {
                                (bank.pillars[pillar.pillar].name.get(lang)) " · " (w.stage) " " (pillar.stage) ": "
                                (bank.stage(pillar.stage).map_or("", |s| s.name.get(lang)))
                            }
                            p { (pillar.advice.text.get(lang)) }
                        }
                    }
                }
                footer { "pyramid · " (bank.title.get(lang)) }
            }
        }
    };
    // XML allows no control characters: whatever the input held is dropped
    // (the markup itself has none).
    let mut text: String = page
        .into_string()
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    text.push('\n');
    text
}

/// The pyramid with the stage marked, and the radar with every outline.
fn charts(report: &ReportDocument, lang: Lang) -> String {
    let bank = report.bank;
    let w = words(lang);
    let a = report.assessment;
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
    let rings = rings(bank, lang);
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
    format!(
        "{}{}",
        svg::pyramid(
            &names,
            a.stage,
            w.you_are_here.trim_start_matches('◀').trim()
        ),
        svg::radar(&labels, &rings, &outlines, w.score)
    )
}

/// The stage thresholds drawn on the charts, each with its stage's name,
/// and the 100 line.
fn rings(bank: &crate::model::bank::Bank, lang: Lang) -> Vec<(u8, String)> {
    bank.stages
        .iter()
        .filter(|s| s.min_score > 0)
        .map(|s| (s.min_score, s.name.get(lang).to_string()))
        .chain([(100, String::new())])
        .collect()
}

/// The trend's colours: a pillar's is its place in the bank's list.
const PALETTE: [&str; 12] = [
    "#1f6fb2", "#e0a030", "#2e8b57", "#c0392b", "#7d3c98", "#16a085", "#d35400", "#5d6d7e",
    "#b7950b", "#a93226", "#1a5276", "#6e2c00",
];
const OVERALL_COLOUR: &str = "#1d2433";

/// The trend over three or more assessments: a line per pillar and one for
/// the overall score, then a row per assessment (oldest first) with its
/// scores and stage.
fn trend(report: &ReportDocument, lang: Lang) -> Markup {
    let bank = report.bank;
    let w = words(lang);
    let points = &report.trend;
    let mut lines: Vec<svg::Line> = bank
        .pillars
        .iter()
        .enumerate()
        .map(|(n, pillar)| svg::Line {
            name: pillar.name.get(lang),
            colour: PALETTE[n % PALETTE.len()],
            bold: false,
            scores: points
                .iter()
                .map(|p| p.assessment.pillars.get(n).and_then(|s| s.score))
                .collect(),
        })
        .collect();
    lines.push(svg::Line {
        name: w.overall,
        colour: OVERALL_COLOUR,
        bold: true,
        scores: points.iter().map(|p| p.assessment.score).collect(),
    });
    let rings = rings(bank, lang);
    let chart = svg::trend(points.len(), &rings, &lines, w.trend);
    let dash = || "–".to_string();
    let score = |s: Option<u8>| s.map_or_else(dash, |s| s.to_string());
    html! {
        section.trend {
            h2 { (w.trend) }
            (PreEscaped(chart))
            p.legend {
                @for line in &lines {
                    span style=(format!("background:{}", line.colour)) {} (line.name)
                }
            }
            table.trend {
                thead {
                    tr {
                        th { "#" }
                        @for pillar in &bank.pillars { th.number { (pillar.name.get(lang)) } }
                        th.number { (w.overall) }
                        th { (w.stage) }
                    }
                }
                tbody {
                    @for (n, point) in points.iter().enumerate() {
                        tr {
                            td { (n + 1) " · " (point.label) }
                            @for pillar in &point.assessment.pillars { td.number { (score(pillar.score)) } }
                            th.number { (score(point.assessment.score)) }
                            td {
                                (point.assessment.stage
                                    .and_then(|level| Some(format!("{level} · {}", bank.stage(level)?.name.get(lang))))
                                    .unwrap_or_else(dash))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The report's lists, in order: why, what changed, the target, the team.
fn lists<'a>(
    report: &ReportDocument<'a>,
    lang: Lang,
) -> Vec<(&'static str, Vec<String>, &'static str)> {
    let bank = report.bank;
    let w = words(lang);
    let mut lists = vec![(w.why, explain(bank, report.assessment, lang), "why")];
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
        lists.push((w.change, lines, "changes"));
    }
    if let Some((_, plan)) = report.target {
        let notes = super::target_notes(bank, plan, lang);
        lists.push((w.target, notes.gaps, "target"));
        lists.push((w.moves, notes.moves, "moves"));
    }
    if let Some(summary) = report.summary {
        let scores = crate::documents::ScoresDocument {
            bank,
            respondents: None,
            streamed: None,
            spooled: None,
            summary: Some(summary),
            plans: None,
            team_plan: None,
        };
        if let Some(notes) = summary_notes(&scores, lang) {
            lists.push((w.distribution, notes.distribution, "distribution"));
            lists.push((w.disagreement, notes.disagreement, "disagreement"));
        }
    }
    lists
}

/// One row of the pillar table: the pillar (or overall, in `th` cells),
/// its score, stage and bar, and where given the previous score with the
/// change and the team's min–max and spread.
struct Row<'a> {
    name: String,
    score: Option<u8>,
    stage: String,
    compared: Option<(Option<u8>, Option<i16>)>,
    spread: Option<Option<&'a crate::model::team::ScoreStats>>,
    total: bool,
}

impl Row<'_> {
    fn render(&self, lang: Lang) -> Markup {
        let dash = || "–".to_string();
        let mut numbers: Vec<String> = Vec::new();
        if let Some((old, change)) = self.compared {
            numbers.push(old.map_or_else(dash, |s| s.to_string()));
            numbers.push(change.map_or_else(dash, messages::signed_change));
        }
        if let Some(stats) = self.spread {
            numbers.push(stats.map_or_else(dash, |s| format!("{}–{}", s.min, s.max)));
            numbers.push(stats.map_or_else(dash, |s| messages::decimal(lang, s.spread, 1)));
        }
        let score = self.score.map_or_else(dash, |s| s.to_string());
        let bar = format!("width:{}%", self.score.unwrap_or(0));
        let total = self.total;
        html! {
            tr {
                (cell(total, false, html! { (self.name) }))
                (cell(total, true, html! { (score) }))
                (cell(total, false, html! { (self.stage) }))
                (cell(total, false, html! { div.bar { div style=(bar) {} } }))
                @for number in &numbers { (cell(total, true, html! { (number) })) }
            }
        }
    }
}

/// A `td` (or `th` in the total row), of class `number` where it holds one.
fn cell(total: bool, number: bool, content: Markup) -> Markup {
    match (total, number) {
        (false, false) => html! { td { (content) } },
        (false, true) => html! { td.number { (content) } },
        (true, false) => html! { th { (content) } },
        (true, true) => html! { th.number { (content) } },
    }
}
