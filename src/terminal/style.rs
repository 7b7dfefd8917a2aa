//! Colour and width for terminal output.

use crate::export::TextStyle;
use dialoguer::console::{Style, Term};
use std::io::IsTerminal;

/// The width used when stdout is not a terminal: stable, and readable in an
/// 80-column window.
pub const DEFAULT_WIDTH: u16 = 80;

/// `--color`: when to colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it
    #[default]
    Auto,
    Always,
    Never,
}

static CHOICE: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

/// Sets the self-test's `--color` for the run (once, at start; later calls
/// change nothing), for its screens and its prompts alike.
pub fn choose_color(choice: ColorChoice) {
    let _ = CHOICE.set(choice);
    match choice {
        ColorChoice::Always => dialoguer::console::set_colors_enabled(true),
        ColorChoice::Never => dialoguer::console::set_colors_enabled(false),
        ColorChoice::Auto => {}
    }
}

/// Whether colour is wanted: `--color always` or `never` decide; else
/// `CLICOLOR_FORCE` (not empty, not `0`) turns it on, `NO_COLOR` (not
/// empty, https://no-color.org) or `TERM=dumb` off, and otherwise a
/// terminal on standard output has it.
pub fn color_wanted() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    match CHOICE.get().copied().unwrap_or_default() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto
            if set("CLICOLOR_FORCE")
                && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0") =>
        {
            true
        }
        ColorChoice::Auto => {
            !set("NO_COLOR") && !dumb_terminal() && std::io::stdout().is_terminal()
        }
    }
}

/// `TERM=dumb`: a terminal that takes no cursor movement and no colour.
pub fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}

/// The table style for stdout: the terminal's width on a terminal (below
/// 60 columns tables become lists), a fixed 80 columns elsewhere.
pub fn stdout_style() -> TextStyle {
    let terminal = std::io::stdout().is_terminal();
    let width = if terminal {
        Term::stdout()
            .size_checked()
            .map_or(DEFAULT_WIDTH, |(_, columns)| columns.max(20))
    } else {
        DEFAULT_WIDTH
    };
    TextStyle {
        width,
        color: color_wanted(),
        terminal,
    }
}

/// The table style for where a result goes: the terminal's on standard
/// output, a fixed 80 columns without colour in a file.
pub fn style_for(destination: &crate::output::Destination) -> TextStyle {
    if destination.is_stdout() {
        stdout_style()
    } else {
        TextStyle {
            width: DEFAULT_WIDTH,
            color: false,
            terminal: false,
        }
    }
}

/// Applies `style` when colour is on.
pub fn paint(text: &str, style: &Style, color: bool) -> String {
    if color {
        style.clone().force_styling(true).apply_to(text).to_string()
    } else {
        text.to_string()
    }
}
