//! `pyramid questions`: the bank's questions in a table, YAML or JSON.

use super::Setup;
use crate::cli::QuestionsArgs;
use crate::exit_code::ExitCode;
use crate::output::Destination;
use crate::terminal::style::stdout_style;
use anyhow::Result;

pub fn run(setup: &Setup, args: &QuestionsArgs) -> Result<ExitCode> {
    let style = stdout_style();
    Destination::Stdout.write_with(|out| args.format.write(style, &setup.bank, setup.lang, out))?;
    Ok(ExitCode::Success)
}
