//! `pyramid completions SHELL` and `pyramid man`: fitting into shells.

use crate::cli::Cli;
use crate::exit_code::ExitCode;
use crate::messages::{Localized, LocalizedContext};
use crate::output::print;
use anyhow::Result;
use clap::CommandFactory;

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "pyramid", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::Success)
}

/// The manual page of `pyramid` on standard output; with `dir`, it and a
/// page per subcommand, each with the exit status and the environment.
pub fn man(dir: Option<&std::path::Path>, lang: crate::lang::Lang) -> Result<ExitCode> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let Some(dir) = dir else {
        print(&String::from_utf8_lossy(&page(&cli)?))?;
        return Ok(ExitCode::Success);
    };
    let shown = dir.display().to_string();
    std::fs::create_dir_all(dir)
        .localized(|| Localized::new("cannot-write", &[("file", &shown)]))?;
    let mut written = 0;
    let mut pending = vec![cli];
    while let Some(command) = pending.pop() {
        pending.extend(
            command
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .cloned(),
        );
        let name = command
            .get_display_name()
            .unwrap_or_else(|| command.get_name())
            .to_string();
        crate::output::write_atomically(&dir.join(format!("{name}.1")), &page(&command)?)?;
        written += 1;
    }
    let line = Localized::new("man-written", &[("folder", &shown)])
        .count("count", written)
        .in_lang(lang);
    print(&format!("{line}\n"))?;
    Ok(ExitCode::Success)
}

/// Whether `command` or one of its subcommands takes the option `id`.
fn takes(command: &clap::Command, id: &str) -> bool {
    command.get_arguments().any(|arg| arg.get_id() == id)
        || command.get_subcommands().any(|sub| takes(sub, id))
}

/// One page: clap's sections, then EXIT STATUS and ENVIRONMENT (the
/// variables that matter to that command).
fn page(command: &clap::Command) -> Result<Vec<u8>> {
    use clap_mangen::roff::{Roff, bold, roman};
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    let mut roff = Roff::default();
    let entries = |roff: &mut Roff, entries: &[(&str, &str)]| {
        for (term, text) in entries {
            roff.control("TP", []);
            roff.text([bold(*term)]);
            roff.text([roman(*text)]);
        }
    };
    roff.control("SH", ["EXIT STATUS"]);
    entries(
        &mut roff,
        &[
            ("0", "Everything asked was done."),
            (
                "1",
                "Done, but some input was skipped on request (--skip-invalid).",
            ),
            ("2", "Bad usage or bad input; nothing was written."),
            (
                "128 + N",
                "Stopped by signal N: 130 for Ctrl-C or a confirmed quit, 143 for SIGTERM, 129 for SIGHUP.",
            ),
        ],
    );
    roff.control("SH", ["ENVIRONMENT"]);
    let (bank, db, color) = (
        takes(command, "model"),
        takes(command, "db"),
        takes(command, "color"),
    );
    let all: [(bool, &str, &str); 9] = [
        (
            true,
            "PYRAMID_LANG",
            "The language of everything shown, where --lang is not given.",
        ),
        (
            true,
            "LC_ALL, LC_MESSAGES, LANG",
            "The language, where neither --lang nor PYRAMID_LANG is given.",
        ),
        (
            bank,
            "PYRAMID_MODEL",
            "The bundled model, where --model is not given.",
        ),
        (
            bank,
            "PYRAMID_BANK",
            "A question bank file, where --bank is not given; it takes precedence over a model.",
        ),
        (
            db,
            "PYRAMID_DB",
            "The database file of campaigns and self-tests, where --db is not given.",
        ),
        (
            color,
            "NO_COLOR",
            "When set and not empty: no colour (--color auto).",
        ),
        (
            color,
            "CLICOLOR_FORCE",
            "When set and not 0: colour even when standard output is not a terminal (--color auto).",
        ),
        (
            color,
            "TERM",
            "dumb: the self-test asks line by line, without colour or cursor movement.",
        ),
        (
            db || color,
            "XDG_DATA_HOME, XDG_STATE_HOME",
            "On Linux, where the database file and the self-test's progress are kept.",
        ),
    ];
    let shown: Vec<(&str, &str)> = all
        .iter()
        .filter(|(applies, _, _)| *applies)
        .map(|(_, name, text)| (*name, *text))
        .collect();
    entries(&mut roff, &shown);
    out.extend(roff.to_roff().into_bytes());
    Ok(out)
}
