//! The write side: the shapes `pyramid score` and `compare` serialize,
//! built from the results as they are.

use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::model::answers::chosen_option;
use crate::model::bank::Bank;
use crate::model::scoring::{Assessment, BalanceLimit};
use crate::model::team::{ScoreStats, TeamSummary};
use serde::Serialize;

use super::DOCUMENT_VERSION;

/// The scores document: respondents (serialized one at a time) and the
/// team summary.
pub fn scores<'a>(report: &'a ScoresDocument<'a>, lang: Lang) -> impl Serialize + 'a {
    let bank = report.bank;
    ScoresJson {
        version: DOCUMENT_VERSION,
        bank: &bank.id,
        lang,
        respondents: report.has_rows().then_some(Respondents { report, lang }),
        summary: report.summary.map(|summary| SummaryEntry {
            target: report.team_plan.map(|p| plan_entry(bank, p)),
            ..summary_entry(bank, summary, lang)
        }),
    }
}

/// The comparison document.
pub fn comparison<'a>(report: &'a ComparisonDocument<'a>) -> impl Serialize + 'a {
    let bank = report.bank;
    let c = report.comparison;
    let change = |change: &crate::model::compare::Change| ChangeEntry {
        old: ScoreStage {
            score: change.old_score,
            stage: change.old_stage,
        },
        new: ScoreStage {
            score: change.new_score,
            stage: change.new_stage,
        },
        change: change.delta(),
        stage_change: change.stage_delta(),
    };
    let choice = |question: usize, choice: Option<crate::model::answers::Choice>| {
        let option = chosen_option(&bank.questions[question], choice);
        AnswerEntry {
            key: match choice {
                Some(crate::model::answers::Choice::DontKnow) => {
                    Some(crate::model::bank::DONT_KNOW_KEY.to_string())
                }
                _ => option.map(|o| o.key.clone()),
            },
            level: option.map(|o| o.level),
        }
    };
    let id = |pillar: Option<usize>| pillar.map(|n| bank.pillars[n].id.as_str());
    ComparisonJson {
        version: DOCUMENT_VERSION,
        bank: &bank.id,
        old: report.old_name,
        new: report.new_name,
        pillars: bank
            .pillars
            .iter()
            .zip(&c.pillars)
            .map(|(pillar, c)| PillarChange {
                id: &pillar.id,
                change: change(c),
            })
            .collect(),
        overall: change(&c.overall),
        focus: FocusChange {
            old: id(c.old_focus),
            new: id(c.new_focus),
            changed: c.focus_changed(),
        },
        moved: c
            .moved
            .iter()
            .map(|m| MovedEntry {
                question: &bank.questions[m.question].id,
                old: choice(m.question, m.old),
                new: choice(m.question, m.new),
            })
            .collect(),
        target: report.plan.map(|p| plan_entry(bank, p)),
    }
}

/// The respondents of a score report, serialized one at a time: a
/// million of them are never all held as JSON values.
struct Respondents<'a> {
    report: &'a ScoresDocument<'a>,
    lang: Lang,
}

impl Serialize for Respondents<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let report = self.report;
        let bank = report.bank;
        // One entry at a time, as the rows come (they may be read again
        // from the input, not kept).
        let mut seq = serializer.serialize_seq(None)?;
        let mut failed = None;
        let each = report.each_row(&mut |scored, plan| {
            let entry = RespondentEntry {
                respondent: &scored.respondent,
                source: &scored.source,
                result: result_entry(bank, &scored.assessment, self.lang, true),
                target: plan.map(|p| plan_entry(bank, p)),
            };
            seq.serialize_element(&entry).map_err(|err| {
                let message = err.to_string();
                failed = Some(err);
                anyhow::anyhow!(message)
            })
        });
        if let Some(err) = failed {
            return Err(err);
        }
        each.map_err(|err| S::Error::custom(format!("{err:#}")))?;
        seq.end()
    }
}

#[derive(Serialize)]
struct ComparisonJson<'a> {
    version: u32,
    bank: &'a str,
    old: &'a str,
    new: &'a str,
    pillars: Vec<PillarChange<'a>>,
    overall: ChangeEntry,
    focus: FocusChange<'a>,
    moved: Vec<MovedEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<PlanEntry<'a>>,
}

#[derive(Serialize)]
struct PillarChange<'a> {
    id: &'a str,
    #[serde(flatten)]
    change: ChangeEntry,
}

#[derive(Serialize)]
struct ChangeEntry {
    old: ScoreStage,
    new: ScoreStage,
    /// New minus old score.
    change: Option<i16>,
    stage_change: Option<i16>,
}

#[derive(Serialize)]
struct ScoreStage {
    score: Option<u8>,
    stage: Option<u8>,
}

#[derive(Serialize)]
struct FocusChange<'a> {
    old: Option<&'a str>,
    new: Option<&'a str>,
    changed: bool,
}

#[derive(Serialize)]
struct MovedEntry<'a> {
    question: &'a str,
    old: AnswerEntry,
    new: AnswerEntry,
}

#[derive(Serialize)]
struct AnswerEntry {
    key: Option<String>,
    level: Option<u8>,
}

#[derive(Serialize)]
struct ScoresJson<'a> {
    version: u32,
    bank: &'a str,
    lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    respondents: Option<Respondents<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<SummaryEntry<'a>>,
}

#[derive(Serialize)]
struct RespondentEntry<'a> {
    respondent: &'a str,
    source: &'a str,
    #[serde(flatten)]
    result: ResultEntry<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<PlanEntry<'a>>,
}

/// A target plan: the gap per pillar and the answers to move first.
#[derive(Serialize)]
struct PlanEntry<'a> {
    gaps: Vec<GapEntry<'a>>,
    moves: Vec<MoveEntry<'a>>,
}

#[derive(Serialize)]
struct GapEntry<'a> {
    pillar: &'a str,
    target: u8,
    score: Option<u8>,
    stage: Option<u8>,
    /// Points short of the target stage's threshold.
    points: u8,
    reached: bool,
}

#[derive(Serialize)]
struct MoveEntry<'a> {
    question: &'a str,
    /// The current answer's key (`null`: none, or don't know).
    from: Option<&'a str>,
    to: &'a str,
    to_level: u8,
}

fn plan_entry<'a>(bank: &'a Bank, plan: &crate::model::target::Plan) -> PlanEntry<'a> {
    PlanEntry {
        gaps: plan
            .gaps
            .iter()
            .map(|g| GapEntry {
                pillar: &bank.pillars[g.pillar].id,
                target: g.target,
                score: g.score,
                stage: g.stage,
                points: g.points,
                reached: g.reached(),
            })
            .collect(),
        moves: plan
            .moves
            .iter()
            .map(|m| {
                let question = &bank.questions[m.question];
                let from = chosen_option(question, m.from).map(|o| o.key.as_str());
                MoveEntry {
                    question: &question.id,
                    from,
                    to: &question.options[m.to].key,
                    to_level: question.options[m.to].level,
                }
            })
            .collect(),
    }
}

/// An assessment: overall, per pillar, and why the balance rule acted.
#[derive(Serialize)]
struct ResultEntry<'a> {
    score: Option<u8>,
    stage: Option<u8>,
    stage_name: Option<&'a str>,
    focus: Option<&'a str>,
    pillars: Vec<PillarResult<'a>>,
    balance: Vec<BalanceEntry<'a>>,
}

#[derive(Serialize)]
struct PillarResult<'a> {
    id: &'a str,
    score: Option<u8>,
    stage: Option<u8>,
    /// Answer counts; left out for the team, whose scores are means.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    counts: Option<AnswerCounts>,
}

#[derive(Serialize)]
struct AnswerCounts {
    answered: u32,
    dont_know: u32,
    missing: u32,
}

#[derive(Serialize)]
struct BalanceEntry<'a> {
    /// The bank rule that lowered the stage.
    rule: &'static str,
    /// The pillars that hold the stage back.
    pillars: Vec<&'a str>,
    /// The stage this step lowered the result to.
    stage: u8,
}

/// `with_counts`: whether the pillars' answer counts mean anything (they do
/// for a respondent, not for a team's mean scores).
fn result_entry<'a>(
    bank: &'a Bank,
    assessment: &Assessment,
    lang: Lang,
    with_counts: bool,
) -> ResultEntry<'a> {
    let id = |pillar: usize| bank.pillars[pillar].id.as_str();
    let balance = assessment
        .limits
        .iter()
        .map(|limit| match limit {
            BalanceLimit::TopStageNeedsEveryPillar { pillars, stage, .. } => BalanceEntry {
                rule: "top_stage_needs_every_pillar_at",
                pillars: pillars.iter().map(|&p| id(p)).collect(),
                stage: *stage,
            },
            BalanceLimit::AboveWeakest { weakest, stage, .. } => BalanceEntry {
                rule: "max_stages_above_weakest",
                pillars: vec![id(*weakest)],
                stage: *stage,
            },
        })
        .collect();
    ResultEntry {
        score: assessment.score,
        stage: assessment.stage,
        stage_name: assessment
            .stage
            .and_then(|level| bank.stage(level))
            .map(|s| s.name.get(lang)),
        focus: assessment.focus.map(id),
        pillars: assessment
            .pillars
            .iter()
            .enumerate()
            .map(|(n, pillar)| PillarResult {
                id: id(n),
                score: pillar.score,
                stage: pillar.stage,
                counts: with_counts.then_some(AnswerCounts {
                    answered: pillar.answered,
                    dont_know: pillar.dont_know,
                    missing: pillar.missing,
                }),
            })
            .collect(),
        balance,
    }
}

#[derive(Serialize)]
struct SummaryEntry<'a> {
    respondents: u64,
    /// The team's result from the mean pillar scores.
    team: ResultEntry<'a>,
    pillars: Vec<PillarStats<'a>>,
    overall: Option<StatsEntry>,
    stage_distribution: Vec<StageCount>,
    disagreement: Vec<DisagreementEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<PlanEntry<'a>>,
}

#[derive(Serialize)]
struct PillarStats<'a> {
    id: &'a str,
    #[serde(flatten)]
    stats: Option<StatsEntry>,
}

#[derive(Serialize)]
struct StatsEntry {
    count: u64,
    mean: f64,
    min: u8,
    max: u8,
    spread: f64,
}

#[derive(Serialize)]
struct StageCount {
    /// `null` counts the respondents with too few answers for a stage.
    stage: Option<u8>,
    count: u64,
}

#[derive(Serialize)]
struct DisagreementEntry<'a> {
    pillar: &'a str,
    spread: f64,
    front: GroupEntry,
    peloton: GroupEntry,
}

#[derive(Serialize)]
struct GroupEntry {
    count: u64,
    mean: f64,
}

/// Rounded to two decimals: enough for people, stable for snapshots.
fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn stats_entry(stats: &ScoreStats) -> StatsEntry {
    StatsEntry {
        count: stats.count,
        mean: two_decimals(stats.mean),
        min: stats.min,
        max: stats.max,
        spread: two_decimals(stats.spread),
    }
}

fn summary_entry<'a>(bank: &'a Bank, summary: &TeamSummary, lang: Lang) -> SummaryEntry<'a> {
    let mut stage_distribution: Vec<StageCount> = (1..=bank.stage_count())
        .map(|level| StageCount {
            stage: Some(level),
            count: summary.stages.get(usize::from(level)).copied().unwrap_or(0),
        })
        .collect();
    stage_distribution.push(StageCount {
        stage: None,
        count: summary.stages.first().copied().unwrap_or(0),
    });
    SummaryEntry {
        respondents: summary.respondents,
        team: result_entry(bank, &summary.team, lang, false),
        pillars: bank
            .pillars
            .iter()
            .zip(&summary.pillars)
            .map(|(pillar, stats)| PillarStats {
                id: &pillar.id,
                stats: stats.as_ref().map(stats_entry),
            })
            .collect(),
        overall: summary.overall.as_ref().map(stats_entry),
        stage_distribution,
        disagreement: summary
            .disagreement
            .iter()
            .map(|d| DisagreementEntry {
                pillar: &bank.pillars[d.pillar].id,
                spread: two_decimals(d.spread),
                front: GroupEntry {
                    count: d.front.count,
                    mean: two_decimals(d.front.mean),
                },
                peloton: GroupEntry {
                    count: d.peloton.count,
                    mean: two_decimals(d.peloton.mean),
                },
            })
            .collect(),
        target: None,
    }
}
