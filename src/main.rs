#![forbid(unsafe_code)]

use clap::Parser;
use std::process::ExitCode;

/// Exit code for bad usage or bad input.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = pyramid::cli::Cli::parse();
    match pyramid::commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            pyramid::output::say(&format!("error: {err:#}"));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
