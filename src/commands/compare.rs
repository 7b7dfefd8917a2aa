//! `pyramid compare OLD NEW`: what moved between two assessments.

use super::Setup;
use super::gather::{Options, Tally, gather};
use crate::cli::CompareArgs;
use crate::documents::ComparisonDocument;
use crate::exit_code::ExitCode;
use crate::messages::Localized;
use crate::model::compare::{Side, compare};
use crate::model::scoring::Assessment;
use crate::output::Destination;
use crate::terminal::style::style_for;
use anyhow::Result;
use std::path::Path;

pub fn run(setup: &Setup, args: &CompareArgs) -> Result<ExitCode> {
    let (old_path, new_path) = match (&args.old, &args.new) {
        (Some(old), Some(new)) => (old.clone(), new.clone()),
        _ => last_two(setup, &args.db)?,
    };
    let destination = Destination::new(args.output.path.as_deref());
    destination.check(&setup.inputs([old_path.as_path(), new_path.as_path()]))?;
    let options = || Options {
        read: args.read.clone(),
        keep_rows: !args.summary,
        keep_answers: !args.summary,
        spool: false,
        second_reading: false,
        db: args.db.db.clone(),
    };
    let old = gather(setup, std::slice::from_ref(&old_path), options())?;
    let new = gather(setup, std::slice::from_ref(&new_path), options())?;
    for side in [&old, &new] {
        if side.problem_count > 0 {
            side.report_problems(false);
            return Err(crate::exit_code::AlreadyReported.into());
        }
    }
    let bank = &setup.bank;
    let old_team = args.summary.then(|| old.team.finish(bank).team);
    let new_team = args.summary.then(|| new.team.finish(bank).team);
    let (old_side, new_side) = match (&old_team, &new_team) {
        (Some(old_team), Some(new_team)) => (
            Side {
                assessment: old_team,
                responses: None,
            },
            Side {
                assessment: new_team,
                responses: None,
            },
        ),
        _ => (one(&old, &old_path)?, one(&new, &new_path)?),
    };
    let comparison = compare(bank, &old_side, &new_side);
    let target = super::target(setup, args.target.spec.as_deref())?;
    let plan = target.as_ref().map(|target| {
        crate::model::target::plan(bank, new_side.assessment, new_side.responses, target)
    });
    let (old_name, new_name) = (
        old_path.display().to_string(),
        new_path.display().to_string(),
    );
    let report = ComparisonDocument {
        bank,
        old_name: &old_name,
        new_name: &new_name,
        comparison: &comparison,
        plan: plan.as_ref(),
    };
    let style = style_for(&destination);
    destination.write_with(|out| args.format.write(style, &report, setup.lang, out))?;
    Ok(ExitCode::Success)
}

/// The last two self-tests kept with this model: `self-test:N` paths.
fn last_two(
    setup: &Setup,
    db: &crate::cli::DbArg,
) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
    let mine = super::history::mine(setup, db)?;
    match mine.as_slice() {
        [.., old, new] => Ok((super::history::path_of(old), super::history::path_of(new))),
        _ => Err(Localized::new("history-too-short", &[])
            .count("count", mine.len())
            .into()),
    }
}

/// The one respondent of a side, with its answers where they are known.
fn one<'a>(tally: &'a Tally, path: &Path) -> Result<Side<'a>> {
    let respondents = tally.respondents.as_deref().unwrap_or_default();
    let [only] = respondents else {
        let file = path.display().to_string();
        let err = Localized::new("compare-one-with-one", &[("file", &file)]);
        return Err(err.count("count", respondents.len()).into());
    };
    let responses = tally
        .answers
        .as_ref()
        .and_then(|answers| answers.first())
        .and_then(Option::as_ref);
    Ok(Side {
        assessment: &only.assessment as &Assessment,
        responses,
    })
}
