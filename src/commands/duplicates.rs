//! The same respondent twice in an export (the same name or e-mail in its
//! respondent column): a second submission. By default the later one
//! counts and the earlier is taken out again; `--keep-duplicates` keeps
//! both. No name is kept: each named respondent costs about 40 bytes (up to
//! 130 while the table grows).

use crate::model::team::Footprint;
use foldhash::fast::RandomState;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;
use std::rc::Rc;

/// Where a respondent was last seen, and what it added.
struct Seen {
    /// A second hash of the name: two names whose first hashes collide
    /// are told apart, so no respondent is ever taken out by mistake.
    check: u32,
    file: u32,
    line: u32,
    /// Its position among the kept rows; `u32::MAX` where rows are not
    /// kept.
    row: u32,
    footprint: Footprint,
}

/// An earlier submission that a later one replaces.
pub struct Replaced {
    pub footprint: Footprint,
    pub row: Option<usize>,
    /// `file:line and file:line`, for the message.
    pub places: String,
}

/// The hashes are foldhash's, seeded at random for each run: a file made
/// to collide cannot slow the table down.
#[derive(Default)]
pub struct Duplicates {
    seen: HashMap<u64, Seen, RandomState>,
    files: Vec<Rc<str>>,
    names: RandomState,
    /// The name being looked up, folded (kept to save an allocation each).
    folded: String,
}

/// A name as people mean it: case folded, white space trimmed and each run
/// of it one space.
fn fold_into(name: &str, folded: &mut String) {
    folded.clear();
    let mut gap = false;
    let mut push = |c: char, folded: &mut String| {
        if c.is_whitespace() {
            gap = !folded.is_empty();
            return;
        }
        if gap {
            folded.push(' ');
            gap = false;
        }
        folded.push(c);
    };
    if name.is_ascii() {
        for byte in name.bytes() {
            push(char::from(byte.to_ascii_lowercase()), folded);
        }
    } else {
        for c in name.chars().flat_map(char::to_lowercase) {
            push(c, folded);
        }
    }
}

/// A second, independent hash of a folded name (FNV-1a).
fn check_of(folded: &str) -> u32 {
    folded.bytes().fold(0x811c_9dc5, |check: u32, byte| {
        (check ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

impl Duplicates {
    /// Notes a submission; gives the earlier one it replaces, if any.
    pub fn submit(
        &mut self,
        name: &str,
        file: &Rc<str>,
        line: u64,
        footprint: Footprint,
        row: Option<usize>,
    ) -> Option<Replaced> {
        if !self.files.last().is_some_and(|last| Rc::ptr_eq(last, file)) {
            self.files.push(file.clone());
        }
        let mut folded = std::mem::take(&mut self.folded);
        fold_into(name, &mut folded);
        let (hash, check) = (self.names.hash_one(folded.as_str()), check_of(&folded));
        self.folded = folded;
        let seen = Seen {
            check,
            file: u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            row: row.and_then(|r| u32::try_from(r).ok()).unwrap_or(u32::MAX),
            footprint,
        };
        match self.seen.entry(hash) {
            Entry::Vacant(slot) => {
                slot.insert(seen);
                None
            }
            // Another name with the same first hash: both count.
            Entry::Occupied(slot) if slot.get().check != check => None,
            Entry::Occupied(mut slot) => {
                let earlier = slot.insert(seen);
                let earlier_file = self
                    .files
                    .get(earlier.file as usize)
                    .map_or("", |f| f.as_ref());
                Some(Replaced {
                    footprint: earlier.footprint,
                    row: (earlier.row != u32::MAX).then_some(earlier.row as usize),
                    places: format!("{earlier_file}:{} and {file}:{line}", earlier.line),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn the_same_name_in_any_case_or_spacing_is_a_second_submission() {
        let bank = tiny_bank();
        let footprint = Footprint::of(&assess(&bank, &answers(&bank, &[1, 2, 3, 4])));
        let file: Rc<str> = Rc::from("team.csv");
        let mut duplicates = Duplicates::default();
        assert!(
            duplicates
                .submit("An Peeters", &file, 2, footprint, Some(0))
                .is_none()
        );
        assert!(
            duplicates
                .submit("Jan", &file, 3, footprint, Some(1))
                .is_none()
        );
        assert!(
            duplicates
                .submit("AnPeeters", &file, 3, footprint, Some(1))
                .is_none()
        );
        let replaced = duplicates
            .submit("  an   PEETERS ", &file, 4, footprint, Some(3))
            .expect("a second submission");
        assert_eq!(replaced.row, Some(0));
        assert_eq!(replaced.places, "team.csv:2 and team.csv:4");
        // A third submission replaces the second.
        let replaced = duplicates
            .submit("An Peeters", &file, 9, footprint, None)
            .expect("a third submission");
        assert_eq!(replaced.row, Some(3));
        let folded = |name| {
            let mut folded = String::new();
            fold_into(name, &mut folded);
            folded
        };
        assert_eq!(folded("É x"), folded(" é   X "));
        assert_eq!(folded("É x"), "é x");
    }
}
