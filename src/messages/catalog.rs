//! The language files (`locales/LANG/pyramid.ftl`, Project Fluent, compiled
//! into the binary) and the look-up in them. Plurals follow each language's
//! CLDR rules, chosen by Fluent.

use crate::lang::Lang;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Arguments (file names, reasons) are shown as they are: no
        // invisible isolation marks around them on a terminal.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The identifiers of `Lang::INTERFACE`, in its order.
static INTERFACE: [LanguageIdentifier; 3] = [langid!("nl"), langid!("en"), langid!("fr")];

fn language(lang: Lang) -> &'static LanguageIdentifier {
    &INTERFACE[lang.interface_index()]
}

/// A text without arguments; the key itself when no file has it.
pub(super) fn text(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(language(lang), key)
        .unwrap_or_else(|| missing(key))
}

/// A key the code asks for but the files lack. Every test runs a debug
/// build, so a test that reaches such a text fails; a release build shows
/// the key rather than stopping.
fn missing(key: &str) -> String {
    if cfg!(debug_assertions) {
        panic!("locales/en/pyramid.ftl has no `{key}`");
    }
    key.to_string()
}

/// An argument of a message.
pub(super) enum Arg<'a> {
    /// How many: chooses the plural, and is written as the language
    /// groups digits (`1.000.000`, `1,000,000`, `1 000 000`).
    Count(u64),
    /// A number that names something (a line): chooses a variant (`[0]`),
    /// and is written as it is.
    Index(u64),
    Text(&'a str),
}

/// A text with arguments; the key itself when no file has it.
pub(super) fn message(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                // Fluent writes a number without grouping its digits. A
                // count this large takes the plural `*[other]` in every
                // language here, as its text does.
                Arg::Count(n) if *n >= 1000 => FluentValue::from(super::grouped(lang, *n)),
                Arg::Count(n) | Arg::Index(n) => FluentValue::from(*n),
                Arg::Text(text) => FluentValue::from(text.to_string()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(language(lang), key, &args)
        .unwrap_or_else(|| missing(key))
}

/// An attribute of a message (`key.fix`) with arguments.
pub(super) fn message_attribute(
    lang: Lang,
    key: &str,
    attribute: &str,
    args: &[(&'static str, Arg)],
) -> String {
    message(lang, &format!("{key}.{attribute}"), args)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each interface language with its file.
    fn files() -> Vec<(Lang, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        Lang::INTERFACE
            .iter()
            .map(|&lang| {
                let path = root.join(lang.code()).join("pyramid.ftl");
                (
                    lang,
                    std::fs::read_to_string(&path).expect("a language file"),
                )
            })
            .collect()
    }

    fn english() -> String {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/pyramid.ftl"),
        )
        .expect("the English file")
    }

    #[test]
    fn every_language_folder_is_an_interface_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut folders: Vec<String> = std::fs::read_dir(root)
            .expect("locales/")
            .map(|entry| {
                entry
                    .expect("locales/")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        folders.sort();
        let mut codes: Vec<&str> = Lang::INTERFACE.iter().map(|l| l.code()).collect();
        codes.sort();
        assert_eq!(
            folders, codes,
            "Lang::INTERFACE lists the folders of locales/"
        );
    }

    /// Every Rust file under `src/`: the code that reads the files.
    fn code() -> Vec<String> {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("src/ is readable") {
                let path = entry.expect("src/ is readable").path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    found.push(std::fs::read_to_string(&path).expect("UTF-8 source"));
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        found
    }

    /// The keys a language file defines, with their attributes as
    /// `key.fix`.
    fn keys(file: &str) -> Vec<String> {
        let mut keys = Vec::new();
        let mut current = "";
        for line in file.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase())
                && let Some((key, _)) = line.split_once(" =")
            {
                current = key.trim();
                keys.push(current.to_string());
            } else if let Some((attribute, _)) = line
                .trim_start()
                .strip_prefix('.')
                .and_then(|rest| rest.split_once(" ="))
            {
                keys.push(format!("{current}.{attribute}"));
            }
        }
        keys.sort_unstable();
        keys
    }

    #[test]
    fn every_language_file_has_the_same_keys() {
        let english = english();
        let english = keys(&english);
        assert!(english.len() > 40, "{english:?}");
        for (lang, file) in files() {
            assert_eq!(keys(&file), english, "locales/{lang}/pyramid.ftl");
        }
    }

    #[test]
    fn every_bank_problem_says_how_to_fix_it() {
        let english = english();
        let keys = keys(&english);
        let problems = keys
            .iter()
            .filter(|key| key.starts_with("bank-") && !key.contains('.'))
            .filter(|key| !["bank-invalid", "bank-valid"].contains(&key.as_str()));
        for key in problems {
            assert!(keys.contains(&format!("{key}.fix")), "{key} has no .fix");
        }
    }

    #[test]
    fn every_key_is_read_by_the_code() {
        let code = code();
        let english = english();
        for key in keys(&english).iter().filter(|key| !key.contains('.')) {
            let quoted = format!("\"{key}\"");
            assert!(
                code.iter().any(|file| file.contains(&quoted)),
                "locales/en/pyramid.ftl has `{key}`, which no code reads"
            );
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "has no `no-such-key`")]
    fn a_key_missing_from_the_files_fails_every_test_that_reaches_it() {
        text(Lang::NL, "no-such-key");
    }

    #[test]
    #[cfg(not(debug_assertions))]
    fn a_release_build_shows_a_missing_key_rather_than_stopping() {
        assert_eq!(text(Lang::NL, "no-such-key"), "no-such-key");
    }

    #[test]
    fn plurals_follow_the_language() {
        let team = |lang, n| message(lang, "team-of", &[("count", Arg::Count(n))]);
        assert_eq!(team(Lang::NL, 1), "Team van 1 respondent");
        assert_eq!(team(Lang::NL, 2), "Team van 2 respondenten");
        assert_eq!(team(Lang::EN, 1), "Team of 1 respondent");
        assert_eq!(team(Lang::EN, 0), "Team of 0 respondents");
    }

    #[test]
    fn counts_group_their_digits_as_the_language_does_and_lines_do_not() {
        let team = |lang, n| message(lang, "team-of", &[("count", Arg::Count(n))]);
        assert_eq!(team(Lang::NL, 1_000_000), "Team van 1.000.000 respondenten");
        assert_eq!(team(Lang::EN, 1_000_000), "Team of 1,000,000 respondents");
        assert_eq!(team(Lang::FR, 1_000), "Équipe de 1\u{202f}000 répondants");
        assert_eq!(team(Lang::NL, 999), "Team van 999 respondenten");
        let line = |n| {
            let args = [("line", Arg::Index(n)), ("reason", Arg::Text("x"))];
            message(Lang::NL, "csv-error", &args)
        };
        assert_eq!(line(1_234_567), "regel 1234567: x");
        assert_eq!(line(0), "x");
    }

    #[test]
    fn arguments_are_shown_without_isolation_marks() {
        let saved = message(Lang::NL, "saved-to", &[("path", Arg::Text("a.yaml"))]);
        assert_eq!(saved, "Antwoorden bewaard in a.yaml");
    }
}
