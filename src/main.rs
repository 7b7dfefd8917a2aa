#![forbid(unsafe_code)]

use clap::Parser;
use pyramid::exit_code::{AlreadyReported, ExitCode};

fn main() -> std::process::ExitCode {
    let cli = pyramid::cli::Cli::parse();
    match pyramid::commands::run(cli) {
        Ok(code) => code.into(),
        Err(err) => {
            if err.downcast_ref::<AlreadyReported>().is_none() {
                pyramid::output::say(&format!("error: {err:#}"));
            }
            ExitCode::BadInput.into()
        }
    }
}
