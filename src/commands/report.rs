//! `pyramid report`: one self-contained HTML file to put in front of a
//! board, for one respondent or a team, with the previous assessment and
//! the trend over more.

use super::Setup;
use super::gather::{Options, Tally, gather};
use super::history;
use crate::cli::ReportArgs;
use crate::documents::{ReportDocument, TrendPoint};
use crate::exit_code::ExitCode;
use crate::export::{ReportFormat, TextStyle};
use crate::messages::{self, Localized};
use crate::model::compare::{Side, compare};
use crate::model::scoring::Assessment;
use crate::model::team::TeamSummary;
use crate::output::Destination;
use anyhow::Result;
use std::path::PathBuf;

/// One side read for the report: a person (with answers) or a team.
struct Assessed<'a> {
    tally: Tally<'a>,
    summary: Option<TeamSummary>,
}

impl Assessed<'_> {
    fn assessment(&self) -> Option<&Assessment> {
        match &self.summary {
            Some(summary) => Some(&summary.team),
            None => self
                .tally
                .respondents
                .as_ref()?
                .first()
                .map(|r| &r.assessment),
        }
    }
}

fn read<'a>(
    setup: &'a Setup,
    paths: &[PathBuf],
    args: &ReportArgs,
) -> Result<Option<Assessed<'a>>> {
    let tally = gather(
        setup,
        paths,
        Options {
            read: args.read.clone(),
            keep_rows: true,
            keep_answers: true,
            spool: false,
            second_reading: false,
            db: args.db.db.clone(),
        },
    )?;
    if tally.problem_count > 0 {
        tally.report_problems(false);
        return Ok(None);
    }
    if tally.scored == 0 {
        return Err(Localized::new("no-answers", &[]).into());
    }
    let summary = (tally.scored > 1).then(|| tally.team.finish(&setup.bank));
    Ok(Some(Assessed { tally, summary }))
}

/// At most this many earlier assessments in one report: twelve in all.
pub const MAX_PREVIOUS: usize = 11;

/// What a report is made of: the current assessment's paths and the
/// earlier assessments, oldest first, each with its label in the trend.
struct Chosen {
    paths: Vec<PathBuf>,
    label: String,
    previous: Vec<(PathBuf, String)>,
}

/// The paths named, or with none, the last self-test with this model and
/// up to `MAX_PREVIOUS` before it.
fn choose(setup: &Setup, args: &ReportArgs) -> Result<Chosen> {
    if !args.paths.is_empty() {
        if args.previous.len() > MAX_PREVIOUS {
            let err = Localized::new("report-too-many-previous", &[]);
            return Err(err
                .count("count", args.previous.len())
                .count("max", MAX_PREVIOUS)
                .into());
        }
        let named = |path: &PathBuf| path.display().to_string();
        return Ok(Chosen {
            paths: args.paths.clone(),
            label: args.paths.iter().map(named).collect::<Vec<_>>().join(", "),
            previous: args
                .previous
                .iter()
                .map(|p| (p.clone(), named(p)))
                .collect(),
        });
    }
    if !args.previous.is_empty() {
        return Err(Localized::new("report-previous-without-path", &[]).into());
    }
    let mine = history::mine(setup, &args.db)?;
    let Some((last, earlier)) = mine.split_last() else {
        return Err(Localized::new("report-no-history", &[]).into());
    };
    let label = |test| {
        format!(
            "{} · {}",
            history::path_of(test).display(),
            history::day_of(test)
        )
    };
    let earlier = &earlier[earlier.len().saturating_sub(MAX_PREVIOUS)..];
    Ok(Chosen {
        paths: vec![history::path_of(last)],
        label: label(last),
        previous: earlier
            .iter()
            .map(|test| (history::path_of(test), label(test)))
            .collect(),
    })
}

pub fn run(setup: &Setup, args: &ReportArgs) -> Result<ExitCode> {
    let bank = &setup.bank;
    let lang = setup.lang;
    let chosen = choose(setup, args)?;
    let destination = Destination::new(Some(&args.output));
    let named = chosen
        .paths
        .iter()
        .chain(chosen.previous.iter().map(|(path, _)| path))
        .map(|p| p.as_path());
    destination.check(&setup.inputs(named))?;
    let target = super::target(setup, args.target.spec.as_deref())?;
    let Some(current) = read(setup, &chosen.paths, args)? else {
        return Err(crate::exit_code::AlreadyReported.into());
    };
    let mut earlier = Vec::with_capacity(chosen.previous.len());
    for (path, label) in &chosen.previous {
        match read(setup, std::slice::from_ref(path), args)? {
            Some(read) => earlier.push((read, label.as_str())),
            None => return Err(crate::exit_code::AlreadyReported.into()),
        }
    }
    let previous = earlier.last().map(|(read, _)| read);
    let Some(assessment) = current.assessment() else {
        return Err(Localized::new("no-answers", &[]).into());
    };
    let answers = |read: &Assessed| -> Option<crate::model::answers::Responses> {
        if read.summary.is_some() {
            return None;
        }
        read.tally.answers.as_ref()?.first()?.clone()
    };
    let (current_answers, previous_answers) = (answers(&current), previous.and_then(answers));
    let comparison = previous.and_then(Assessed::assessment).map(|old| {
        compare(
            bank,
            &Side {
                assessment: old,
                responses: previous_answers.as_ref(),
            },
            &Side {
                assessment,
                responses: current_answers.as_ref(),
            },
        )
    });
    let subject = match &current.summary {
        Some(summary) => messages::team_of(lang, summary.respondents),
        None => current
            .tally
            .respondents
            .as_ref()
            .and_then(|r| r.first())
            .map_or_else(String::new, |r| r.respondent.clone()),
    };
    let plan = target.as_ref().map(|target| {
        crate::model::target::plan(bank, assessment, current_answers.as_ref(), target)
    });
    let trend = if earlier.len() >= 2 {
        earlier
            .iter()
            .filter_map(|(read, label)| {
                Some(TrendPoint {
                    label,
                    assessment: read.assessment()?,
                })
            })
            .chain([TrendPoint {
                label: &chosen.label,
                assessment,
            }])
            .collect()
    } else {
        Vec::new()
    };
    let document = ReportDocument {
        bank,
        subject,
        assessment,
        summary: current.summary.as_ref(),
        previous: previous.and_then(Assessed::assessment),
        comparison: comparison.as_ref(),
        target: target.as_ref().zip(plan.as_ref()),
        trend,
    };
    let style = TextStyle {
        width: 80,
        color: false,
        terminal: false,
    };
    destination.write_with(|out| ReportFormat::Html.write(style, &document, lang, out))?;
    Ok(ExitCode::Success)
}
