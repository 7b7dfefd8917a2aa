//! `pyramid completions SHELL` and `pyramid man`: fitting into shells.

use crate::cli::Cli;
use crate::exit_code::ExitCode;
use crate::output::print;
use anyhow::Result;
use clap::CommandFactory;

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "pyramid", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::Success)
}

pub fn man() -> Result<ExitCode> {
    let mut page = Vec::new();
    // The page lists every subcommand with its summary.
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    print(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::Success)
}
