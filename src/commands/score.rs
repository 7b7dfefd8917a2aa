//! `pyramid score`: batch scoring of answer files and survey exports.

use super::Setup;
use super::gather::{Options, gather};
use super::second_pass::SecondPass;
use crate::cli::ScoreArgs;
use crate::documents::{RowStream, ScoresDocument, SpooledRows};
use crate::exit_code::ExitCode;
use crate::export::ScoresFormat;
use crate::messages::Localized;
use crate::model::target::{Plan, plan};
use crate::output::Destination;
use crate::terminal::style::style_for;
use anyhow::Result;
use std::path::PathBuf;

pub fn run(setup: &Setup, args: &ScoreArgs) -> Result<ExitCode> {
    let format = args.format;
    if format == ScoresFormat::Csv && args.summary && args.rows {
        return Err(Localized::new("csv-one-table", &[]).into());
    }
    let bank = &setup.bank;
    let destination = Destination::new(args.output.path.as_deref());
    destination.check(&setup.inputs(args.paths.iter().map(PathBuf::as_path)))?;
    let target = super::target(setup, args.target.spec.as_deref())?;
    let mut paths = args.paths.clone();
    paths.extend(
        args.campaigns
            .iter()
            .map(|name| PathBuf::from(format!("{}{name}", crate::input::campaign::PREFIX))),
    );
    let rows = !args.summary || args.rows;
    // CSV rows are written while reading, to temporary files (`spool`),
    // and copied out once all are good. JSON rows from inputs that can be
    // read twice are written from a second reading (`second_pass`). Other
    // rows are kept.
    let twice = !paths.is_empty() && paths.iter().all(|path| readable_twice(path));
    let spool = rows && format == ScoresFormat::Csv;
    let stream = rows && format == ScoresFormat::Json && twice;
    // Without rows from a second reading, inputs that can be read twice
    // have second submissions noted by name alone, and read again only
    // where some were found.
    let settle = twice && (!rows || spool);
    let mut tally = gather(
        setup,
        &paths,
        Options {
            read: args.read.clone(),
            keep_rows: rows && !stream && !spool,
            keep_answers: target.is_some() && rows && !stream && !spool,
            spool,
            // The second reading tells the second submissions: the rows'
            // without a summary to take them out of, or the settling one.
            second_reading: (stream && !args.summary) || settle,
            db: args.db.db.clone(),
        },
    )?;
    if tally.problem_count > 0 {
        tally.report_problems(args.skip_invalid);
        if !args.skip_invalid {
            return Err(crate::exit_code::AlreadyReported.into());
        }
    }
    if tally.scored == 0 && tally.rejected > 0 {
        return Err(Localized::new("all-skipped", &[])
            .count("count", tally.rejected)
            .into());
    }
    if tally.scored == 0 {
        return Err(Localized::new("no-answers", &[]).into());
    }
    if settle {
        let replaced = SecondPass::new(setup, &tally, &args.read, None).settle()?;
        for footprint in &replaced {
            tally.team.remove(footprint);
        }
    }
    let summary = args.summary.then(|| tally.team.finish(bank));
    let plans: Option<Vec<Plan>> =
        target
            .as_ref()
            .zip(tally.respondents.as_ref())
            .map(|(target, respondents)| {
                let answers = tally.answers.as_deref().unwrap_or_default();
                respondents
                    .iter()
                    .enumerate()
                    .map(|(n, r)| {
                        plan(
                            bank,
                            &r.assessment,
                            answers.get(n).and_then(Option::as_ref),
                            target,
                        )
                    })
                    .collect()
            });
    let team_plan = target
        .as_ref()
        .zip(summary.as_ref())
        .map(|(target, s)| plan(bank, &s.team, None, target));
    let spooled = match tally.spool.take() {
        Some(spool) => Some(spool.finish(tally.replaced_submissions())?),
        None => None,
    };
    let second = SecondPass::new(setup, &tally, &args.read, target.as_ref());
    let report = ScoresDocument {
        bank,
        respondents: tally.respondents.as_deref(),
        streamed: (rows && stream).then_some(&second as &dyn RowStream),
        spooled: spooled.as_ref().map(|spooled| spooled as &dyn SpooledRows),
        summary: summary.as_ref(),
        plans: plans.as_deref(),
        team_plan: team_plan.as_ref(),
    };
    let style = style_for(&destination);
    destination.write_with(|out| format.write(style, &report, setup.lang, out))?;
    Ok(if tally.problem_count > 0 {
        ExitCode::Partial
    } else {
        ExitCode::Success
    })
}

/// Whether a path gives the same text when read again: a regular file, a
/// folder of them, a campaign or a kept self-test; not standard input, a
/// pipe (`/dev/stdin`, a FIFO) or a device.
fn readable_twice(path: &std::path::Path) -> bool {
    let text = path.to_string_lossy();
    if text.starts_with(crate::input::campaign::PREFIX)
        || text.starts_with(crate::input::campaign::SELF_TEST_PREFIX)
    {
        return true;
    }
    std::fs::metadata(path).is_ok_and(|meta| meta.is_file() || meta.is_dir())
}
