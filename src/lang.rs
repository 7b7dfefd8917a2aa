//! Languages: the codes people and banks use (`nl`, `en`, `fr`, `de`, …),
//! the ones the interface has a language file for, and a bank's text in
//! each of its languages.

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A language, by its ISO 639 code of two or three lower-case letters.
/// Regional variants are the same language: `nl-BE`, `nl_NL.UTF-8` and
/// `nl` are all `nl`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    code: [u8; 3],
    len: u8,
}

impl Lang {
    pub const NL: Lang = Lang::known(*b"nl ", 2);
    pub const EN: Lang = Lang::known(*b"en ", 2);
    pub const FR: Lang = Lang::known(*b"fr ", 2);

    /// The languages the interface has a file for (`locales/CODE/`); any
    /// other language gets the interface in English.
    pub const INTERFACE: [Lang; 3] = [Lang::NL, Lang::EN, Lang::FR];

    const fn known(code: [u8; 3], len: u8) -> Lang {
        Lang { code, len }
    }

    /// A language code as a bank writes it: two or three ASCII letters,
    /// `nl`, `fr`, `gsw`. Upper case is accepted and lowered.
    pub fn from_code(code: &str) -> Option<Lang> {
        let bytes = code.as_bytes();
        if !(2..=3).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut lang = Lang {
            code: *b"   ",
            len: bytes.len() as u8,
        };
        for (slot, byte) in lang.code.iter_mut().zip(bytes) {
            *slot = byte.to_ascii_lowercase();
        }
        Some(lang)
    }

    /// A language tag or locale name (`nl`, `nl-BE`, `fr_BE.UTF-8`,
    /// `de@euro`): its language. `None` for `C`, `POSIX` or anything
    /// without a language code in front.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_', '.', '@']).next().unwrap_or_default();
        Lang::from_code(primary)
    }

    pub fn code(&self) -> &str {
        // The bytes are ASCII letters by construction.
        std::str::from_utf8(&self.code[..usize::from(self.len)]).unwrap_or("en")
    }

    /// Whether the interface has a language file for this language.
    pub fn has_interface(self) -> bool {
        Lang::INTERFACE.contains(&self)
    }

    /// The language the interface speaks for a person who asked for
    /// this one: itself where it has a file, English otherwise.
    pub fn interface(self) -> Lang {
        if self.has_interface() { self } else { Lang::EN }
    }

    /// The position of `interface()` in `INTERFACE`, for tables kept per
    /// interface language.
    pub fn interface_index(self) -> usize {
        let lang = self.interface();
        Lang::INTERFACE
            .iter()
            .position(|&l| l == lang)
            .unwrap_or_default()
    }

    /// The language from the locale variables, in POSIX order of precedence:
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty
    /// decides; `C`, `POSIX` or no setting gives English.
    pub fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&lookup)
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_tag(&value))
            .unwrap_or(Lang::EN)
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
        if let Some(lang) = lookup("PYRAMID_LANG").and_then(|tag| Lang::from_tag(&tag)) {
            return lang;
        }
        let posix = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .any(|name| lookup(name).is_some());
        if posix {
            return Lang::from_locale(lookup);
        }
        system()
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or(Lang::EN)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// A language for `--lang`: a code or a tag (`fr`, `fr-BE`).
    fn from_str(tag: &str) -> Result<Lang, String> {
        Lang::from_tag(tag).ok_or_else(|| {
            format!(
                "`{tag}` is not a language code; use two or three letters, such as nl, en, fr or de"
            )
        })
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| de::Error::custom(not_a_code(&code)))
    }
}

fn not_a_code(code: &str) -> String {
    format!(
        "`{}` is not a language code; use two or three letters, such as nl, en, fr or de",
        crate::visible::visible(code)
    )
}

/// A text of a bank in each of its languages, in the order the bank
/// gives them: `{nl: …, en: …, fr: …}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(Vec<(Lang, String)>);

impl Text {
    /// A text in Dutch and English.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text(vec![(Lang::NL, nl.into()), (Lang::EN, en.into())])
    }

    /// The text in `lang`; where the bank lacks it, in English, else in
    /// the first language it has.
    pub fn get(&self, lang: Lang) -> &str {
        [self.own(lang), self.own(Lang::EN)]
            .into_iter()
            .chain(self.0.iter().map(|(_, text)| text.as_str()))
            .find(|text| !text.trim().is_empty())
            .unwrap_or_default()
    }

    /// The text as written in `lang`, empty where missing.
    pub fn own(&self, lang: Lang) -> &str {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("", |(_, text)| text.as_str())
    }

    /// The languages and texts, in the bank's order.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(lang, text)| (*lang, text.as_str()))
    }

    /// The languages with a text that is not blank.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.iter()
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(lang, _)| lang)
    }

    /// Replaces the text in every language with `f` of it.
    pub fn map(&mut self, f: impl Fn(&str) -> String) {
        for (_, text) in &mut self.0 {
            *text = f(text);
        }
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (lang, text) in &self.0 {
            map.serialize_entry(lang.code(), text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text per language, such as `nl: …` and `en: …`")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Text, M::Error> {
                let mut texts: Vec<(Lang, String)> = Vec::new();
                while let Some(code) = map.next_key::<String>()? {
                    let lang = Lang::from_code(&code)
                        .ok_or_else(|| de::Error::custom(not_a_code(&code)))?;
                    if texts.iter().any(|(l, _)| *l == lang) {
                        return Err(de::Error::custom(format!(
                            "the text in `{lang}` is given twice"
                        )));
                    }
                    let text: Option<String> = map.next_value()?;
                    texts.push((lang, text.unwrap_or_default()));
                }
                Ok(Text(texts))
            }
        }

        deserializer.deserialize_map(TextVisitor)
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
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_BE.UTF-8")])), Lang::NL);
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl")])), Lang::NL);
    }

    #[test]
    fn any_language_is_found_and_c_or_nothing_gives_english() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "fr_BE.UTF-8")])), Lang::FR);
        let german = Lang::from_locale(env(&[("LANG", "de_DE@euro")]));
        assert_eq!(german.code(), "de");
        assert_eq!(german.interface(), Lang::EN);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::EN);
        assert_eq!(Lang::from_locale(env(&[("LANG", "POSIX")])), Lang::EN);
        assert_eq!(Lang::from_locale(env(&[])), Lang::EN);
    }

    #[test]
    fn a_code_is_two_or_three_letters_and_lower_case() {
        assert_eq!(Lang::from_code("NL"), Some(Lang::NL));
        assert_eq!(
            Lang::from_code("gsw").map(|l| l.to_string()),
            Some("gsw".into())
        );
        for bad in ["", "n", "dutch", "n1", "nl-BE", "é"] {
            assert_eq!(Lang::from_code(bad), None, "{bad}");
        }
        assert_eq!("fr-BE".parse::<Lang>(), Ok(Lang::FR));
        assert!(
            "42".parse::<Lang>()
                .unwrap_err()
                .contains("not a language code")
        );
    }

    #[test]
    fn a_text_keeps_any_language_in_the_bank_order_and_falls_back_to_english() {
        let text: Text = serde_yaml::from_str("fr: Bonjour\nde: Hallo\nen: Hello\n").unwrap();
        let codes: Vec<String> = text.iter().map(|(l, _)| l.to_string()).collect();
        assert_eq!(codes, ["fr", "de", "en"]);
        assert_eq!(text.get(Lang::from_code("de").unwrap()), "Hallo");
        assert_eq!(text.get(Lang::NL), "Hello");
        assert_eq!(
            serde_yaml::to_string(&text).unwrap(),
            "fr: Bonjour\nde: Hallo\nen: Hello\n"
        );
        let only_dutch = Text(vec![(Lang::NL, "Hallo".into())]);
        assert_eq!(only_dutch.get(Lang::FR), "Hallo");
    }

    #[test]
    fn a_text_refuses_a_key_that_is_no_language_and_a_language_twice() {
        let bad: Result<Text, _> = serde_yaml::from_str("dutch: Hallo\n");
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("`dutch` is not a language code")
        );
        let twice: Result<Text, _> = serde_yaml::from_str("nl: Hallo\nNL: Dag\n");
        assert!(twice.unwrap_err().to_string().contains("given twice"));
    }

    #[test]
    fn lc_all_beats_lc_messages_beats_lang() {
        let vars = [
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "nl_NL"),
            ("LANG", "nl_NL"),
        ];
        assert_eq!(Lang::from_locale(env(&vars)), Lang::EN);
        let vars = [("LC_MESSAGES", "nl_NL"), ("LANG", "en_GB")];
        assert_eq!(Lang::from_locale(env(&vars)), Lang::NL);
    }

    #[test]
    fn pyramid_lang_beats_the_locale_which_beats_the_system_setting() {
        let system_nl = || Some("nl-BE".to_string());
        let system_none = || None;
        assert_eq!(
            Lang::detect(env(&[("PYRAMID_LANG", "nl")]), system_none),
            Lang::NL
        );
        assert_eq!(
            Lang::detect(
                env(&[("PYRAMID_LANG", "en"), ("LANG", "nl_BE.UTF-8")]),
                system_nl
            ),
            Lang::EN
        );
        assert_eq!(
            Lang::detect(env(&[("LANG", "en_GB.UTF-8")]), system_nl),
            Lang::EN
        );
        // No locale variables (a macOS or Windows desktop): the system's.
        assert_eq!(Lang::detect(env(&[]), system_nl), Lang::NL);
        assert_eq!(Lang::detect(env(&[]), system_none), Lang::EN);
    }

    #[test]
    fn empty_variable_is_skipped() {
        let vars = [("LC_ALL", ""), ("LANG", "nl_NL.UTF-8")];
        assert_eq!(Lang::from_locale(env(&vars)), Lang::NL);
    }
}
