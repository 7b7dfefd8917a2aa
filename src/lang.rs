//! The two languages every user-visible text comes in.

use serde::{Deserialize, Serialize};

/// A language the tool speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language from the locale variables, in POSIX order of precedence:
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty
    /// decides; `nl*` gives Dutch, anything else English.
    pub fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&lookup)
            .find(|value| !value.is_empty());
        match locale {
            Some(value) => Lang::from_tag(&value),
            None => Lang::En,
        }
    }

    /// The language asked for where `--lang` is not given: `PYRAMID_LANG`,
    /// then the locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`), then
    /// the system's language setting (macOS and Windows keep it outside
    /// the environment; the `sys-locale` crate reads it).
    pub fn from_env() -> Lang {
        Lang::detect(
            |name| std::env::var(name).ok().filter(|v| !v.is_empty()),
            sys_locale::get_locale,
        )
    }

    /// `from_env` with its sources given, for tests.
    pub fn detect(
        lookup: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        if let Some(tag) = lookup("PYRAMID_LANG") {
            return Lang::from_tag(&tag);
        }
        let posix = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .any(|name| lookup(name).is_some());
        if posix {
            return Lang::from_locale(lookup);
        }
        system().map_or(Lang::En, |tag| Lang::from_tag(&tag))
    }

    /// A language tag or locale name (`nl`, `nl-BE`, `nl_BE.UTF-8`):
    /// Dutch for `nl…`, English for anything else.
    fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub nl: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, or in the other language where a bank gives
    /// only that one.
    pub fn get(&self, lang: Lang) -> &str {
        let own = self.own(lang);
        if own.trim().is_empty() {
            self.own(match lang {
                Lang::Nl => Lang::En,
                Lang::En => Lang::Nl,
            })
        } else {
            own
        }
    }

    /// The text as written in `lang`, empty where missing.
    pub fn own(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }

    /// Replaces the text in every language with `f` of it.
    pub fn map(&mut self, f: impl Fn(&str) -> String) {
        self.nl = f(&self.nl);
        self.en = f(&self.en);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    #[test]
    fn dutch_locale_gives_dutch() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_BE.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl")])), Lang::Nl);
    }

    #[test]
    fn other_or_missing_locale_gives_english() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "fr_BE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn lc_all_beats_lc_messages_beats_lang() {
        let vars = [
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "nl_NL"),
            ("LANG", "nl_NL"),
        ];
        assert_eq!(Lang::from_locale(env(&vars)), Lang::En);
        let vars = [("LC_MESSAGES", "nl_NL"), ("LANG", "en_GB")];
        assert_eq!(Lang::from_locale(env(&vars)), Lang::Nl);
    }

    #[test]
    fn pyramid_lang_beats_the_locale_which_beats_the_system_setting() {
        let system_nl = || Some("nl-BE".to_string());
        let system_none = || None;
        assert_eq!(
            Lang::detect(env(&[("PYRAMID_LANG", "nl")]), system_none),
            Lang::Nl
        );
        assert_eq!(
            Lang::detect(
                env(&[("PYRAMID_LANG", "en"), ("LANG", "nl_BE.UTF-8")]),
                system_nl
            ),
            Lang::En
        );
        assert_eq!(
            Lang::detect(env(&[("LANG", "en_GB.UTF-8")]), system_nl),
            Lang::En
        );
        // No locale variables (a macOS or Windows desktop): the system's.
        assert_eq!(Lang::detect(env(&[]), system_nl), Lang::Nl);
        assert_eq!(Lang::detect(env(&[]), system_none), Lang::En);
    }

    #[test]
    fn empty_variable_is_skipped() {
        let vars = [("LC_ALL", ""), ("LANG", "nl_NL.UTF-8")];
        assert_eq!(Lang::from_locale(env(&vars)), Lang::Nl);
    }
}
