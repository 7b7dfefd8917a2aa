//! `pyramid test`: the interactive self-test, resumable after an
//! interruption.

use super::Setup;
use crate::cli::TestArgs;
use crate::exit_code::ExitCode;
use crate::file_id::same_place;
use crate::input::answer_file;
use crate::input::progress_store::{ProgressStore, Saved};
use crate::lang::Lang;
use crate::messages::Localized;
use crate::messages::{self, words};
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use crate::model::scoring::assess;
use crate::output::Destination;
use crate::output::write_atomically;
use crate::terminal::interrupt::{self, INTERRUPTED};
use crate::terminal::plain_prompt::PlainAsker;
use crate::terminal::prompt::TerminalAsker;
use crate::terminal::result_view;
use crate::terminal::session::{self, Outcome};
use crate::terminal::session::{Asker, Notices};
use crate::terminal::style::{color_wanted, stdout_style};
use crate::visible::{visible, visible_lines};
use anyhow::{Result, bail};
use std::io::IsTerminal;

pub fn run(setup: &Setup, args: &TestArgs) -> Result<ExitCode> {
    crate::terminal::style::choose_color(args.color);
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Localized::new("not-a-terminal", &[]).into());
    }
    if let Some(path) = &args.save {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(folder) = folder
            && !folder.is_dir()
        {
            let (file, folder) = (path.display().to_string(), folder.display().to_string());
            let args = [("file", file.as_str()), ("folder", folder.as_str())];
            return Err(Localized::new("save-folder-missing", &args).into());
        }
    }
    let bank = &setup.bank;
    let lang = setup.lang;
    let target = super::target(setup, args.target.spec.as_deref())?;
    let store = ProgressStore::for_bank(bank);
    if let Some(save) = &args.save {
        Destination::new(Some(save)).check(&setup.inputs([]))?;
        if let Some(store) = &store
            && same_place(save, store.path())
        {
            let file = visible(&save.display().to_string()).into_owned();
            return Err(Localized::new("save-over-progress", &[("file", &file)]).into());
        }
    }
    // Held until the test ends, so a second self-test cannot overwrite
    // this one's answers.
    let _lock = match store.as_ref().map(ProgressStore::lock) {
        Some(Err(path)) => bail!(messages::progress_locked(
            lang,
            &visible(&path.display().to_string())
        )),
        Some(Ok(lock)) => lock,
        None => None,
    };
    interrupt::install(lang);
    let notices = Notices::default();
    let mut asker: Box<dyn Asker> = if needs_plain_prompt() {
        Box::new(PlainAsker::new(bank, lang, notices.clone()))
    } else {
        Box::new(TerminalAsker::new(
            bank,
            lang,
            color_wanted(),
            notices.clone(),
        ))
    };
    let (respondent, responses) =
        starting_point(bank, lang, args, store.as_ref(), asker.as_mut(), &notices)?;
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
                let notice = messages::progress_not_saved(lang, &format!("{err:#}"));
                crate::output::say(&notice);
                notices
                    .borrow_mut()
                    .push(visible_lines(&notice).into_owned());
            }
            Err(_) => {}
        }
    };
    let start = responses.first_unanswered().unwrap_or(responses.len());
    let responses = match session::run(asker.as_mut(), responses, start, &mut keep)? {
        Outcome::Finished(responses) => responses,
        Outcome::Quit => {
            crate::output::say(words(lang).quit_done);
            if let Some(text) = interrupt::how_to_continue() {
                crate::output::say(&text);
            }
            return Ok(INTERRUPTED);
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
    keep_in_history(setup, &args.db, &respondent, &responses);
    let assessment = assess(bank, &responses);
    let plan = target
        .as_ref()
        .map(|target| crate::model::target::plan(bank, &assessment, Some(&responses), target));
    let text = result_view::render(bank, &assessment, plan.as_ref(), lang, stdout_style());
    crate::terminal::pager::show(&text, !args.no_pager)?;
    Ok(ExitCode::Success)
}

/// Keeps the finished self-test in the history (the database), and says
/// so; a history that cannot be written is a warning, not a lost result.
fn keep_in_history(setup: &Setup, db: &crate::cli::DbArg, respondent: &str, responses: &Responses) {
    let lang = setup.lang;
    let kept = || -> Result<i64> {
        let path = crate::store::chosen_path(db.db.as_deref())?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)?;
        }
        let store = crate::store::Store::open(&path)?;
        let (model, bank_yaml) = setup.kept_model()?;
        let answers: Vec<(&str, &str)> = responses.keys(&setup.bank).collect();
        store.keep_self_test(&crate::store::self_tests::NewSelfTest {
            version: env!("CARGO_PKG_VERSION"),
            model: &model,
            bank_yaml: bank_yaml.as_deref(),
            respondent,
            lang: lang.code(),
            answers: &answers,
        })
    };
    match kept() {
        Ok(number) => {
            let number = number.to_string();
            crate::output::say(&messages::note(
                lang,
                &messages::say_in(lang, "history-kept", &[("number", &number)]),
            ));
        }
        Err(err) => {
            let reason = messages::describe(&err, lang);
            crate::output::say(&messages::warning(
                lang,
                &messages::say_in(lang, "history-not-kept", &[("reason", &reason)]),
            ));
        }
    }
}

/// The respondent and answers to start from: the saved progress when the
/// person resumes, else nothing.
fn starting_point(
    bank: &Bank,
    lang: Lang,
    args: &TestArgs,
    store: Option<&ProgressStore>,
    asker: &mut dyn Asker,
    notices: &Notices,
) -> Result<(String, Responses)> {
    let notice = |text: String| {
        crate::output::say(&text);
        notices.borrow_mut().push(visible_lines(&text).into_owned());
    };
    let fresh = || {
        let respondent = args.respondent.clone().unwrap_or_else(login_name);
        (respondent, Responses::empty(bank))
    };
    let saved = store.map_or(Saved::Nothing, |store| store.load(bank));
    Ok(match saved {
        Saved::Found {
            respondent,
            responses,
            dropped,
        } => {
            if let Some((dropped, kept)) = dropped {
                notice(messages::answers_dropped(
                    lang,
                    dropped,
                    &kept.display().to_string(),
                ));
            }
            if args.resume || asker.ask_resume(answered(&responses))? {
                (args.respondent.clone().unwrap_or(respondent), responses)
            } else {
                fresh()
            }
        }
        Saved::Unusable { reason, kept } => {
            let reason = messages::describe(&reason, lang);
            notice(match kept {
                Some(kept) => {
                    messages::progress_kept_aside(lang, &reason, &kept.display().to_string())
                }
                None => {
                    let path = store
                        .map(|s| s.path().display().to_string())
                        .unwrap_or_default();
                    messages::progress_unusable(lang, &path, &reason)
                }
            });
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

/// The fewest rows the menu of a question needs; a smaller window, or
/// `TERM=dumb`, gets the self-test line by line.
const MENU_ROWS: u16 = 10;

fn needs_plain_prompt() -> bool {
    crate::terminal::style::dumb_terminal()
        || dialoguer::console::Term::stderr()
            .size_checked()
            .is_some_and(|(rows, _)| rows < MENU_ROWS)
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
