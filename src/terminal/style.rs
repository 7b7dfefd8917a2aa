//! Colour and width for terminal output.

use crate::export::TextStyle;
use dialoguer::console::{Style, Term};
use std::io::IsTerminal;

/// The width used when stdout is not a terminal: stable, and readable in an
/// 80-column window.
pub const DEFAULT_WIDTH: u16 = 80;

/// Whether colour is wanted: stdout is a terminal that is not `dumb`, and
/// `NO_COLOR` is unset or empty (https://no-color.org).
pub fn color_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    !no_color && !dumb_terminal() && std::io::stdout().is_terminal()
}

/// `TERM=dumb`: a terminal that takes no cursor movement and no colour.
pub fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}

/// The table style for stdout: the terminal's width (kept between 60 and
/// 100 columns) on a terminal, a fixed 80 columns elsewhere.
pub fn stdout_style() -> TextStyle {
    let width = if std::io::stdout().is_terminal() {
        Term::stdout()
            .size_checked()
            .map_or(DEFAULT_WIDTH, |(_, columns)| columns.clamp(60, 100))
    } else {
        DEFAULT_WIDTH
    };
    TextStyle {
        width,
        color: color_wanted(),
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
