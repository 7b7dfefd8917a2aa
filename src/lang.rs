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
            Some(value) if value.to_ascii_lowercase().starts_with("nl") => Lang::Nl,
            _ => Lang::En,
        }
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
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
    fn empty_variable_is_skipped() {
        let vars = [("LC_ALL", ""), ("LANG", "nl_NL.UTF-8")];
        assert_eq!(Lang::from_locale(env(&vars)), Lang::Nl);
    }
}
