//! `pyramid test`: the interactive self-test.

use super::Context;
use crate::answers::Responses;
use crate::cli::TestArgs;
use crate::input::answer_file;
use crate::messages;
use crate::output::{print, write_atomically};
use crate::scoring::assess;
use crate::terminal::interrupt::{self, EXIT_INTERRUPTED};
use crate::terminal::prompt::TerminalAsker;
use crate::terminal::result_view;
use crate::terminal::session::{self, Outcome};
use crate::terminal::style::{color_wanted, stdout_style};
use anyhow::{Result, bail};
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(context: &Context, args: &TestArgs) -> Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        bail!(
            "the self-test asks its questions in a terminal, but standard input or standard error \
             is not one.\nTo score answers without a terminal, write them in an answer file \
             (see `pyramid questions` for the ids and keys) and score it with `pyramid score FILE`."
        );
    }
    if let Some(path) = &args.save {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(folder) = folder
            && !folder.is_dir()
        {
            bail!(
                "cannot save answers to {}: folder {} does not exist",
                path.display(),
                folder.display()
            );
        }
    }
    let bank = &context.bank;
    let lang = context.lang;
    interrupt::install(lang);
    let mut asker = TerminalAsker::new(bank, lang, color_wanted());
    let responses = match session::run(&mut asker, Responses::empty(bank), 0)? {
        Outcome::Finished(responses) => responses,
        Outcome::Quit => {
            eprintln!("{}", messages::words(lang).quit_done);
            return Ok(ExitCode::from(EXIT_INTERRUPTED as u8));
        }
    };
    // Save before showing the result, so the answers are safe whatever
    // happens to the screen.
    if let Some(path) = &args.save {
        let respondent = args.respondent.clone().unwrap_or_else(login_name);
        let yaml = answer_file::to_yaml(bank, &respondent, &responses)?;
        write_atomically(path, yaml.as_bytes())?;
        eprintln!("{}", messages::saved_to(lang, &path.display().to_string()));
    }
    let assessment = assess(bank, &responses);
    print(&result_view::render(
        bank,
        &assessment,
        lang,
        stdout_style(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The user's login name, for the answer file when `--respondent` is not given.
fn login_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "anonymous".to_string())
}
