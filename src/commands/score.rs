//! `pyramid score`: batch scoring of answer files and survey exports.

use super::Context;
use crate::bank::Bank;
use crate::cli::ScoreArgs;
use crate::export::{Format, Layout, exporter};
use crate::input::matching::AnswerMatcher;
use crate::input::record::Record;
use crate::input::sources::{self, Source};
use crate::lang::Lang;
use crate::output::{print, write_atomically};
use crate::report::{ScoreReport, ScoredRespondent};
use crate::scoring::assess;
use crate::team::TeamCollector;
use crate::terminal::progress::Progress;
use crate::terminal::style::{DEFAULT_WIDTH, stdout_style};
use anyhow::{Result, bail};
use std::process::ExitCode;

/// Problems listed in full; beyond this they are counted.
const PROBLEMS_SHOWN: usize = 50;
/// Exit code when some input was skipped on request.
const EXIT_PARTIAL: u8 = 1;

/// What a scoring run has gathered so far.
struct Tally<'a> {
    bank: &'a Bank,
    lang: Lang,
    allow_incomplete: bool,
    /// `None` when only the summary is wanted: nothing per respondent is kept.
    respondents: Option<Vec<ScoredRespondent>>,
    team: TeamCollector,
    scored: u64,
    rejected: u64,
    problems: Vec<String>,
    problem_count: u64,
}

impl Tally<'_> {
    fn problem(&mut self, message: String) {
        self.problem_count += 1;
        if self.problems.len() < PROBLEMS_SHOWN {
            self.problems.push(message);
        }
    }

    fn add(&mut self, record: Record) {
        let incomplete = !self.allow_incomplete && !record.missing.is_empty();
        if !record.bad.is_empty() || incomplete {
            self.rejected += 1;
            if self.problems.len() >= PROBLEMS_SHOWN {
                // Count without building messages nobody will see.
                self.problem_count += record.bad.len() as u64 + u64::from(incomplete);
                return;
            }
            for message in record.bad_answer_messages(self.bank, self.lang) {
                self.problem(message);
            }
            if incomplete && let Some(message) = record.missing_message(self.bank) {
                self.problem(message);
            }
            return;
        }
        let assessment = assess(self.bank, &record.responses);
        self.team.add(&assessment);
        self.scored += 1;
        if let Some(respondents) = &mut self.respondents {
            respondents.push(ScoredRespondent {
                respondent: record.respondent,
                source: record.place.to_string(),
                assessment,
            });
        }
    }

    fn report_problems(&self, skipping: bool) {
        let plural = |n: u64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let problems = plural(self.problem_count, "problem");
        if skipping {
            eprintln!(
                "warning: skipped {} with {problems}:",
                plural(self.rejected, "respondent")
            );
        } else {
            eprintln!("error: {problems} in the answers; nothing was written:");
        }
        for problem in &self.problems {
            eprintln!("  {problem}");
        }
        let unshown = self.problem_count - self.problems.len() as u64;
        if unshown > 0 {
            eprintln!("  … and {} more", plural(unshown, "problem"));
        }
        if !skipping {
            eprintln!(
                "Fix the answers, or score the valid respondents with --skip-invalid \
                 (and respondents with missing answers with --allow-incomplete)."
            );
        }
    }
}

pub fn run(context: &Context, args: &ScoreArgs) -> Result<ExitCode> {
    let format: Format = args.format.into();
    if format == Format::Csv && args.summary && args.rows {
        bail!("CSV holds one table: use --summary or --rows, not both, or another --format");
    }
    let bank = &context.bank;
    let sources = sources::expand(&args.paths)?;
    let mut tally = Tally {
        bank,
        lang: context.lang,
        allow_incomplete: args.allow_incomplete,
        respondents: (!args.summary || args.rows).then(Vec::new),
        team: TeamCollector::new(bank),
        scored: 0,
        rejected: 0,
        problems: Vec::new(),
        problem_count: 0,
    };
    let matcher = AnswerMatcher::new(bank);
    let progress = Progress::new(total_bytes(&sources), sources.len());
    for source in &sources {
        let read = sources::open(source).and_then(|input| {
            let input = progress.wrap(input);
            sources::read(source, input, bank, &matcher, &mut |record| {
                tally.add(record)
            })
        });
        match read {
            Ok(Some(table)) => {
                if !table.ignored.is_empty() {
                    eprintln!(
                        "note: {}: ignored columns: {}",
                        source.name,
                        table.ignored.join(", ")
                    );
                }
                if !table.missing_columns.is_empty() {
                    let ids: Vec<&str> = table
                        .missing_columns
                        .iter()
                        .map(|&q| bank.questions[q].id.as_str())
                        .collect();
                    eprintln!("note: {}: no column for {}", source.name, ids.join(", "));
                }
            }
            Ok(None) => {}
            Err(err) => {
                tally.rejected += 1;
                tally.problem(format!("{err:#}"));
            }
        }
    }
    progress.finish();

    if tally.problem_count > 0 {
        tally.report_problems(args.skip_invalid);
        if !args.skip_invalid {
            return Ok(ExitCode::from(2));
        }
    }
    if tally.scored == 0 {
        bail!("no respondent could be scored: the input holds no answers");
    }
    let summary = args.summary.then(|| tally.team.finish(bank));
    let report = ScoreReport {
        bank,
        respondents: tally.respondents.as_deref(),
        summary: summary.as_ref(),
    };
    let style = if args.output.is_some() {
        Layout {
            width: DEFAULT_WIDTH,
            color: false,
        }
    } else {
        stdout_style()
    };
    let text = exporter(format, style).scores(&report, context.lang)?;
    match &args.output {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => print(&text)?,
    }
    Ok(if tally.problem_count > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

fn total_bytes(sources: &[Source]) -> u64 {
    sources
        .iter()
        .filter_map(|source| std::fs::metadata(source.path.as_ref()?).ok())
        .map(|metadata| metadata.len())
        .sum()
}
