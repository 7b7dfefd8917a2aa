//! Reading every respondent from files, folders or standard input and
//! scoring them: shared by `score`, `compare` and `report`.

use super::Setup;
use super::duplicates::Duplicates;
use super::spool::Spool;
use crate::cli::ReadArgs;
use crate::documents::ScoredRespondent;
use crate::input::csv_file::Unreadable;
use crate::input::matching::{ColumnMap, Matchers};
use crate::input::record::{Place, Record};
use crate::input::scores_document;
use crate::input::sources::{self, Before, Respondent, Sink, Source};
use crate::lang::Lang;
use crate::messages::{self, Localized, say_in};
use crate::model::answers::Responses;
use crate::model::bank::Bank;
use crate::model::scoring::{self, Assessment, assess, assess_pillar_scores};
use crate::model::team::{Footprint, TeamCollector};
use crate::terminal::progress_bar::Progress;
use anyhow::Result;
use std::path::PathBuf;

/// What to keep while reading.
pub struct Options {
    /// How respondents are read: incomplete ones, second submissions.
    pub read: ReadArgs,
    /// Keep each scored respondent (else only the team summary grows).
    pub keep_rows: bool,
    /// Keep each scored respondent's answers too.
    pub keep_answers: bool,
    /// Write each scored respondent as a CSV line to temporary files
    /// (`spool`), instead of keeping them.
    pub spool: bool,
    /// The inputs can be read again, and will be where second submissions
    /// are found (for JSON rows, always): they are found by name alone (16
    /// bytes each), and the second reading tells which they were.
    pub second_reading: bool,
    /// The database that `campaign:NAME` paths read.
    pub db: Option<PathBuf>,
}

/// Second submissions listed in full; beyond this they are counted.
const DUPLICATES_SHOWN: usize = 20;

/// Ignored columns named in a note; beyond this they are counted.
const IGNORED_SHOWN: usize = 12;
/// Problems listed in full; beyond this they are counted.
const PROBLEMS_SHOWN: usize = 50;

/// What a scoring run has gathered so far.
pub struct Tally<'a> {
    bank: &'a Bank,
    lang: Lang,
    allow_incomplete: bool,
    /// `None` when only the summary is wanted: nothing per respondent is kept.
    pub respondents: Option<Vec<ScoredRespondent>>,
    /// The rows as CSV lines, where they are spooled instead of kept.
    pub spool: Option<Spool<'a>>,
    /// With `keep_answers`: each scored respondent's answers, `None` for
    /// one read from a scores document.
    pub answers: Option<Vec<Option<Responses>>>,
    pub team: TeamCollector,
    pub scored: u64,
    /// The respondents not scored for their problems.
    pub rejected: u64,
    problems: Vec<String>,
    pub problem_count: u64,
    /// `None` with --keep-duplicates.
    duplicates: Option<Duplicates>,
    /// The named submissions (counted in the order read) that later ones
    /// replaced, sorted: known once settled.
    replaced: Vec<u32>,
    /// Second submissions found by name alone, left for the second
    /// reading to tell.
    pub untold: Option<Untold>,
    /// The sources read, in order.
    pub sources: Vec<Source>,
    /// In a part of a table read on another thread: the records of the
    /// first problems, described when joined (an unnamed respondent is
    /// called by a row not known till then), and the kept rows of unnamed
    /// respondents, named then.
    part: Option<Later>,
}

/// Second submissions the first reading found by name alone: how many,
/// and the first ones to name (each earlier submission with the later one
/// that replaced it, by their order among the named submissions).
pub struct Untold {
    pub count: u64,
    pub shown: Vec<(usize, usize)>,
}

/// What a part of a table leaves to be done when it is joined.
#[derive(Default)]
struct Later {
    rejected: Vec<Record>,
    /// A kept row's position, and its respondent's place.
    unnamed: Vec<(usize, Place)>,
}

impl<'a> Tally<'a> {
    fn problem(&mut self, message: String) {
        self.problem_count += 1;
        if self.problems.len() < PROBLEMS_SHOWN {
            self.problems.push(message);
        }
    }

    /// The named submissions (counted in the order read) that later ones
    /// replaced, sorted.
    pub fn replaced_submissions(&self) -> &[u32] {
        &self.replaced
    }

    /// The problems found, as far as they are listed.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Scores one respondent, or counts their problems; takes from the
    /// record what it keeps.
    pub fn add(&mut self, record: &mut Record) {
        let incomplete = !self.allow_incomplete && !record.missing.is_empty();
        if !record.bad.is_empty() || incomplete {
            match &mut self.part {
                Some(later) if later.rejected.len() < PROBLEMS_SHOWN => {
                    later.rejected.push(record.clone());
                }
                _ => self.reject(record, incomplete),
            }
            return;
        }
        // A row kept needs the whole assessment; a row spooled its
        // scores; the team only its footprint.
        let assessment = self
            .respondents
            .is_some()
            .then(|| assess(self.bank, &record.responses));
        let spooled =
            (assessment.is_none() && self.spool.is_some()).then(|| record.row_scores(self.bank));
        let footprint = match (&assessment, &spooled) {
            (Some(assessment), _) => Footprint::of(assessment),
            (None, Some(scores)) => scores.footprint(),
            (None, None) => record.footprint(self.bank),
        };
        if record.named
            && let Some(duplicates) = &mut self.duplicates
        {
            let row = self.respondents.as_ref().map(Vec::len);
            let line = record.place.line.unwrap_or(0);
            duplicates.submit(
                record.respondent.as_bytes(),
                &record.place.file,
                line,
                footprint,
                row,
            );
        }
        if let Some(answers) = &mut self.answers {
            answers.push(Some(record.responses.clone()));
        }
        self.team.add_footprint(&footprint);
        self.scored += 1;
        if let (Some(spool), Some(scores)) = (&mut self.spool, &spooled) {
            spool.add(record, scores);
        }
        let (Some(rows), Some(assessment)) = (&mut self.respondents, assessment) else {
            return;
        };
        if let Some(later) = &mut self.part
            && !record.named
        {
            // Named when joined, from its place and row.
            later.unnamed.push((rows.len(), record.place.clone()));
            rows.push(ScoredRespondent {
                respondent: String::new(),
                source: String::new(),
                assessment,
            });
            return;
        }
        rows.push(row(record, assessment));
    }

    /// Counts a respondent with problems, describing them while fewer
    /// than `PROBLEMS_SHOWN` are.
    fn reject(&mut self, record: &Record, incomplete: bool) {
        self.rejected += 1;
        if self.problems.len() >= PROBLEMS_SHOWN || self.part.is_some() {
            // Count without building messages nobody will see.
            self.problem_count += record.bad.len() as u64 + u64::from(incomplete);
            return;
        }
        for message in record.bad_answer_messages(self.bank, self.lang) {
            self.problem(message);
        }
        if incomplete && let Some(message) = record.missing_message(self.bank, self.lang) {
            self.problem(message);
        }
    }

    /// A tally to which `add` gives respondents one at a time.
    pub fn new(bank: &'a Bank, lang: Lang, options: &Options) -> Tally<'a> {
        Tally {
            answers: options.keep_answers.then(Vec::new),
            bank,
            lang,
            allow_incomplete: options.read.allow_incomplete,
            respondents: options.keep_rows.then(Vec::new),
            spool: options.spool.then(|| Spool::new(bank, lang)),
            team: TeamCollector::new(bank),
            scored: 0,
            rejected: 0,
            problems: Vec::new(),
            problem_count: 0,
            duplicates: (!options.read.keep_duplicates).then(|| {
                if options.second_reading {
                    Duplicates::keys_only()
                } else {
                    Duplicates::default()
                }
            }),
            replaced: Vec::new(),
            untold: None,
            sources: Vec::new(),
            part: None,
        }
    }

    /// An empty tally for a later stretch of a table, read on another
    /// thread and joined after this one.
    pub fn part(&self) -> Tally<'a> {
        Tally {
            bank: self.bank,
            lang: self.lang,
            allow_incomplete: self.allow_incomplete,
            respondents: self.respondents.as_ref().map(|_| Vec::new()),
            spool: self.spool.as_ref().map(Spool::part),
            answers: self.answers.as_ref().map(|_| Vec::new()),
            team: TeamCollector::new(self.bank),
            scored: 0,
            rejected: 0,
            problems: Vec::new(),
            problem_count: 0,
            duplicates: self.duplicates.as_ref().map(Duplicates::part),
            replaced: Vec::new(),
            untold: None,
            sources: Vec::new(),
            part: Some(Later::default()),
        }
    }

    /// Takes in what a part gathered, after what this one did: its rows
    /// (and lines) come after `before`.
    pub fn join(&mut self, part: Tally<'a>, before: Before) {
        let rows_before = before.rows;
        let kept_before = self.respondents.as_ref().map_or(0, Vec::len);
        if let (Some(mine), Some(theirs)) = (&mut self.duplicates, part.duplicates) {
            mine.join(theirs, kept_before);
        }
        if let (Some(mine), Some(theirs)) = (&mut self.spool, part.spool) {
            mine.join(theirs, rows_before);
        }
        let later = part.part.unwrap_or_default();
        if let (Some(mine), Some(mut theirs)) = (&mut self.respondents, part.respondents) {
            for (at, mut place) in later.unnamed {
                if let Some(line) = &mut place.line {
                    *line += before.lines;
                }
                if let (Some(row), Some(table_row)) = (theirs.get_mut(at), &mut place.row) {
                    *table_row += rows_before;
                    row.respondent = Record::unnamed(&place.file, *table_row);
                    row.source = place.to_string();
                }
            }
            mine.append(&mut theirs);
        }
        if let (Some(mine), Some(mut theirs)) = (&mut self.answers, part.answers) {
            mine.append(&mut theirs);
        }
        self.team.merge(&part.team);
        self.scored += part.scored;
        for mut record in later.rejected {
            record.shift(before);
            let incomplete = !self.allow_incomplete && !record.missing.is_empty();
            self.reject(&record, incomplete);
        }
        self.rejected += part.rejected;
        self.problem_count += part.problem_count;
    }

    /// Takes out the submissions that later ones replaced, from the team
    /// and the rows; returns the note that says which, if any were.
    pub fn settle(&mut self) -> Option<Vec<String>> {
        let mut duplicates = self.duplicates.take()?;
        if duplicates.is_keys_only() {
            let pairs = duplicates.pairs();
            self.replaced = pairs.iter().map(|&(earlier, _)| small(earlier)).collect();
            self.replaced.sort_unstable();
            self.scored -= pairs.len() as u64;
            if !pairs.is_empty() {
                self.untold = Some(Untold {
                    count: pairs.len() as u64,
                    shown: pairs.into_iter().take(DUPLICATES_SHOWN).collect(),
                });
            }
            return None;
        }
        let replaced = duplicates.replaced(DUPLICATES_SHOWN);
        let mut gone = Vec::new();
        let mut shown = Vec::new();
        for earlier in &replaced {
            self.replaced.push(earlier.submission);
            self.team.remove(&earlier.footprint);
            self.scored -= 1;
            gone.extend(earlier.row);
            if shown.len() < DUPLICATES_SHOWN
                && let Some((before, after)) = &earlier.places
            {
                shown.push(Twice {
                    name: &earlier.name,
                    earlier: before,
                    later: after,
                });
            }
        }
        self.replaced.sort_unstable();
        gone.sort_unstable();
        retain_except(&mut self.respondents, &gone);
        retain_except(&mut self.answers, &gone);
        answered_twice(self.lang, replaced.len() as u64, &shown)
    }

    /// A respondent from a scores document: pillar scores, no answers.
    fn add_scores(&mut self, entry: scores_document::ScoredEntry, source: &str) {
        let assessment = assess_pillar_scores(self.bank, &entry.scores);
        if let Some(answers) = &mut self.answers {
            answers.push(None);
        }
        self.team.add(&assessment);
        self.scored += 1;
        if let Some(spool) = &mut self.spool {
            let scores = scoring::RowScores::of(&assessment);
            spool.add_whole(&entry.respondent, source, &scores);
        }
        if let Some(respondents) = &mut self.respondents {
            respondents.push(ScoredRespondent {
                respondent: entry.respondent,
                source: source.to_string(),
                assessment,
            });
        }
    }

    pub fn report_problems(&self, skipping: bool) {
        let lang = self.lang;
        if skipping {
            let skipped = Localized::new("skipped-respondents", &[])
                .count("respondents", self.rejected)
                .count("count", self.problem_count);
            crate::output::say(&messages::warning(lang, &skipped.in_lang(lang)));
        } else {
            let problems =
                Localized::new("problems-nothing-written", &[]).count("count", self.problem_count);
            crate::output::say(&messages::error(lang, &problems.in_lang(lang)));
        }
        for problem in &self.problems {
            crate::output::say(&format!("  {problem}"));
        }
        let unshown = self.problem_count - self.problems.len() as u64;
        if unshown > 0 {
            let more = Localized::new("and-more-problems", &[]).count("count", unshown);
            crate::output::say(&format!("  {}", more.in_lang(lang)));
        }
        if !skipping {
            crate::output::say(&say_in(lang, "fix-the-answers", &[]));
        }
    }
}

impl Sink for Tally<'_> {
    fn add(&mut self, respondent: Respondent<'_>) {
        match respondent {
            Respondent::Answers(record) => Tally::add(self, record),
            Respondent::Scores(entry, source) => self.add_scores(entry, &source),
        }
    }

    fn part(&self) -> Option<Self> {
        Some(Tally::part(self))
    }

    fn join(&mut self, part: Self, before: Before) {
        Tally::join(self, part, before);
    }

    /// A part's lines are held only by its rejected records, which `join`
    /// moves: not where rows are kept or spooled with their places, nor
    /// where second submissions are noted with theirs.
    fn moves_lines(&self) -> bool {
        self.respondents.is_none()
            && self.spool.is_none()
            && self
                .duplicates
                .as_ref()
                .is_none_or(Duplicates::is_keys_only)
    }

    fn read_all(&mut self) {
        if let Some(duplicates) = &mut self.duplicates {
            duplicates.deal();
        }
        if let Some(spool) = &mut self.spool {
            spool.close();
        }
    }

    /// A kept row needs its assessment, and kept answers the answers.
    fn scores_only(&self) -> bool {
        self.respondents.is_none() && self.answers.is_none()
    }
}

/// A second submission as the note shows it: the name, and where the
/// earlier and the later submission are.
pub(super) struct Twice<'a> {
    pub name: &'a str,
    pub earlier: &'a str,
    pub later: &'a str,
}

/// The note on second submissions: how many, the first `shown` (each
/// `name: earlier place and later place`), and how many more; `None` if
/// there were none.
pub(super) fn answered_twice(lang: Lang, count: u64, shown: &[Twice]) -> Option<Vec<String>> {
    if count == 0 {
        return None;
    }
    let twice = Localized::new("answered-twice", &[]).count("count", count);
    let mut lines = vec![messages::note(lang, &twice.in_lang(lang))];
    lines.extend(shown.iter().map(|twice| {
        let name = crate::visible::quoted(twice.name);
        let args = [
            ("name", name.as_ref()),
            ("earlier", twice.earlier),
            ("later", twice.later),
        ];
        format!("  {}", say_in(lang, "answered-twice-at", &args))
    }));
    if count > shown.len() as u64 {
        let more = Localized::new("and-more", &[]).count("count", count - shown.len() as u64);
        lines.push(format!("  {}", more.in_lang(lang)));
    }
    Some(lines)
}

fn small(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// A respondent's row, its name taken from the record.
pub(super) fn row(record: &mut Record, assessment: Assessment) -> ScoredRespondent {
    ScoredRespondent {
        respondent: std::mem::take(&mut record.respondent).into_string(),
        source: record.place.to_string(),
        assessment,
    }
}

/// Keeps all but the items at the (sorted) positions `gone`.
fn retain_except<T>(list: &mut Option<Vec<T>>, gone: &[usize]) {
    if let Some(list) = list {
        let mut position = 0;
        list.retain(|_| {
            let keep = gone.binary_search(&position).is_err();
            position += 1;
            keep
        });
    }
}

/// Reads and scores every respondent in `paths`; problems are gathered, not
/// returned as errors, so that all of them can be reported.
pub fn gather<'a>(setup: &'a Setup, paths: &[PathBuf], options: Options) -> Result<Tally<'a>> {
    let bank = &setup.bank;
    let sources = sources::expand(paths, options.db.as_deref(), setup.lang)?;
    check_map(&options.read.map, bank)?;
    let mut tally = Tally::new(bank, setup.lang, &options);
    let matchers = Matchers::new(bank, &options.read.map);
    let mut map_used = vec![false; options.read.map.len()];
    let mut tables = 0;
    let progress = Progress::new(total_bytes(&sources), sources.len());
    for source in &sources {
        let taken = tally.scored + tally.rejected;
        let read = sources::open(source).and_then(|input| {
            let input = progress.wrap(input);
            sources::read(source, input, bank, &matchers, &mut tally, &|input| {
                progress.wrap(input)
            })
        });
        match read {
            Ok(Some(table)) => {
                tables += 1;
                for &entry in &table.mapped {
                    map_used[entry] = true;
                }
                if !table.ignored.is_empty() {
                    let columns = listed(&table.ignored, setup.lang);
                    let line = say_in(
                        setup.lang,
                        "ignored-columns",
                        &[("file", &source.name), ("columns", &columns)],
                    );
                    crate::output::say(&messages::note(setup.lang, &line));
                }
                if table.partial > 0 {
                    let line = Localized::new("partial-skipped", &[("file", &source.name)])
                        .count("count", table.partial)
                        .in_lang(setup.lang);
                    crate::output::say(&messages::note(setup.lang, &line));
                }
                for (header, question) in &table.near {
                    let question = &bank.questions[*question];
                    let text = crate::visible::shorten(question.text.get(setup.lang), 60);
                    let map = crate::visible::visible(&format!("\"{header}={}\"", question.id))
                        .into_owned();
                    let header = crate::visible::quoted(&crate::visible::shorten(header, 60));
                    let args = [
                        ("file", &*source.name),
                        ("header", header.as_str()),
                        ("question", question.id.as_str()),
                        ("text", text.as_ref()),
                        ("map", map.as_str()),
                    ];
                    let line = say_in(setup.lang, "did-you-mean", &args);
                    crate::output::say(&messages::note(setup.lang, &line));
                }
                if !table.missing_columns.is_empty() {
                    let ids: Vec<&str> = table
                        .missing_columns
                        .iter()
                        .map(|&q| bank.questions[q].id.as_str())
                        .collect();
                    let line = say_in(
                        setup.lang,
                        "no-column-for",
                        &[("file", &source.name), ("questions", &ids.join(", "))],
                    );
                    crate::output::say(&messages::note(setup.lang, &line));
                }
            }
            Ok(None) => {}
            // A source that failed part of the way (a CSV file always: its
            // rows up to the place were read) is refused, not skipped:
            // skipping it would score part of it without a word on which.
            Err(err)
                if err.downcast_ref::<Unreadable>().is_some()
                    || tally.scored + tally.rejected > taken =>
            {
                return Err(err);
            }
            Err(err) => {
                tally.rejected += 1;
                tally.problem(messages::describe(&err, setup.lang));
            }
        }
    }
    progress.finish();
    if tables > 0 {
        for (entry, _) in options
            .read
            .map
            .iter()
            .zip(&map_used)
            .filter(|(_, used)| !**used)
        {
            let column = format!("\"{}\"", crate::visible::quoted(&entry.column));
            let args = [("map", entry.shown()), ("column", column)];
            let args = args.each_ref().map(|(key, value)| (*key, value.as_str()));
            let line = say_in(setup.lang, "map-unused", &args);
            crate::output::say(&messages::warning(setup.lang, &line));
        }
    }
    for line in tally.settle().unwrap_or_default() {
        crate::output::say(&line);
    }
    tally.sources = sources;
    Ok(tally)
}

/// Every `--map` entry names a question of the bank.
fn check_map(map: &[ColumnMap], bank: &Bank) -> Result<()> {
    for entry in map {
        if !bank.questions.iter().any(|q| q.id == entry.question) {
            let place = format!("--map {}", entry.shown());
            let known: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
            let question =
                crate::visible::visible(&crate::visible::shorten(&entry.question, 60)).into_owned();
            let args = [
                ("place", place.as_str()),
                ("id", question.as_str()),
                ("bank", bank.id.as_str()),
                ("known", &known.join(", ")),
            ];
            return Err(Localized::new("unknown-question", &args).into());
        }
    }
    Ok(())
}

/// Column headers for a note: each cut short, at most
/// `IGNORED_SHOWN` of them, then how many more.
fn listed(headers: &[String], lang: Lang) -> String {
    let mut shown: Vec<String> = headers
        .iter()
        .take(IGNORED_SHOWN)
        .map(|header| crate::visible::quoted(&crate::visible::shorten(header, 40)))
        .collect();
    if headers.len() > IGNORED_SHOWN {
        let more = Localized::new("more", &[]).count("count", headers.len() - IGNORED_SHOWN);
        shown.push(more.in_lang(lang));
    }
    shown.join(", ")
}

fn total_bytes(sources: &[Source]) -> u64 {
    sources
        .iter()
        .filter_map(|source| std::fs::metadata(source.path.as_ref()?).ok())
        .map(|metadata| metadata.len())
        .sum()
}
