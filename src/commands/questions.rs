//! `pyramid questions`: the bank's questions in a table, YAML or JSON.

use super::Context;
use crate::cli::QuestionsArgs;
use crate::exit_code::ExitCode;
use crate::export::exporter;
use crate::output::Destination;
use crate::terminal::style::stdout_style;
use anyhow::Result;

pub fn run(context: &Context, args: &QuestionsArgs) -> Result<ExitCode> {
    let exporter = exporter(args.format, stdout_style());
    Destination::Stdout.write_with(|out| exporter.questions(&context.bank, context.lang, out))?;
    Ok(ExitCode::Success)
}
