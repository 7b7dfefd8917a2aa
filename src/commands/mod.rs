//! One module per subcommand; each turns parsed arguments into work done
//! by the domain and output modules.

mod bank_tools;
mod campaign;
mod compare;
mod duplicates;
pub mod gather;
mod history;
mod questions;
mod report;
mod score;
mod second_pass;
mod shell;
mod spool;
mod test;

use crate::cli::{BankArg, Cli, Command};
use crate::exit_code::ExitCode;
use crate::input::bank_file;
use crate::lang::Lang;
use crate::model::bank::Bank;
use anyhow::Result;

/// What every command that uses a bank gets from the global options: the
/// language and the loaded bank.
pub struct Setup {
    pub lang: Lang,
    pub bank: Bank,
    /// The bank's file, where `--bank` named one: an input too.
    pub bank_path: Option<std::path::PathBuf>,
    /// The bundled model's name (`--model`), where no `--bank` is given.
    pub model: String,
}

impl Setup {
    /// How a campaign or a self-test keeps its model: the bundled model's
    /// name, or a bank of one's own by its id with its whole text.
    fn kept_model(&self) -> Result<(String, Option<String>)> {
        match &self.bank_path {
            Some(path) => Ok((self.bank.id.clone(), Some(crate::input::read_text(path)?))),
            None => Ok((self.model.clone(), None)),
        }
    }

    /// The files a command reads besides the ones it names: the bank.
    fn inputs<'a>(
        &'a self,
        named: impl IntoIterator<Item = &'a std::path::Path>,
    ) -> Vec<&'a std::path::Path> {
        named.into_iter().chain(self.bank_path.as_deref()).collect()
    }
}

/// Loads the bank a command asks for (`--bank`, else `--model`).
fn setup(bank: &BankArg, lang: Lang) -> Result<Setup> {
    let loaded = match &bank.bank {
        Some(path) => bank_file::load(path)?,
        None => bank_file::model(&bank.model)?,
    };
    if let Some(note) = crate::messages::language_note(lang, &loaded) {
        crate::output::say(&crate::messages::note(lang, &note));
    }
    Ok(Setup {
        lang,
        bank: loaded,
        bank_path: bank.bank.clone(),
        model: bank.model.clone(),
    })
}

/// Runs the command in `lang`, the language `main.rs` also shows errors in.
pub fn run(cli: Cli, lang: Lang) -> Result<ExitCode> {
    if matches!(
        cli.command,
        Some(Command::Score(_) | Command::Compare(_) | Command::Report(_))
    ) {
        crate::output::remove_unfinished_on_signals();
    }
    match cli.command {
        None => test::run(&setup(&cli.test.bank, lang)?, &cli.test),
        Some(command) => run_command(command, lang),
    }
}

fn run_command(command: Command, lang: Lang) -> Result<ExitCode> {
    match command {
        Command::Test(args) => test::run(&setup(&args.bank, lang)?, &args),
        Command::Score(args) => score::run(&setup(&args.bank, lang)?, &args),
        Command::Compare(args) => compare::run(&setup(&args.bank, lang)?, &args),
        Command::Report(args) => report::run(&setup(&args.bank, lang)?, &args),
        Command::Questions(args) => questions::run(&setup(&args.bank, lang)?, &args),
        Command::Models => bank_tools::models(lang),
        Command::History(args) => history::run(&args, lang),
        Command::Serve(args) => crate::serve::run(&args, lang),
        Command::Campaign(command) => match &command {
            crate::cli::CampaignCommand::New { bank, .. }
            | crate::cli::CampaignCommand::Import { bank, .. } => {
                let setup = setup(bank, lang)?;
                campaign::run(&command, Some(&setup), lang)
            }
            _ => campaign::run(&command, None, lang),
        },
        Command::Validate(args) => bank_tools::validate(&args, lang),
        Command::NewBank(args) => bank_tools::new_bank(&args),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man { dir } => shell::man(dir.as_deref(), lang),
    }
}

/// The `--target` of a command, read against the bank.
fn target(setup: &Setup, spec: Option<&str>) -> Result<Option<crate::model::target::Target>> {
    spec.map(|spec| {
        crate::model::target::Target::parse(spec, &setup.bank)
            .map_err(|err| crate::messages::target_error(spec, &err, &setup.bank).into())
    })
    .transpose()
}
