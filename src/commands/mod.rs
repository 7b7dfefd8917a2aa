//! One module per subcommand; each turns parsed arguments into work done
//! by the domain and output modules.

mod bank_tools;
mod compare;
mod gather;
mod questions;
mod report;
mod score;
mod shell;
mod test;

use crate::bank::Bank;
use crate::cli::{Cli, Command, TestArgs};
use crate::input::bank_file;
use crate::lang::Lang;
use anyhow::Result;
use std::process::ExitCode;

/// What every command gets from the global options.
pub struct Context {
    pub lang: Lang,
    pub bank: Bank,
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    // These need no bank.
    match &cli.command {
        Some(Command::Completions { shell }) => return shell::completions(*shell),
        Some(Command::Man) => return shell::man(),
        Some(Command::Validate(args)) => return bank_tools::validate(args),
        Some(Command::NewBank(args)) => return bank_tools::new_bank(args),
        _ => {}
    }
    let lang = cli.lang.map_or_else(Lang::from_env, Lang::from);
    let bank = match &cli.bank {
        Some(path) => bank_file::load(path)?,
        None => bank_file::builtin()?,
    };
    let context = Context { lang, bank };
    match cli.command {
        None => test::run(&context, &TestArgs::default()),
        Some(Command::Test(args)) => test::run(&context, &args),
        Some(Command::Score(args)) => score::run(&context, &args),
        Some(Command::Compare(args)) => compare::run(&context, &args),
        Some(Command::Report(args)) => report::run(&context, &args),
        Some(
            Command::Completions { .. } | Command::Man | Command::Validate(_) | Command::NewBank(_),
        ) => Ok(ExitCode::SUCCESS),
        Some(Command::Questions(args)) => questions::run(&context, &args),
    }
}

/// The `--target` of a command, read against the bank.
fn target(context: &Context, spec: Option<&str>) -> Result<Option<crate::target::Target>> {
    spec.map(|spec| {
        crate::target::Target::parse(spec, &context.bank)
            .map_err(|err| anyhow::anyhow!("--target {spec}: {err}"))
    })
    .transpose()
}
