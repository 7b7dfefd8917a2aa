//! Leaving cleanly on Ctrl-C: the cursor visible again, a word on what
//! happened, exit code 130.

use crate::lang::Lang;
use crate::messages::words;
use dialoguer::console::Term;
use std::sync::Once;

/// The exit code for an interrupted or quit run (128 + SIGINT).
pub const EXIT_INTERRUPTED: i32 = 130;

static EXIT: Once = Once::new();

/// Restores the terminal and ends the process. Safe to call from the signal
/// handler thread and the main thread at once: the first caller exits, any
/// other waits for that.
pub fn exit(lang: Lang) -> ! {
    EXIT.call_once(|| {
        let term = Term::stderr();
        let _ = term.show_cursor();
        let _ = term.write_line("");
        let _ = term.write_line(words(lang).interrupted);
        std::process::exit(EXIT_INTERRUPTED);
    });
    loop {
        std::thread::park();
    }
}

/// Makes SIGINT (and SIGTERM, SIGHUP) restore the terminal before exiting.
/// dialoguer reads keys in raw mode and hides the cursor; without this a
/// Ctrl-C would leave the cursor hidden.
pub fn install(lang: Lang) {
    // Failing to install only loses the cursor clean-up; the test still runs.
    let _ = ctrlc::set_handler(move || exit(lang));
}
