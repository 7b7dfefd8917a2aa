//! `pyramid history`: the self-tests kept on this machine, oldest first,
//! each with its date and the stage it reached.

use crate::cli::{CampaignFormat, HistoryArgs};
use crate::exit_code::ExitCode;
use crate::export::Grid;
use crate::export::table::render;
use crate::lang::Lang;
use crate::messages::{say_in, words};
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use crate::model::scoring::{Assessment, assess};
use crate::output::print;
use crate::store::self_tests::SelfTest;
use crate::terminal::style::stdout_style;
use anyhow::Result;
use serde::Serialize;

pub fn run(args: &HistoryArgs, lang: Lang) -> Result<ExitCode> {
    let path = crate::store::chosen_path(args.db.db.as_deref())?;
    let tests = crate::store::self_tests::kept_at(&path)?;
    let scored: Vec<(&SelfTest, Option<(Bank, Assessment)>)> =
        tests.iter().map(|test| (test, score(test))).collect();
    let text = match args.format {
        CampaignFormat::Table => table(&scored, lang),
        CampaignFormat::Json => json(&scored, lang)?,
    };
    print(&text)?;
    Ok(ExitCode::Success)
}

/// The self-tests kept with the current model, oldest first.
pub(super) fn mine(setup: &super::Setup, db: &crate::cli::DbArg) -> Result<Vec<SelfTest>> {
    let path = crate::store::chosen_path(db.db.as_deref())?;
    let mut tests = crate::store::self_tests::kept_at(&path)?;
    tests.retain(|test| test.model == setup.bank.id);
    Ok(tests)
}

/// How a kept self-test is named wherever a path goes: `self-test:N`.
pub(super) fn path_of(test: &SelfTest) -> std::path::PathBuf {
    format!(
        "{}{}",
        crate::input::campaign::SELF_TEST_PREFIX,
        test.number
    )
    .into()
}

/// A kept self-test's day: `2026-12-01`.
pub(super) fn day_of(test: &SelfTest) -> &str {
    test.taken_at.get(..10).unwrap_or(&test.taken_at)
}

/// The self-test scored with its own model (`None` where that model is
/// no longer there).
fn score(test: &SelfTest) -> Option<(Bank, Assessment)> {
    let bank = match &test.bank_yaml {
        Some(yaml) => crate::input::bank_file::parse(yaml, &test.model).ok()?,
        None => crate::input::bank_file::model(&test.model).ok()?,
    };
    let mut responses = Responses::empty(&bank);
    for (question, key) in &test.answers {
        let _ = responses.set_key(&bank, question, key);
    }
    let assessment = assess(&bank, &responses);
    Some((bank, assessment))
}

/// `2 · Consciously incompetent`, or a dash.
fn stage(scored: Option<&(Bank, Assessment)>, lang: Lang) -> String {
    scored
        .and_then(|(bank, a)| {
            let level = a.stage?;
            Some(format!("{level} · {}", bank.stage(level)?.name.get(lang)))
        })
        .unwrap_or_else(|| "–".to_string())
}

fn table(tests: &[(&SelfTest, Option<(Bank, Assessment)>)], lang: Lang) -> String {
    if tests.is_empty() {
        return format!("{}\n", say_in(lang, "history-none", &[]));
    }
    let w = words(lang);
    let heading = |key| say_in(lang, key, &[]);
    let header = vec![
        heading("history-column-number"),
        heading("history-column-date"),
        heading("campaign-column-model"),
        heading("history-column-respondent"),
        w.stage.to_string(),
        w.score.to_string(),
    ];
    let rows = tests
        .iter()
        .map(|(test, scored)| {
            let score = scored
                .as_ref()
                .and_then(|(_, a)| a.score)
                .map_or_else(|| "–".to_string(), |s| s.to_string());
            vec![
                test.number.to_string(),
                test.taken_at
                    .replace('T', " ")
                    .trim_end_matches('Z')
                    .to_string(),
                test.model.clone(),
                crate::visible::visible(&test.respondent).into_owned(),
                stage(scored.as_ref(), lang),
                score,
            ]
        })
        .collect();
    render(&Grid { header, rows }, stdout_style())
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    version: u32,
    self_tests: Vec<SelfTestJson<'a>>,
}

#[derive(Serialize)]
struct SelfTestJson<'a> {
    number: i64,
    taken_at: &'a str,
    /// The pyramid version that asked.
    pyramid: &'a str,
    model: &'a str,
    respondent: &'a str,
    lang: &'a str,
    score: Option<u8>,
    stage: Option<u8>,
    stage_name: Option<String>,
}

fn json(tests: &[(&SelfTest, Option<(Bank, Assessment)>)], lang: Lang) -> Result<String> {
    let document = HistoryJson {
        version: 1,
        self_tests: tests
            .iter()
            .map(|(test, scored)| {
                let assessment = scored.as_ref().map(|(_, a)| a);
                SelfTestJson {
                    number: test.number,
                    taken_at: &test.taken_at,
                    pyramid: &test.version,
                    model: &test.model,
                    respondent: &test.respondent,
                    lang: &test.lang,
                    score: assessment.and_then(|a| a.score),
                    stage: assessment.and_then(|a| a.stage),
                    stage_name: scored.as_ref().and_then(|(bank, a)| {
                        Some(bank.stage(a.stage?)?.name.get(lang).to_string())
                    }),
                }
            })
            .collect(),
    };
    Ok(format!("{}\n", serde_json::to_string_pretty(&document)?))
}
