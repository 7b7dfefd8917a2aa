//! Leaving cleanly on Ctrl-C, SIGTERM or a closed terminal (SIGHUP): the
//! terminal back as it was (cooked mode, cursor visible), a word on what
//! happened and how to continue, exit code 128 + the signal's number.

use crate::exit_code::ExitCode;
use crate::lang::Lang;
use crate::messages::words;
use dialoguer::console::Term;
use signal_hook::consts::SIGINT;
use std::sync::{Mutex, Once};
use std::time::Duration;

/// How Ctrl-C or a confirmed quit ends the test (130).
pub const INTERRUPTED: ExitCode = ExitCode::Signal(SIGINT);

static EXIT: Once = Once::new();
/// What to tell the user about continuing; updated as answers are saved.
static HOW_TO_CONTINUE: Mutex<Option<String>> = Mutex::new(None);

/// Sets the line shown after an interruption, such as where the answers so
/// far are saved.
pub fn set_how_to_continue(text: String) {
    if let Ok(mut slot) = HOW_TO_CONTINUE.lock() {
        *slot = Some(text);
    }
}

/// The line set by `set_how_to_continue`, if any.
pub fn how_to_continue() -> Option<String> {
    HOW_TO_CONTINUE.lock().ok().and_then(|slot| slot.clone())
}

/// Restores the terminal, says what happened and ends the process. Safe to
/// call from the signal thread and the main thread at once: the first
/// caller exits, any other waits for that.
pub fn exit(lang: Lang, code: ExitCode) -> ! {
    EXIT.call_once(|| {
        crate::output::remove_unfinished();
        let term = Term::stderr();
        if !crate::terminal::style::dumb_terminal() {
            let _ = term.show_cursor();
        }
        let _ = term.write_line("");
        let what = if code == INTERRUPTED {
            words(lang).interrupted
        } else {
            words(lang).stopped
        };
        let _ = term.write_line(what);
        if let Some(text) = how_to_continue() {
            let _ = term.write_line(&text);
        }
        code.exit();
    });
    loop {
        std::thread::park();
    }
}

/// Watches for SIGINT, SIGTERM and SIGHUP on a thread of its own. dialoguer
/// reads keys in raw mode with the cursor hidden; a signal that arrives
/// then would otherwise leave the terminal that way.
#[cfg(unix)]
pub fn install(lang: Lang) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    // The terminal's mode before any prompt, to put back on a signal.
    let saved = nix::sys::termios::tcgetattr(std::io::stdin()).ok();
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        // Without the watcher the test still runs; only the clean-up is lost.
        return;
    };
    std::thread::spawn(move || {
        let Some(first) = signals.forever().next() else {
            return;
        };
        // console answers a key read that any signal interrupts with a
        // SIGINT of its own; the signal that came from outside wins.
        std::thread::sleep(OTHER_SIGNALS_WAIT);
        let signal = std::iter::once(first)
            .chain(signals.pending())
            .max_by_key(|&signal| signal != SIGINT)
            .unwrap_or(first);
        if let Some(mode) = &saved {
            let _ = nix::sys::termios::tcsetattr(
                std::io::stdin(),
                nix::sys::termios::SetArg::TCSANOW,
                mode,
            );
        }
        exit(lang, ExitCode::Signal(signal));
    });
}

/// Elsewhere (Windows) Ctrl-C reaches a key read as an interruption, which
/// `interrupted` handles; there are no other signals to watch.
#[cfg(not(unix))]
pub fn install(_lang: Lang) {}

/// How long the signal thread waits for a second signal.
const OTHER_SIGNALS_WAIT: Duration = Duration::from_millis(20);

/// Called where a key read was interrupted: the signal thread is about to
/// end the process with the right code; if it does not, exit as for Ctrl-C.
pub fn interrupted(lang: Lang) -> ! {
    std::thread::sleep(OTHER_SIGNALS_WAIT * 10);
    exit(lang, INTERRUPTED)
}
