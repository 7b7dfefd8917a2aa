#![forbid(unsafe_code)]

use clap::Parser;
use pyramid::exit_code::{AlreadyReported, ExitCode};
use pyramid::messages;

fn main() -> std::process::ExitCode {
    let cli = pyramid::cli::Cli::parse();
    let lang = cli.lang();
    match pyramid::commands::run(cli, lang) {
        Ok(code) => code.into(),
        Err(err) => {
            if err.downcast_ref::<AlreadyReported>().is_none() {
                let error = messages::error_word(lang);
                pyramid::output::say(&format!("{error}: {}", messages::describe(&err, lang)));
            }
            ExitCode::BadInput.into()
        }
    }
}
