#![forbid(unsafe_code)]

use pyramid::exit_code::{AlreadyReported, ExitCode};
use pyramid::messages;

fn main() -> std::process::ExitCode {
    let cli = pyramid::cli::parse();
    let lang = cli.lang();
    match pyramid::commands::run(cli, lang) {
        Ok(code) => code.into(),
        Err(err) => {
            if err.downcast_ref::<AlreadyReported>().is_none() {
                let text = messages::describe(&err, lang);
                pyramid::output::say(&messages::error(lang, &text));
            }
            ExitCode::BadInput.into()
        }
    }
}
