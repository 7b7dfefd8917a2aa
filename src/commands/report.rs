//! `pyramid report`: one self-contained HTML file to put in front of a
//! board, for one respondent or a team, with the previous assessment.

use super::Setup;
use super::gather::{Options, Tally, gather};
use crate::cli::ReportArgs;
use crate::documents::ReportDocument;
use crate::exit_code::ExitCode;
use crate::export::{ReportFormat, TextStyle};
use crate::messages;
use crate::model::compare::{Side, compare};
use crate::model::scoring::Assessment;
use crate::model::team::TeamSummary;
use crate::output::Destination;
use anyhow::Result;

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
    paths: &[std::path::PathBuf],
    args: &ReportArgs,
) -> Result<Option<Assessed<'a>>> {
    let tally = gather(
        setup,
        paths,
        Options {
            read: args.read,
            keep_rows: true,
            keep_answers: true,
            db: args.db.db.clone(),
        },
    )?;
    if tally.problem_count > 0 {
        tally.report_problems(false);
        return Ok(None);
    }
    if tally.scored == 0 {
        return Err(crate::messages::Localized::new("no-answers", &[]).into());
    }
    let summary = (tally.scored > 1).then(|| tally.team.finish(&setup.bank));
    Ok(Some(Assessed { tally, summary }))
}

pub fn run(setup: &Setup, args: &ReportArgs) -> Result<ExitCode> {
    let bank = &setup.bank;
    let lang = setup.lang;
    let destination = Destination::new(Some(&args.output));
    let named = args.paths.iter().chain(&args.previous).map(|p| p.as_path());
    destination.check(&setup.inputs(named))?;
    let target = super::target(setup, args.target.spec.as_deref())?;
    let Some(current) = read(setup, &args.paths, args)? else {
        return Err(crate::exit_code::AlreadyReported.into());
    };
    let previous = match &args.previous {
        Some(path) => match read(setup, std::slice::from_ref(path), args)? {
            Some(previous) => Some(previous),
            None => return Err(crate::exit_code::AlreadyReported.into()),
        },
        None => None,
    };
    let Some(assessment) = current.assessment() else {
        return Err(crate::messages::Localized::new("no-answers", &[]).into());
    };
    let answers = |read: &Assessed| -> Option<crate::model::answers::Responses> {
        if read.summary.is_some() {
            return None;
        }
        read.tally.answers.as_ref()?.first()?.clone()
    };
    let (current_answers, previous_answers) =
        (answers(&current), previous.as_ref().and_then(answers));
    let comparison = previous.as_ref().and_then(Assessed::assessment).map(|old| {
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
    let document = ReportDocument {
        bank,
        subject,
        assessment,
        summary: current.summary.as_ref(),
        previous: previous.as_ref().and_then(Assessed::assessment),
        comparison: comparison.as_ref(),
        target: target.as_ref().zip(plan.as_ref()),
    };
    let style = TextStyle {
        width: 80,
        color: false,
    };
    destination.write_with(|out| ReportFormat::Html.write(style, &document, lang, out))?;
    Ok(ExitCode::Success)
}
