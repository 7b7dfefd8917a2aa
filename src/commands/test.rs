//! `pyramid test`: the interactive self-test, resumable after an
//! interruption.

use super::Context;
use crate::answers::Responses;
use crate::bank::Bank;
use crate::cli::TestArgs;
use crate::input::answer_file;
use crate::input::progress::{ProgressStore, Saved};
use crate::lang::Lang;
use crate::messages::{self, words};
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
    let target = super::target(context, args.target.as_deref())?;
    interrupt::install(lang);
    let asker = TerminalAsker::new(bank, lang, color_wanted());
    let store = ProgressStore::for_bank(bank);
    let (respondent, responses) = starting_point(bank, lang, args, store.as_ref(), &asker)?;
    interrupt::set_how_to_continue(messages::how_to_continue(lang, answered(&responses)));

    let mut warned = false;
    let mut keep = |responses: &Responses| {
        let Some(store) = &store else { return };
        match store.save(bank, &respondent, responses) {
            Ok(()) => {
                interrupt::set_how_to_continue(messages::how_to_continue(lang, answered(responses)))
            }
            Err(err) if !warned => {
                warned = true;
                crate::output::say(&messages::progress_not_saved(lang, &format!("{err:#}")));
            }
            Err(_) => {}
        }
    };
    let start = responses.first_unanswered().unwrap_or(responses.len());
    let mut asker = asker;
    let responses = match session::run(&mut asker, responses, start, &mut keep)? {
        Outcome::Finished(responses) => responses,
        Outcome::Quit => {
            crate::output::say(words(lang).quit_done);
            if let Some(text) = interrupt::how_to_continue() {
                crate::output::say(&text);
            }
            return Ok(ExitCode::from(EXIT_INTERRUPTED as u8));
        }
    };
    // Save before showing the result, so the answers are safe whatever
    // happens to the screen.
    if let Some(path) = &args.save {
        let yaml = answer_file::to_yaml(bank, &respondent, &responses)?;
        write_atomically(path, yaml.as_bytes())?;
        crate::output::say(&messages::saved_to(lang, &path.display().to_string()));
    }
    if let Some(store) = &store {
        store.remove()?;
    }
    let assessment = assess(bank, &responses);
    let plan = target
        .as_ref()
        .map(|target| crate::target::plan(bank, &assessment, Some(&responses), target));
    print(&result_view::render(
        bank,
        &assessment,
        plan.as_ref(),
        lang,
        stdout_style(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The respondent and answers to start from: the saved progress when the
/// person resumes, else nothing.
fn starting_point(
    bank: &Bank,
    lang: Lang,
    args: &TestArgs,
    store: Option<&ProgressStore>,
    asker: &TerminalAsker,
) -> Result<(String, Responses)> {
    let fresh = || {
        let respondent = args.respondent.clone().unwrap_or_else(login_name);
        (respondent, Responses::empty(bank))
    };
    let saved = store.map_or(Saved::Nothing, |store| store.load(bank));
    Ok(match saved {
        Saved::Found {
            respondent,
            responses,
        } => {
            if args.resume || asker.ask_resume(answered(&responses))? {
                (args.respondent.clone().unwrap_or(respondent), responses)
            } else {
                fresh()
            }
        }
        Saved::Unusable { reason } => {
            let path = store
                .map(|s| s.path().display().to_string())
                .unwrap_or_default();
            crate::output::say(&messages::progress_unusable(lang, &path, &reason));
            fresh()
        }
        Saved::Nothing => {
            if args.resume {
                crate::output::say(words(lang).nothing_to_resume);
            }
            fresh()
        }
    })
}

fn answered(responses: &Responses) -> usize {
    (0..responses.len())
        .filter(|&q| responses.get(q).is_some())
        .count()
}

/// The user's login name, for the answer file when `--respondent` is not given.
fn login_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "anonymous".to_string())
}
