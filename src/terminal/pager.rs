//! A result taller than the terminal goes through a pager, as git's output
//! does: `PAGER` where set (not empty), else `less -FRX` (quit at the end
//! when it fits, keep colours, leave the text on the screen). Without a
//! terminal, with `--no-pager`, or when the pager cannot start, the text
//! (or on a dumb terminal) is printed as it is.

use crate::output::print;
use anyhow::Result;
use dialoguer::console::Term;
use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

/// Shows `text` on standard output, through the pager where it is wanted.
pub fn show(text: &str, pager: bool) -> Result<()> {
    let rows = Term::stdout()
        .size_checked()
        .map(|(rows, _)| usize::from(rows));
    let taller = rows.is_some_and(|rows| text.lines().count() >= rows);
    let dumb = crate::terminal::style::dumb_terminal();
    if !pager || !taller || dumb || !std::io::stdout().is_terminal() {
        return print(text);
    }
    let chosen = std::env::var("PAGER")
        .ok()
        .filter(|pager| !pager.trim().is_empty());
    let command = chosen.unwrap_or_else(|| "less -FRX".to_string());
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else {
        return print(text);
    };
    let mut pager = Command::new(program);
    pager.args(words).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        pager.env("LESS", "FRX");
    }
    match pager.spawn() {
        Ok(mut child) => {
            if let Some(mut input) = child.stdin.take() {
                // A pager quit early closes its input: not an error.
                let _ = input.write_all(text.as_bytes());
            }
            let _ = child.wait();
            Ok(())
        }
        Err(_) => print(text),
    }
}
