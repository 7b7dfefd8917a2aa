//! One JSON entry per respondent without keeping them: after the first
//! reading (`gather`) checked every row, counted the team and found the
//! second submissions, the input is read a second time and each
//! respondent is scored again and handed to the writer, in order. A second
//! thread reads while this one writes, a few batches ahead; memory does not
//! grow with the rows. (CSV rows are written while reading: `spool`.)
//!
//! Only inputs that can be read twice are read this way (not standard
//! input). Where the second reading does not give the rows the first one
//! counted (a file changed in between), the writing ends with an error.
//!
//! A team summary, and CSV rows, read their inputs again the same way, on
//! this thread, but only where the first reading found second submissions
//! by name alone: `settle` gives the replaced ones' footprints and says the
//! note.

use super::Setup;
use super::gather::{Tally, Twice, Untold, answered_twice, row};
use crate::cli::ReadArgs;
use crate::documents::{RowStream, ScoredRespondent};
use crate::input::csv_parts::Input;
use crate::input::matching::Matchers;
use crate::input::record::Record;
use crate::input::sources::{self, Before, Respondent, Sink, Source};
use crate::messages::Localized;
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use crate::model::scoring::{assess, assess_pillar_scores};
use crate::model::target::{Target, plan};
use crate::model::team::Footprint;
use anyhow::Result;
use std::fmt::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};

/// Rows sent at once, and batches read ahead of the writing.
const BATCH_ROWS: usize = 1024;
const BATCHES_AHEAD: usize = 4;

/// A row, with the answers where a plan is made from them.
type Row = (ScoredRespondent, Option<Responses>);

/// The second reading of what a `Tally` read first.
pub struct SecondPass<'a> {
    setup: &'a Setup,
    sources: &'a [Source],
    read: &'a ReadArgs,
    /// The named submissions (counted in the order read) that later ones
    /// replaced, sorted.
    replaced: &'a [u32],
    /// The rows the first reading scored.
    rows: u64,
    /// Second submissions the first reading found by name alone, for this
    /// one to name.
    untold: Option<&'a Untold>,
    target: Option<&'a Target>,
}

impl<'a> SecondPass<'a> {
    pub fn new(
        setup: &'a Setup,
        tally: &'a Tally,
        read: &'a ReadArgs,
        target: Option<&'a Target>,
    ) -> SecondPass<'a> {
        SecondPass {
            setup,
            sources: &tally.sources,
            read,
            replaced: tally.replaced_submissions(),
            rows: tally.scored,
            untold: tally.untold.as_ref(),
            target,
        }
    }

    /// Reads every source again, sending the rows in batches (once nobody
    /// takes them any more, the rest is read but not sent); gives the
    /// place and name of each named submission in `wanted`.
    fn read_again(
        &self,
        send: SyncSender<Vec<Row>>,
        recycled: Receiver<Vec<Row>>,
        wanted: Vec<usize>,
    ) -> Vec<Seen> {
        let bank = &self.setup.bank;
        let matchers = Matchers::new(bank, &self.read.map);
        let mut rows = Rows {
            bank,
            allow_incomplete: self.read.allow_incomplete,
            named: (!self.read.keep_duplicates).then(|| Named::new(self.replaced, wanted)),
            answers: self.target.is_some(),
            batch: Vec::with_capacity(BATCH_ROWS),
            spare: Vec::new(),
            send,
            recycled,
            closed: Arc::new(AtomicBool::new(false)),
        };
        let closed = rows.closed.clone();
        let until_closed = move |input: Input| -> Input {
            Box::new(UntilClosed {
                input,
                closed: closed.clone(),
            })
        };
        for source in self.sources {
            // The first reading told of what a source lacks; here it gives
            // what it gave then (the count is checked by the writer).
            let read = sources::open(source).and_then(|input| {
                let input = until_closed(input);
                sources::read(source, input, bank, &matchers, &mut rows, &until_closed)
            });
            if read.is_err() && rows.closed() {
                break;
            }
        }
        rows.flush();
        rows.named.map(|named| named.seen).unwrap_or_default()
    }

    /// The named submissions whose place and name the note shows, sorted.
    fn wanted(&self) -> Vec<usize> {
        let mut wanted: Vec<usize> = self
            .untold
            .iter()
            .flat_map(|untold| &untold.shown)
            .flat_map(|&(earlier, later)| [earlier, later])
            .collect();
        wanted.sort_unstable();
        wanted
    }

    /// For a team summary whose second submissions the first reading
    /// found by name alone: reads the inputs again on this thread, says
    /// the note on them, and gives the footprints of the replaced ones,
    /// to take out of the team.
    pub fn settle(&self) -> Result<Vec<Footprint>> {
        if self.untold.is_none() {
            return Ok(Vec::new());
        }
        let bank = &self.setup.bank;
        let matchers = Matchers::new(bank, &self.read.map);
        let mut settling = Settling {
            bank,
            allow_incomplete: self.read.allow_incomplete,
            named: Named::new(self.replaced, self.wanted()),
            replaced: Vec::with_capacity(self.replaced.len()),
            kept: 0,
        };
        for source in self.sources {
            sources::open(source).and_then(|input| {
                sources::read(source, input, bank, &matchers, &mut settling, &|input| {
                    input
                })
            })?;
        }
        let scored = settling.kept - settling.replaced.len() as u64;
        if scored != self.rows || settling.replaced.len() != self.replaced.len() {
            let changed = Localized::new("input-changed", &[])
                .count("first", self.rows)
                .count("second", scored);
            return Err(anyhow::anyhow!(changed.in_lang(self.setup.lang)));
        }
        for line in self
            .answered_twice(&settling.named.seen)
            .unwrap_or_default()
        {
            crate::output::say(&line);
        }
        Ok(settling.replaced)
    }

    /// The note on second submissions, from what the second reading saw.
    fn answered_twice(&self, seen: &[Seen]) -> Option<Vec<String>> {
        let untold = self.untold?;
        let find = |order: usize| seen.iter().find(|seen| seen.order == order);
        let shown: Vec<Twice> = untold
            .shown
            .iter()
            .filter_map(|&(earlier, later)| {
                let (earlier, later) = (find(earlier)?, find(later)?);
                Some(Twice {
                    name: &later.name,
                    earlier: &earlier.place,
                    later: &later.place,
                })
            })
            .collect();
        answered_twice(self.setup.lang, untold.count, &shown)
    }
}

impl RowStream for SecondPass<'_> {
    fn each(
        &self,
        each: &mut dyn FnMut(&ScoredRespondent, Option<&crate::model::target::Plan>) -> Result<()>,
    ) -> Result<()> {
        let bank = &self.setup.bank;
        std::thread::scope(|scope| {
            let (send, batches) = sync_channel(BATCHES_AHEAD);
            let (recycle, recycled) = channel();
            let wanted = self.wanted();
            let reader = scope.spawn(move || self.read_again(send, recycled, wanted));
            let mut written = 0u64;
            for batch in batches {
                for (scored, answers) in &batch {
                    let plan = self
                        .target
                        .map(|target| plan(bank, &scored.assessment, answers.as_ref(), target));
                    each(scored, plan.as_ref())?;
                    written += 1;
                }
                // Its rows are written over there: what they hold is made
                // and freed on one thread.
                let _ = recycle.send(batch);
            }
            if written != self.rows {
                let changed = Localized::new("input-changed", &[])
                    .count("first", self.rows)
                    .count("second", written);
                return Err(anyhow::anyhow!(changed.in_lang(self.setup.lang)));
            }
            let seen = reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for line in self.answered_twice(&seen).unwrap_or_default() {
                crate::output::say(&line);
            }
            Ok(())
        })
    }
}

/// Takes each respondent the first reading kept, and sends it on.
struct Rows<'a> {
    bank: &'a Bank,
    allow_incomplete: bool,
    /// `None` with --keep-duplicates.
    named: Option<Named<'a>>,
    /// Whether the answers go with each row.
    answers: bool,
    batch: Vec<Row>,
    /// Rows written and given back, to be written over.
    spare: Vec<Row>,
    send: SyncSender<Vec<Row>>,
    recycled: Receiver<Vec<Row>>,
    /// The writer stopped taking rows (a closed pipe): the input is read
    /// no further.
    closed: Arc<AtomicBool>,
}

/// The named submissions of a second reading, counted as `Duplicates`
/// counts them in the first.
struct Named<'a> {
    /// Those that later ones replaced (by order), sorted.
    replaced: &'a [u32],
    count: u32,
    /// Those whose place and name are wanted (by order), sorted, and those
    /// seen.
    wanted: Vec<usize>,
    seen: Vec<Seen>,
}

impl<'a> Named<'a> {
    fn new(replaced: &'a [u32], wanted: Vec<usize>) -> Named<'a> {
        Named {
            replaced,
            count: 0,
            wanted,
            seen: Vec::new(),
        }
    }

    /// Counts a respondent the first reading kept; whether a later
    /// submission replaced it.
    fn replaced(&mut self, record: &Record) -> bool {
        if !record.named {
            return false;
        }
        let submission = self.count;
        self.count += 1;
        if self.wanted.binary_search(&(submission as usize)).is_ok() {
            // As the first reading would have named it.
            let line = record.place.line.unwrap_or(0);
            let line = u32::try_from(line).unwrap_or(u32::MAX);
            self.seen.push(Seen {
                order: submission as usize,
                place: super::duplicates::place(&record.place.file, line),
                name: record.respondent.text().into_owned(),
            });
        }
        self.replaced.binary_search(&submission).is_ok()
    }
}

/// Whether the first reading kept a record: no bad answer, and every
/// answer unless incomplete ones are allowed.
fn kept(record: &Record, allow_incomplete: bool) -> bool {
    record.bad.is_empty() && (allow_incomplete || record.missing.is_empty())
}

/// Takes the footprint of each replaced submission, for a team summary.
struct Settling<'a> {
    bank: &'a Bank,
    allow_incomplete: bool,
    named: Named<'a>,
    replaced: Vec<Footprint>,
    /// The respondents the first reading would keep, replaced or not.
    kept: u64,
}

impl Sink for Settling<'_> {
    fn add(&mut self, respondent: Respondent<'_>) {
        match respondent {
            Respondent::Answers(record) if kept(record, self.allow_incomplete) => {
                self.kept += 1;
                if self.named.replaced(record) {
                    self.replaced.push(record.footprint(self.bank));
                }
            }
            Respondent::Answers(_) => {}
            Respondent::Scores(..) => self.kept += 1,
        }
    }

    /// Submissions are counted in order: read on one thread.
    fn part(&self) -> Option<Self> {
        None
    }

    fn join(&mut self, _part: Self, _before: Before) {}

    fn scores_only(&self) -> bool {
        true
    }
}

/// A file read for its rows until nobody takes them any more; then it ends
/// with an error, so that the rest is not read for nothing.
struct UntilClosed {
    input: Input,
    closed: Arc<AtomicBool>,
}

impl std::io::Read for UntilClosed {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.closed.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("the rows are no longer written"));
        }
        self.input.read(buffer)
    }
}

/// A named submission's place and name.
struct Seen {
    order: usize,
    place: String,
    name: String,
}

impl Rows<'_> {
    /// A row given back, to write a respondent over.
    fn spare(&mut self) -> Option<Row> {
        if self.spare.is_empty()
            && let Ok(back) = self.recycled.try_recv()
        {
            self.spare = back;
        }
        self.spare.pop()
    }

    fn closed(&self) -> bool {
        self.closed.load(Ordering::Relaxed)
    }

    fn push(&mut self, row: Row) {
        if self.closed() {
            return;
        }
        self.batch.push(row);
        if self.batch.len() >= BATCH_ROWS {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let next = if self.spare.is_empty() {
            std::mem::take(&mut self.spare)
        } else {
            Vec::with_capacity(BATCH_ROWS)
        };
        let batch = std::mem::replace(&mut self.batch, next);
        if !batch.is_empty() && self.send.send(batch).is_err() {
            self.closed.store(true, Ordering::Relaxed);
        }
    }
}

impl Sink for Rows<'_> {
    fn add(&mut self, respondent: Respondent<'_>) {
        match respondent {
            Respondent::Answers(record) => {
                if !kept(record, self.allow_incomplete)
                    || self
                        .named
                        .as_mut()
                        .is_some_and(|named| named.replaced(record))
                {
                    return;
                }
                let answers = self.answers.then(|| record.responses.clone());
                let assessment = assess(self.bank, &record.responses);
                let scored = match self.spare() {
                    Some((mut scored, _)) => {
                        scored.respondent.clear();
                        scored.respondent.push_str(&record.respondent.text());
                        scored.source.clear();
                        let _ = write!(scored.source, "{}", record.place);
                        scored.assessment = assessment;
                        scored
                    }
                    None => row(record, assessment),
                };
                self.push((scored, answers));
            }
            Respondent::Scores(entry, source) => {
                let row = ScoredRespondent {
                    assessment: assess_pillar_scores(self.bank, &entry.scores),
                    respondent: entry.respondent,
                    source: source.to_string(),
                };
                self.push((row, None));
            }
        }
    }

    /// Rows are written in order: read on one thread.
    fn part(&self) -> Option<Self> {
        None
    }

    fn join(&mut self, _part: Self, _before: Before) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::gather::{Options, gather};
    use crate::lang::Lang;
    use crate::messages::grouped;
    use crate::model::answers::Choice;
    use crate::testing::tiny_bank;

    const HEADER: &str = "respondent,a1,a2,a3,b1,b2,c1,c2,d1,d2\n";

    fn row(n: usize) -> String {
        format!("r{n},w,x,y,z,w,x,y,z,w\n")
    }

    /// The header and the rows `rows`.
    fn table(rows: std::ops::Range<usize>) -> String {
        std::iter::once(HEADER.to_string())
            .chain(rows.map(row))
            .collect()
    }

    fn setup() -> Setup {
        Setup {
            lang: crate::lang::Lang::EN,
            bank: tiny_bank(),
            bank_path: None,
            model: String::new(),
        }
    }

    /// The first reading of `path`, as `score` does it for rows.
    fn first_reading<'a>(setup: &'a Setup, path: &std::path::Path) -> Tally<'a> {
        let options = Options {
            read: ReadArgs::default(),
            keep_rows: false,
            keep_answers: false,
            spool: false,
            second_reading: true,
            db: None,
        };
        gather(setup, &[path.to_path_buf()], options).expect("first reading")
    }

    /// A file cut short while its rows are written from the second reading
    /// ends the writing with an error, not with fewer rows in silence.
    #[test]
    fn a_file_that_changes_between_the_readings_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("team.csv");
        let rows = 40 * BATCH_ROWS;
        let text: String = table(0..rows);
        std::fs::write(&path, &text).expect("write");
        let setup = setup();
        let tally = first_reading(&setup, &path);
        assert_eq!(tally.scored, rows as u64);
        let read = ReadArgs::default();
        let second = SecondPass::new(&setup, &tally, &read, None);
        let mut written = 0;
        let outcome = second.each(&mut |_, _| {
            if written == 0 {
                // The reader is a few batches ahead at most: the rest of
                // the file is gone before it gets there.
                let file = std::fs::OpenOptions::new().write(true).open(&path)?;
                file.set_len(64)?;
            }
            written += 1;
            Ok(())
        });
        let error = outcome.expect_err("fewer rows the second time").to_string();
        assert!(
            error.contains(&format!(
                "{} scored the first time",
                grouped(Lang::EN, rows as u64)
            )),
            "{error}"
        );
        assert!(written < rows, "{written} rows written of {rows}");
    }

    /// A summary's settling reading takes out the submission a later one
    /// replaced, and finds a file that changed since the first reading.
    #[test]
    fn settling_gives_the_replaced_and_notices_a_changed_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("team.csv");
        let text = table(0..10) + "R3 ,z,z,z,z,z,z,z,z,z\n";
        std::fs::write(&path, &text).expect("write");
        let setup = setup();
        let tally = first_reading(&setup, &path);
        assert_eq!(tally.scored, 10, "eleven read, one replaced");
        let read = ReadArgs::default();
        let second = SecondPass::new(&setup, &tally, &read, None);
        let replaced = second.settle().expect("settled");
        // r3's answers, in the bank's order (a1 a2 b1 b2 c1 c2 d1 d2 a3).
        let mut r3 = Responses::empty(&setup.bank);
        for (question, option) in [0, 1, 3, 0, 1, 2, 3, 0, 2].into_iter().enumerate() {
            r3.set(question, Some(Choice::Option(option)));
        }
        assert_eq!(
            replaced,
            [crate::model::scoring::footprint(&setup.bank, &r3)]
        );
        let shorter: String = table(0..9);
        std::fs::write(&path, shorter).expect("cut short");
        let error = second.settle().expect_err("changed").to_string();
        assert!(
            error.contains("10 scored the first time, 8 the second"),
            "{error}"
        );
    }

    /// When the rows are no longer taken (`| head`), the second reading
    /// stops reading its input. Here the input is a pipe that would give
    /// half a gigabyte: its writer finds it closed long before.
    #[cfg(unix)]
    #[test]
    fn a_closed_writer_stops_the_reading() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("team.csv");
        let first: String = table(0..10);
        std::fs::write(&path, first).expect("write");
        let setup = setup();
        let tally = first_reading(&setup, &path);
        // The second reading finds a pipe where the file was.
        std::fs::remove_file(&path).expect("remove");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.is_ok_and(|status| status.success()), "mkfifo");
        let fifo = path.clone();
        let writer = std::thread::spawn(move || {
            let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo)?;
            let block: String = table(0..10_000);
            let mut sent = 0usize;
            while sent < 500 << 20 {
                pipe.write_all(block.as_bytes())?;
                sent += block.len();
            }
            Ok::<usize, std::io::Error>(sent)
        });
        let read = ReadArgs::default();
        let second = SecondPass::new(&setup, &tally, &read, None);
        let outcome = second.each(&mut |_, _| Err(anyhow::anyhow!("closed")));
        assert!(outcome.is_err());
        let written = writer.join().expect("writer");
        assert!(written.is_err(), "the reader read all {written:?} bytes");
    }
}
