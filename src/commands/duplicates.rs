//! The same respondent twice in an export (the same name or e-mail in its
//! respondent column): a second submission. By default the later one
//! counts and the earlier is taken out again; `--keep-duplicates` keeps
//! both.
//!
//! Submissions are noted as they come, with two hashes of the name, and
//! matched only at the end: no table is probed per row. The parts of a
//! file read on two threads are each dealt into 256 buckets by their
//! hashes' top bits on the thread that read them, and join as runs of
//! their own; at the end each bucket's keys are taken from every run (the
//! buckets below half on one thread, those above on another), and only
//! the keys whose next bits another key of the bucket shares are sorted
//! and paired. Each named respondent costs about 56 bytes and its name.

use crate::model::team::Footprint;
use foldhash::fast::RandomState;
use std::borrow::Cow;
use std::hash::BuildHasher;

/// A named submission, as noted: where, and what it added.
#[derive(Clone, Copy)]
struct Submission {
    file: u32,
    /// Its line in the file; 0 where the source has none.
    line: u32,
    /// Its position among the kept rows; `u32::MAX` where rows are not
    /// kept.
    row: u32,
    footprint: Footprint,
}

/// From this many submissions on, second submissions are paired on two
/// threads.
const PAIRS_ON_TWO_THREADS_FROM: usize = 100_000;

/// The order to find a name's submissions in: the top half of the name's
/// hash, then the submission's place among all (the order they came in),
/// in one number of 8 bytes that sorts fast. Names whose top halves are
/// the same come together, each submission in its order; `Run::rests`
/// tells them apart.
fn key(hash: u64, order: u32) -> u64 {
    (hash & !u64::from(u32::MAX)) | u64::from(order)
}

/// The rest of a name's identity: the bottom half of its hash, and a
/// second hash of it (so that two names whose first hashes collide are
/// told apart, and no respondent is ever taken out by mistake).
fn rest(hash: u64, check: u32) -> u64 {
    (hash << 32) | u64::from(check)
}

/// The top half of a key's hash, and its order.
fn group_of(key: u64) -> u64 {
    key >> 32
}

fn order_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// An earlier submission that a later one replaces.
#[derive(Debug, PartialEq, Eq)]
pub struct Replaced {
    /// Its place among the named submissions, in the order they came.
    pub submission: u32,
    pub footprint: Footprint,
    pub row: Option<usize>,
    /// The later submission's name, as written.
    pub name: String,
    /// Where the earlier and the later submission are (`file:line`), for
    /// the note; `None` past the ones shown.
    pub places: Option<(String, String)>,
}

/// The hashes are foldhash's, seeded at random for each run (a file made
/// to collide gains nothing); a part read on another thread shares them.
#[derive(Clone, Default)]
pub struct Duplicates {
    /// The submissions in the order they came, in runs: the last takes
    /// new ones, and a part joined adds its own, so that joining copies
    /// nothing.
    runs: Vec<Run>,
    hasher: RandomState,
    /// The name being noted, folded (kept to save an allocation each).
    folded: String,
    /// Only the keys and rests are noted (16 bytes a submission): which were
    /// replaced is told by their order, the rest by a second reading.
    keys_only: bool,
}

/// Submissions that came one after another, noted on one thread.
#[derive(Clone, Default)]
struct Run {
    /// The submissions before this run's first.
    orders_before: usize,
    /// The kept rows before the rows this run's `row`s count from.
    rows_before: usize,
    submissions: Vec<Submission>,
    /// One per submission, its order counted in the run; dealt into
    /// buckets where `dealt` holds where each bucket's keys end.
    keys: Vec<u64>,
    dealt: Option<Box<[usize; BUCKETS]>>,
    /// One per submission, in the order they came: the rest of its name's
    /// identity.
    rests: Vec<u64>,
    /// Every submission's name as written (UTF-8), one after another, and
    /// where each ends.
    names: Vec<u8>,
    name_ends: Vec<usize>,
    files: Vec<Box<str>>,
}

impl Run {
    fn after(orders_before: usize) -> Run {
        Run {
            orders_before,
            ..Run::default()
        }
    }

    fn name(&self, local: usize) -> Cow<'_, str> {
        let start = local
            .checked_sub(1)
            .and_then(|before| self.name_ends.get(before))
            .copied()
            .unwrap_or(0);
        let end = self.name_ends.get(local).copied().unwrap_or(start);
        String::from_utf8_lossy(self.names.get(start..end).unwrap_or_default())
    }

    fn place(&self, submission: &Submission) -> String {
        let file = self.files.get(submission.file as usize).map_or("", |f| f);
        place(file, submission.line)
    }
}

/// A submission's place as a note shows it: `file:line`, or the file alone
/// where the source has no lines (line 0: an answer file, a campaign).
pub(super) fn place(file: &str, line: u32) -> String {
    match line {
        0 => file.to_string(),
        line => format!("{file}:{line}"),
    }
}

/// A name as people mean it (case folded, white space trimmed and each run
/// of it one space), and its check. A name that is so already (`r123`,
/// `an@example.be`) is given back as it is, checked in the same walk; any
/// other is folded into `folded`.
fn fold_into<'n>(name: &'n [u8], folded: &'n mut String) -> (&'n [u8], u32) {
    if let Some(check) = plain_check(name) {
        return (name, check);
    }
    let name = String::from_utf8_lossy(name);
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
    let check = check_of(folded);
    (folded.as_bytes(), check)
}

/// A second, independent hash of a folded name (FNV-1a).
fn check_of(folded: &str) -> u32 {
    folded.bytes().fold(0x811c_9dc5, check_on)
}

fn check_on(check: u32, byte: u8) -> u32 {
    (check ^ u32::from(byte)).wrapping_mul(0x0100_0193)
}

/// The check of a name that is folded already (`r123`, `an@example.be`:
/// visible ASCII, no capitals), in the same walk over its bytes; `None`
/// for any other name.
fn plain_check(name: &[u8]) -> Option<u32> {
    let mut plain = true;
    let mut check = 0x811c_9dc5;
    for &byte in name {
        // `&`, not `&&`: no branch for each byte.
        plain &= byte.is_ascii_graphic() & !byte.is_ascii_uppercase();
        check = check_on(check, byte);
    }
    plain.then_some(check)
}

fn small(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

impl Duplicates {
    /// A table that notes only which submissions there were, by name.
    pub fn keys_only() -> Duplicates {
        Duplicates {
            keys_only: true,
            ..Duplicates::default()
        }
    }

    pub fn is_keys_only(&self) -> bool {
        self.keys_only
    }

    /// The submissions noted, in all runs.
    fn count(&self) -> usize {
        self.runs
            .last()
            .map_or(0, |run| run.orders_before + run.keys.len())
    }

    /// Notes a submission of `name`, at `file:line`, kept as row `row`.
    pub fn submit(
        &mut self,
        name: &[u8],
        file: &str,
        line: u64,
        footprint: Footprint,
        row: Option<usize>,
    ) {
        let (folded, check) = fold_into(name, &mut self.folded);
        let hash = self.hasher.hash_one(folded);
        self.note(hash, check, name, file, line, footprint, row);
    }

    /// Notes a submission of a name whose hashes are `hash` and `check`.
    #[allow(clippy::too_many_arguments)]
    fn note(
        &mut self,
        hash: u64,
        check: u32,
        name: &[u8],
        file: &str,
        line: u64,
        footprint: Footprint,
        row: Option<usize>,
    ) {
        if self.runs.is_empty() {
            self.runs.push(Run::default());
        }
        let Some(run) = self.runs.last_mut() else {
            return;
        };
        run.keys.push(key(hash, small(run.keys.len())));
        run.rests.push(rest(hash, check));
        run.dealt = None;
        if self.keys_only {
            return;
        }
        if run.files.last().is_none_or(|last| **last != *file) {
            run.files.push(file.into());
        }
        run.submissions.push(Submission {
            file: small(run.files.len() - 1),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            row: row.map_or(u32::MAX, small),
            footprint,
        });
        run.names.extend_from_slice(name);
        run.name_ends.push(run.names.len());
    }

    /// A part to note the submissions of a later stretch of the same
    /// input in, on another thread: the same hashes, nothing noted yet.
    pub fn part(&self) -> Duplicates {
        Duplicates {
            hasher: self.hasher.clone(),
            keys_only: self.keys_only,
            ..Duplicates::default()
        }
    }

    /// Adds a part's submissions, which came after these, as runs of their
    /// own; its rows come after the first `rows_before` kept rows.
    pub fn join(&mut self, part: Duplicates, rows_before: usize) {
        let mut orders_before = self.count();
        for mut run in part.runs {
            let count = run.keys.len();
            run.orders_before += orders_before;
            run.rows_before += rows_before;
            self.runs.push(run);
            orders_before += count;
        }
        // Later submissions go to a run of their own, their rows counted
        // among all.
        self.runs.push(Run::after(orders_before));
    }

    /// Deals the submissions noted so far into buckets by their names'
    /// hashes, on the thread that noted them: `pairs` then takes each
    /// bucket's keys from every run.
    pub fn deal(&mut self) {
        for run in &mut self.runs {
            if run.dealt.is_none() {
                run.dealt = Some(deal(&mut run.keys));
            }
        }
    }

    /// Every submission that a later one of the same name replaces, in the
    /// order of the later ones; `shown` of them with their names and places.
    pub fn replaced(mut self, shown: usize) -> Vec<Replaced> {
        self.pairs()
            .into_iter()
            .enumerate()
            .filter_map(|(n, (earlier, later))| {
                let (earlier_run, earlier_seen) = self.submission(earlier)?;
                let (later_run, later_seen) = self.submission(later)?;
                let told = n < shown;
                Some(Replaced {
                    submission: small(earlier),
                    footprint: earlier_seen.footprint,
                    row: (earlier_seen.row != u32::MAX)
                        .then_some(earlier_run.rows_before + earlier_seen.row as usize),
                    name: if told {
                        later_run.name(later - later_run.orders_before).into_owned()
                    } else {
                        String::new()
                    },
                    places: told
                        .then(|| (earlier_run.place(earlier_seen), later_run.place(later_seen))),
                })
            })
            .collect()
    }

    /// Each submission that a later one of the same name replaces, with
    /// that later one, by their order, in the order of the later ones.
    /// Keys of the same name share their top bit: the keys below half and
    /// those above are paired on two threads.
    pub fn pairs(&mut self) -> Vec<(usize, usize)> {
        self.deal();
        let runs = &self.runs;
        let mut pairs = if self.count() < PAIRS_ON_TWO_THREADS_FROM {
            let mut pairs = pairs_in_half(runs, Half::Low);
            pairs.extend(pairs_in_half(runs, Half::High));
            pairs
        } else {
            std::thread::scope(|scope| {
                let high = scope.spawn(|| pairs_in_half(runs, Half::High));
                let mut pairs = pairs_in_half(runs, Half::Low);
                pairs.extend(
                    high.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                );
                pairs
            })
        };
        pairs.sort_unstable_by_key(|&(_, later)| later);
        pairs
    }

    /// The run that holds the submission at `order` among all, and it.
    fn submission(&self, order: usize) -> Option<(&Run, &Submission)> {
        let run = run_of(&self.runs, order)?;
        Some((run, run.submissions.get(order - run.orders_before)?))
    }
}

/// The run of `runs` that holds the submission at `order` among all.
fn run_of(runs: &[Run], order: usize) -> Option<&Run> {
    let at = runs
        .partition_point(|run| run.orders_before <= order)
        .checked_sub(1)?;
    runs.get(at)
}

/// The rest of the identity of the name submitted at `order` among all.
fn rest_at(runs: &[Run], order: usize) -> Option<u64> {
    let run = run_of(runs, order)?;
    run.rests.get(order - run.orders_before).copied()
}

/// The buckets a run's keys are dealt into, by their top bits.
const BUCKET_BITS: u32 = 8;
const BUCKETS: usize = 1 << BUCKET_BITS;
/// The bits of a key below its bucket's.
const BELOW_BUCKET: u32 = 64 - BUCKET_BITS;

fn bucket_of(key: u64) -> usize {
    (key >> BELOW_BUCKET) as usize
}

/// Deals `keys` into bucket order (each bucket's in the order they came),
/// by counting each bucket's and then placing them; gives where each
/// bucket's keys end.
fn deal(keys: &mut Vec<u64>) -> Box<[usize; BUCKETS]> {
    let mut ends = Box::new([0usize; BUCKETS]);
    for &key in keys.iter() {
        if let Some(count) = ends.get_mut(bucket_of(key)) {
            *count += 1;
        }
    }
    // Each bucket's start, then where its next key goes.
    let mut next = [0usize; BUCKETS];
    let mut start = 0;
    for (next, count) in next.iter_mut().zip(ends.iter_mut()) {
        *next = start;
        start += *count;
        *count = start;
    }
    let mut dealt = vec![0u64; keys.len()];
    for &key in keys.iter() {
        if let Some(next) = next.get_mut(bucket_of(key))
            && let Some(place) = dealt.get_mut(*next)
        {
            *place = key;
            *next += 1;
        }
    }
    *keys = dealt;
    ends
}

/// The keys of a dealt run in `bucket`.
fn keys_in(run: &Run, bucket: usize) -> &[u64] {
    let Some(ends) = &run.dealt else {
        return &[];
    };
    let start = bucket
        .checked_sub(1)
        .and_then(|before| ends.get(before))
        .copied()
        .unwrap_or(0);
    let end = ends.get(bucket).copied().unwrap_or(start);
    run.keys.get(start..end).unwrap_or_default()
}

/// The buckets below half, or those from half on.
#[derive(Clone, Copy)]
enum Half {
    Low,
    High,
}

/// At least and at most how many bits of a key's hash below its bucket's
/// mark its slot: about 16 slots a key of the bucket, within the hash's
/// 24 bits below the bucket's.
const SLOT_BITS: std::ops::RangeInclusive<u32> = 6..=22;

/// The pairs among the keys of dealt runs in `half`'s buckets, each run's
/// orders counted among all. The keys of one name share a bucket. In a
/// bucket, each key marks its slot (the next bits of its hash) in a bit
/// map of about 16 slots a key; only the keys whose slot two or more
/// marked (about 3 in 100 where each name comes once, and every key of a
/// name that comes again) are sorted and paired. Nothing as large as the
/// keys themselves is allocated, unless one bucket's shared slots hold
/// them all.
fn pairs_in_half(runs: &[Run], half: Half) -> Vec<(usize, usize)> {
    let buckets = match half {
        Half::Low => 0..BUCKETS / 2,
        Half::High => BUCKETS / 2..BUCKETS,
    };
    let mut slots = Slots::default();
    let (mut shared, mut pairs) = (Vec::new(), Vec::new());
    for bucket in buckets {
        let these = || runs.iter().map(move |run| keys_in(run, bucket));
        slots.fit(these().map(<[u64]>::len).sum());
        for &key in these().flatten() {
            slots.mark(key);
        }
        shared.clear();
        for (run, keys) in runs.iter().zip(these()) {
            let marked_twice = keys.iter().filter(|&&key| slots.marked_twice(key));
            shared.extend(marked_twice.map(|key| key + run.orders_before as u64));
        }
        shared.sort_unstable();
        pairs_in(&shared, runs, &mut pairs);
    }
    pairs
}

/// The slots of a bucket's keys, as bit maps: those marked, and those
/// marked twice or more.
#[derive(Default)]
struct Slots {
    once: Vec<u64>,
    twice: Vec<u64>,
    /// A key's slot is its bits from `shift` on, below its bucket's.
    shift: u32,
    mask: u64,
}

impl Slots {
    /// Empty slots for a bucket of `count` keys: about 16 a key.
    fn fit(&mut self, count: usize) {
        // The bits of the power of two at or above 16 slots a key.
        let wanted = count.saturating_mul(16).saturating_sub(1);
        let bits =
            (usize::BITS - wanted.leading_zeros()).clamp(*SLOT_BITS.start(), *SLOT_BITS.end());
        let words = (1usize << bits).div_ceil(64);
        for map in [&mut self.once, &mut self.twice] {
            map.clear();
            map.resize(words, 0);
        }
        self.shift = BELOW_BUCKET - bits;
        self.mask = (1u64 << bits) - 1;
    }

    /// The word and bit of `key`'s slot.
    fn place(&self, key: u64) -> (usize, u64) {
        let slot = (key >> self.shift) & self.mask;
        ((slot / 64) as usize, 1 << (slot % 64))
    }

    fn mark(&mut self, key: u64) {
        let (word, bit) = self.place(key);
        if let (Some(once), Some(twice)) = (self.once.get_mut(word), self.twice.get_mut(word)) {
            *twice |= *once & bit;
            *once |= bit;
        }
    }

    fn marked_twice(&self, key: u64) -> bool {
        let (word, bit) = self.place(key);
        self.twice.get(word).is_some_and(|twice| twice & bit != 0)
    }
}

/// Adds to `pairs` each submission among `keys` (sorted) that follows one
/// of the same name, with the last such one, by their order; `runs` hold
/// the rests.
fn pairs_in(keys: &[u64], runs: &[Run], pairs: &mut Vec<(usize, usize)>) {
    let mut previous: Option<u64> = None;
    // The names among the keys with the same top half so far (nearly
    // always one): each one's rest, and its last submission.
    let mut group: Vec<(Option<u64>, usize)> = Vec::new();
    for &key in keys {
        let order = order_of(key);
        match previous {
            Some(before) if group_of(before) == group_of(key) => {
                if group.is_empty() {
                    let before = order_of(before);
                    group.push((rest_at(runs, before), before));
                }
                let rest = rest_at(runs, order);
                match group.iter_mut().find(|(seen, _)| *seen == rest) {
                    Some((_, last)) => {
                        pairs.push((*last, order));
                        *last = order;
                    }
                    None => group.push((rest, order)),
                }
            }
            _ => group.clear(),
        }
        previous = Some(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scoring::assess;
    use crate::testing::{answers, tiny_bank};

    #[test]
    fn a_name_s_keys_share_a_slot_whatever_their_order() {
        let mut slots = Slots::default();
        for count in [0, 1, 1_000, 100_000, usize::MAX] {
            slots.fit(count);
            let hash = 0x9e37_79b9_7f4a_7c15;
            slots.mark(key(hash, 0));
            assert!(!slots.marked_twice(key(hash, u32::MAX)), "{count}");
            slots.mark(key(hash, u32::MAX));
            assert!(slots.marked_twice(key(hash, 0)), "{count}");
            // A hash whose next bit below the bucket's differs.
            let other = hash ^ 1 << (BELOW_BUCKET - 1);
            slots.mark(key(other, 1));
            assert!(!slots.marked_twice(key(other, 1)), "{count}");
        }
        // Fitted again, the slots are empty.
        slots.fit(1_000);
        assert!(!slots.marked_twice(0));
    }

    #[test]
    fn keys_dealt_into_buckets_keep_their_order_in_each() {
        let keys: Vec<u64> = (0..10_000u64)
            .map(|n| n.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        let mut run = Run {
            keys: keys.clone(),
            ..Run::default()
        };
        run.dealt = Some(deal(&mut run.keys));
        let mut taken = Vec::new();
        for bucket in 0..BUCKETS {
            let these = keys_in(&run, bucket);
            assert!(these.iter().all(|&key| bucket_of(key) == bucket));
            let expected: Vec<u64> = keys
                .iter()
                .copied()
                .filter(|&key| bucket_of(key) == bucket)
                .collect();
            assert_eq!(these, expected.as_slice());
            taken.extend_from_slice(these);
        }
        assert_eq!(taken.len(), keys.len());
    }

    #[test]
    fn the_same_name_in_any_case_or_spacing_is_a_second_submission() {
        let bank = tiny_bank();
        let footprint = |levels: &[u8]| Footprint::of(&assess(&bank, &answers(&bank, levels)));
        let mut duplicates = Duplicates::default();
        duplicates.submit(
            b"An Peeters",
            "team.csv",
            2,
            footprint(&[1, 1, 1, 1]),
            Some(0),
        );
        duplicates.submit(b"Jan", "team.csv", 3, footprint(&[2, 2, 2, 2]), Some(1));
        duplicates.submit(
            b"AnPeeters",
            "team.csv",
            3,
            footprint(&[3, 3, 3, 3]),
            Some(2),
        );
        duplicates.submit(
            b"  an   PEETERS ",
            "team.csv",
            4,
            footprint(&[4, 4, 4, 4]),
            Some(3),
        );
        // A third submission, in another file, replaces the second: noted
        // after the keys so far were dealt, as where this thread reads on
        // after its own part.
        duplicates.deal();
        duplicates.submit(
            b"An Peeters",
            "later.csv",
            9,
            footprint(&[1, 2, 3, 4]),
            None,
        );
        let replaced = duplicates.replaced(1);
        assert_eq!(replaced.len(), 2);
        assert_eq!(replaced[0].row, Some(0));
        assert_eq!(replaced[0].footprint, footprint(&[1, 1, 1, 1]));
        assert_eq!(replaced[0].name, "  an   PEETERS ");
        let places = |earlier: &str, later: &str| Some((earlier.to_string(), later.to_string()));
        assert_eq!(replaced[0].places, places("team.csv:2", "team.csv:4"));
        assert_eq!(replaced[1].row, Some(3));
        assert_eq!(replaced[1].footprint, footprint(&[4, 4, 4, 4]));
        // Only the first is shown.
        assert_eq!(replaced[1].places, None);
        let folded = |name: &str| {
            String::from_utf8_lossy(fold_into(name.as_bytes(), &mut String::new()).0).into_owned()
        };
        assert_eq!(folded("É x"), folded(" é   X "));
        assert_eq!(folded("É x"), "é x");
        // Names that need no folding are taken as they are.
        assert_eq!(folded("an.peeters@voorbeeld.be"), "an.peeters@voorbeeld.be");
        assert_eq!(
            folded("An.Peeters@Voorbeeld.be "),
            "an.peeters@voorbeeld.be"
        );
    }

    #[test]
    fn a_part_joined_matches_as_if_noted_in_one() {
        let bank = tiny_bank();
        let footprint = Footprint::of(&assess(&bank, &answers(&bank, &[1, 2, 3, 4])));
        let names = ["a", "b", "A", "c", "b", "a", "d", "C"];
        let mut whole = Duplicates::default();
        for (n, name) in names.iter().enumerate() {
            whole.submit(name.as_bytes(), "t.csv", n as u64 + 2, footprint, Some(n));
        }
        let mut first = Duplicates::default();
        let mut part = first.part();
        for (n, name) in names.iter().enumerate() {
            if n < 3 {
                first.submit(name.as_bytes(), "t.csv", n as u64 + 2, footprint, Some(n));
            } else {
                part.submit(
                    name.as_bytes(),
                    "t.csv",
                    n as u64 + 2,
                    footprint,
                    Some(n - 3),
                );
            }
        }
        first.join(part, 3);
        let (whole, joined) = (whole.replaced(9), first.replaced(9));
        assert_eq!(whole.len(), 4);
        assert_eq!(whole, joined);
        let places = Some(("t.csv:3".to_string(), "t.csv:6".to_string()));
        assert_eq!(joined[1].places, places);
        assert_eq!(joined[1].row, Some(1));
    }

    #[test]
    fn parts_joined_one_after_another_match_as_if_noted_in_one() {
        let bank = tiny_bank();
        let footprint = |n: usize| {
            let level = (n % 4) as u8 + 1;
            Footprint::of(&assess(&bank, &answers(&bank, &[level; 4])))
        };
        let names = ["a", "b", "A", "c", "b", "a", "d", "C", "e", "a", "E", "b"];
        for keys_only in [false, true] {
            let fresh = || {
                if keys_only {
                    Duplicates::keys_only()
                } else {
                    Duplicates::default()
                }
            };
            let mut whole = fresh();
            for (n, name) in names.iter().enumerate() {
                whole.submit(
                    name.as_bytes(),
                    "t.csv",
                    n as u64 + 2,
                    footprint(n),
                    Some(n),
                );
            }
            // Two parts, one of them empty, a stretch read after the first
            // join, and a second file's parts: each noted apart, then joined.
            let mut joined = fresh();
            let stretches = [0..2, 2..2, 2..5, 5..9, 9..12];
            for (n, stretch) in stretches.into_iter().enumerate() {
                let mut part = joined.part();
                let noting = if n % 2 == 0 { &mut joined } else { &mut part };
                for at in stretch.clone() {
                    let row = if n % 2 == 0 { at } else { at - stretch.start };
                    noting.submit(
                        names[at].as_bytes(),
                        "t.csv",
                        at as u64 + 2,
                        footprint(at),
                        Some(row),
                    );
                }
                noting.deal();
                if n % 2 == 1 {
                    joined.join(part, stretch.start);
                }
            }
            assert_eq!(whole.clone().pairs().len(), 7);
            assert_eq!(whole.clone().pairs(), joined.clone().pairs());
            let (whole, joined) = (whole.replaced(9), joined.replaced(9));
            assert_eq!(whole.len(), if keys_only { 0 } else { 7 });
            assert_eq!(whole, joined, "keys only: {keys_only}");
        }
    }

    #[test]
    fn names_whose_hashes_share_a_top_half_are_told_apart() {
        let bank = tiny_bank();
        let footprint = Footprint::of(&assess(&bank, &answers(&bank, &[1, 2, 3, 4])));
        // Three names with the same top half of their hash, one whose
        // hash collides whole but not its check, and one elsewhere: their
        // submissions interleaved, in two parts.
        let top = 0xABCD_0123_0000_0000u64;
        let names = [
            (top | 1, 7),
            (top | 2, 7),
            (top | 1, 8),
            (top | 3, 7),
            (5, 5),
        ];
        let submitted = [0, 1, 0, 2, 3, 1, 0, 4, 2, 2, 4, 3, 1, 0];
        for keys_only in [false, true] {
            let mut first = if keys_only {
                Duplicates::keys_only()
            } else {
                Duplicates::default()
            };
            let mut part = first.part();
            let mut expected = Vec::new();
            let mut last = std::collections::HashMap::new();
            for (order, &name) in submitted.iter().enumerate() {
                if let Some(earlier) = last.insert(name, order) {
                    expected.push((earlier, order));
                }
                let (hash, check) = names[name];
                let noting = if order < 5 { &mut first } else { &mut part };
                noting.note(hash, check, b"n", "t.csv", order as u64, footprint, None);
            }
            first.join(part, 5);
            assert_eq!(expected.len(), 9);
            assert_eq!(first.pairs(), expected, "keys only: {keys_only}");
        }
    }

    #[test]
    fn many_submissions_are_paired_on_two_threads_as_a_map_of_names_pairs_them() {
        let bank = tiny_bank();
        let footprint = Footprint::of(&assess(&bank, &answers(&bank, &[1, 2, 3, 4])));
        let count = PAIRS_ON_TWO_THREADS_FROM + 50_000;
        let mut expected = Vec::new();
        let mut last: std::collections::HashMap<String, usize> = Default::default();
        let mut first = Duplicates::keys_only();
        let mut part = first.part();
        let split = count / 3;
        for order in 0..count {
            // About one name in eight comes again, some of them thrice.
            let seed = (order as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
            let name = if seed.is_multiple_of(8) {
                format!("Name {}", seed % 20_000)
            } else {
                format!("name {order}")
            };
            if let Some(earlier) = last.insert(name.to_lowercase(), order) {
                expected.push((earlier, order));
            }
            let noting = if order < split { &mut first } else { &mut part };
            noting.submit(name.as_bytes(), "t.csv", order as u64 + 2, footprint, None);
        }
        part.deal();
        first.join(part, split);
        let pairs = first.pairs();
        assert!(expected.len() > 10_000, "{}", expected.len());
        assert_eq!(pairs, expected);
    }
}
