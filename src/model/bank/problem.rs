//! A broken rule of a bank, and where in the bank it sits.

use crate::lang::Lang;
use std::fmt;

/// One step on the way from the top of a bank to a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    /// A text's key: its language code.
    Lang(Lang),
    Index(usize),
}

/// Where a value sits in a bank, such as `questions[2].options[0].level`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    pub fn key(&self, key: &'static str) -> FieldPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key));
        FieldPath(segs)
    }

    /// The text in `lang` of the text at this path.
    pub fn lang(&self, lang: Lang) -> FieldPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Lang(lang));
        FieldPath(segs)
    }

    pub fn index(&self, index: usize) -> FieldPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        FieldPath(segs)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(key) if n == 0 => write!(f, "{key}")?,
                Seg::Key(key) => write!(f, ".{key}")?,
                Seg::Lang(lang) => write!(f, ".{lang}")?,
                Seg::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A broken rule: where, and which rule with which values. The rule is
/// named by its key in the language files, which say what is wrong (the
/// message) and how to mend it (its `.fix`); the domain holds no sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub key: &'static str,
    pub args: Args,
}

/// A problem's values by name: ids, numbers, language codes.
pub type Args = Vec<(&'static str, String)>;

/// `args![("id", id), ("count", n)]`: values of any printable type.
pub fn args(values: &[(&'static str, &dyn fmt::Display)]) -> Args {
    values
        .iter()
        .map(|(name, value)| (*name, value.to_string()))
        .collect()
}
