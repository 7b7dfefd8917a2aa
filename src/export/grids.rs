//! The tables the table and Markdown formats draw: respondents, the team
//! summary, a comparison and the answers that moved.

use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::messages::{self, words};
use crate::model::answers::chosen_option;
use crate::model::bank::Bank;
use crate::model::team::ScoreStats;

/// A table as text cells, drawn alike by the table and Markdown formats.
/// The rows are anything that gives them again when cloned: a `Vec` for
/// the small tables, a lazy iterator for the one row per respondent.
pub struct Grid<Rows = Vec<Vec<String>>> {
    pub header: Vec<String>,
    pub rows: Rows,
}

/// `54 · 2`, or `–` without a score.
fn score_cell(score: Option<u8>, stage: Option<u8>) -> String {
    match (score, stage) {
        (Some(score), Some(stage)) => format!("{score} · {stage}"),
        _ => "–".to_string(),
    }
}

fn stage_cell(bank: &Bank, stage: Option<u8>, lang: Lang) -> String {
    match stage.and_then(|level| Some((level, bank.stage(level)?))) {
        Some((level, stage)) => format!("{level} · {}", stage.name.get(lang)),
        None => words(lang).not_enough.to_string(),
    }
}

/// One row per respondent: name, `score · stage` per pillar and overall.
pub fn respondents_grid<'a>(
    report: &ScoresDocument<'a>,
    lang: Lang,
) -> Option<Grid<impl Iterator<Item = Vec<String>> + Clone + 'a>> {
    let bank = report.bank;
    let w = words(lang);
    let respondents = report.respondents?;
    let mut header = vec![w.respondent.to_string()];
    header.extend(bank.pillars.iter().map(|p| p.name.get(lang).to_string()));
    header.push(w.overall.to_string());
    let rows = respondents.iter().map(|scored| {
        let a = &scored.assessment;
        let mut row = vec![scored.respondent.clone()];
        row.extend(a.pillars.iter().map(|p| score_cell(p.score, p.stage)));
        row.push(score_cell(a.score, a.stage));
        row
    });
    Some(Grid { header, rows })
}

fn stats_cells(stats: Option<&ScoreStats>, lang: Lang) -> Vec<String> {
    match stats {
        Some(s) => vec![
            messages::decimal(lang, s.mean, 1),
            s.min.to_string(),
            s.max.to_string(),
            messages::decimal(lang, s.spread, 1),
        ],
        None => vec!["–".to_string(); 4],
    }
}

/// Per pillar and overall: mean, min, max, spread and the team's stage.
pub fn summary_grid(report: &ScoresDocument, lang: Lang) -> Option<Grid> {
    let bank = report.bank;
    let w = words(lang);
    let summary = report.summary?;
    let pillar = messages::pillar_words(lang, bank.pillar_term).title;
    let header = [pillar, w.mean, w.min, w.max, w.spread, w.team_stage]
        .map(str::to_string)
        .to_vec();
    let mut rows: Vec<Vec<String>> = bank
        .pillars
        .iter()
        .enumerate()
        .map(|(n, pillar)| {
            let mut row = vec![pillar.name.get(lang).to_string()];
            row.extend(stats_cells(summary.pillars[n].as_ref(), lang));
            row.push(stage_cell(bank, summary.team.pillars[n].stage, lang));
            row
        })
        .collect();
    let mut overall = vec![w.overall.to_string()];
    overall.extend(stats_cells(summary.overall.as_ref(), lang));
    overall.push(stage_cell(bank, summary.team.stage, lang));
    rows.push(overall);
    Some(Grid { header, rows })
}

/// Per pillar and overall: score · stage before and after, and the change.
pub fn comparison_grid(report: &ComparisonDocument, lang: Lang) -> Grid {
    let bank = report.bank;
    let w = words(lang);
    let pillar = messages::pillar_words(lang, bank.pillar_term).title;
    let header = [pillar, w.before, w.after, w.change]
        .map(str::to_string)
        .to_vec();
    let row = |name: &str, change: &crate::model::compare::Change| {
        vec![
            name.to_string(),
            score_cell(change.old_score, change.old_stage),
            score_cell(change.new_score, change.new_stage),
            change
                .delta()
                .map_or("–".to_string(), messages::signed_change),
        ]
    };
    let mut rows: Vec<Vec<String>> = bank
        .pillars
        .iter()
        .zip(&report.comparison.pillars)
        .map(|(pillar, change)| row(pillar.name.get(lang), change))
        .collect();
    rows.push(row(w.overall, &report.comparison.overall));
    Grid { header, rows }
}

/// The answers that changed: question, answer before and after, levels.
pub fn moved_grid(report: &ComparisonDocument, lang: Lang) -> Option<Grid> {
    let bank = report.bank;
    let w = words(lang);
    if report.comparison.moved.is_empty() {
        return None;
    }
    let answer = |question: usize, choice: Option<crate::model::answers::Choice>| match (
        choice,
        chosen_option(&bank.questions[question], choice),
    ) {
        (Some(crate::model::answers::Choice::DontKnow), _) => bank.dont_know.get(lang).to_string(),
        (_, Some(option)) => {
            format!(
                "{} · {} · {}",
                option.key,
                option.level,
                option.label.get(lang)
            )
        }
        (_, None) => "–".to_string(),
    };
    let rows = report
        .comparison
        .moved
        .iter()
        .map(|moved| {
            vec![
                bank.questions[moved.question].id.clone(),
                answer(moved.question, moved.old),
                answer(moved.question, moved.new),
            ]
        })
        .collect();
    Some(Grid {
        header: [w.question, w.before, w.after].map(str::to_string).to_vec(),
        rows,
    })
}
