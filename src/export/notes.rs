//! The sentences that go with the tables: a comparison's notes, a target
//! plan, and the team summary's prose.

use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::messages;
use crate::model::answers::chosen_option;
use crate::model::bank::Bank;
use crate::model::explain::explain;

/// The comparison's sentences: the overall stage and the focus pillar.
pub fn comparison_notes(report: &ComparisonDocument, lang: Lang) -> Vec<String> {
    let bank = report.bank;
    let c = report.comparison;
    let stage = |level: Option<u8>| level.and_then(|l| Some((l, bank.stage(l)?.name.get(lang))));
    let pillar = |n: Option<usize>| n.map(|n| bank.pillars[n].name.get(lang));
    vec![
        messages::stage_change(lang, stage(c.overall.old_stage), stage(c.overall.new_stage)),
        messages::focus_change(
            lang,
            report.bank.pillar_term,
            pillar(c.old_focus),
            pillar(c.new_focus),
        ),
    ]
}

/// A target plan in sentences: the gap per pillar, the answers to move
/// first, and the advice for each pillar below its target.
pub struct TargetNotes {
    pub gaps: Vec<String>,
    pub moves: Vec<String>,
    /// `Advice per pillar` (or per dimension), and the advice.
    pub advice_title: String,
    pub advice: Vec<String>,
}

pub fn target_notes(bank: &Bank, plan: &crate::model::target::Plan, lang: Lang) -> TargetNotes {
    let gaps = plan
        .gaps
        .iter()
        .map(|gap| {
            let stage = bank.stage(gap.target);
            let target = (
                gap.target,
                stage.map_or("", |s| s.name.get(lang)),
                stage.map_or(0, |s| s.min_score),
            );
            messages::target_gap(
                lang,
                bank.pillars[gap.pillar].name.get(lang),
                gap.score,
                gap.stage,
                target,
                gap.points,
            )
        })
        .collect();
    let moves = plan
        .moves
        .iter()
        .map(|m| {
            let question = &bank.questions[m.question];
            let from = chosen_option(question, m.from).map(|o| (o.label.get(lang), o.level));
            let to = &question.options[m.to];
            messages::target_move(
                lang,
                &question.id,
                from,
                (&to.key, to.label.get(lang), to.level),
            )
        })
        .collect();
    let advice = plan
        .gaps
        .iter()
        .filter(|gap| !gap.reached())
        .filter_map(|gap| {
            let stage = gap.stage?;
            let advice = bank.advice(gap.pillar, stage)?;
            Some(format!(
                "{}: {}",
                bank.pillars[gap.pillar].name.get(lang),
                advice.text.get(lang)
            ))
        })
        .collect();
    TargetNotes {
        gaps,
        moves,
        advice_title: messages::advice_per(lang, bank.pillar_term),
        advice,
    }
}

/// The team summary's prose: a heading, the stage distribution, where the
/// team disagrees most, and why the team is at its stage.
pub struct SummaryNotes {
    pub heading: String,
    pub distribution: Vec<String>,
    pub disagreement: Vec<String>,
    pub why: Vec<String>,
}

/// How many pillars are named under "where the team disagrees most".
const DISAGREEMENT_SHOWN: usize = 2;

pub fn summary_notes(report: &ScoresDocument, lang: Lang) -> Option<SummaryNotes> {
    let bank = report.bank;
    let summary = report.summary?;
    let team = &summary.team;
    let stage = team
        .stage
        .and_then(|level| Some((level, bank.stage_count(), bank.stage(level)?.name.get(lang))));
    let heading = messages::team_heading(lang, summary.respondents, stage, team.score);
    let mut distribution: Vec<String> = (1..=bank.stage_count())
        .rev()
        .map(|level| {
            let name = bank.stage(level).map_or("", |s| s.name.get(lang));
            let count = summary.stages.get(usize::from(level)).copied().unwrap_or(0);
            messages::distribution_line(lang, Some(level), name, count, summary.respondents)
        })
        .collect();
    let unscored = summary.stages.first().copied().unwrap_or(0);
    if unscored > 0 {
        distribution.push(messages::distribution_line(
            lang,
            None,
            "",
            unscored,
            summary.respondents,
        ));
    }
    let disagreement = summary
        .disagreement
        .iter()
        .filter(|d| d.spread > 0.0)
        .take(DISAGREEMENT_SHOWN)
        .map(|d| {
            let name = bank.pillars[d.pillar].name.get(lang);
            messages::disagreement_line(
                lang,
                name,
                d.spread,
                (d.front.count, d.front.mean),
                (d.peloton.count, d.peloton.mean),
            )
        })
        .collect();
    Some(SummaryNotes {
        heading,
        distribution,
        disagreement,
        why: explain(bank, team, lang),
    })
}
