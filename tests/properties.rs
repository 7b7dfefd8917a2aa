//! Properties of scoring that hold for any answers: scores and stages stay
//! in range, a better answer never lowers a result, and neither the order
//! of the answers nor the file format changes it.

use proptest::prelude::*;
use pyramid::commands::gather::{Options, Tally};
use pyramid::documents::SpooledRows;
use pyramid::export::CsvRows;
use pyramid::input::bank_file;
use pyramid::input::csv_parts::Reopen;
use pyramid::input::matching::AnswerMatcher;
use pyramid::input::record::Record;
use pyramid::input::sources::{Before, Respondent, Sink};
use pyramid::input::{answer_file, csv_file};
use pyramid::lang::Lang;
use pyramid::model::answers::{Choice, Responses};
use pyramid::model::bank::Bank;
use pyramid::model::scoring::{
    RowScores, assess, footprint, footprint_of, row_scores, row_scores_of,
};
use pyramid::model::team::Footprint;
use std::sync::Arc;
use std::sync::OnceLock;

/// Parsed once for all cases.
fn pyramid_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| bank_file::builtin().expect("built-in bank"))
}

fn three_stage_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        bank_file::load(std::path::Path::new(
            "tests/fixtures/banks/three-stages.yaml",
        ))
        .expect("fixture bank")
    })
}

/// The three-stage bank without its balance rules.
fn unbalanced_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        let text = std::fs::read_to_string("tests/fixtures/banks/three-stages.yaml")
            .expect("fixture bank");
        let text = text
            .replace("  top_stage_needs_every_pillar_at: 2\n", "")
            .replace("  max_stages_above_weakest: 1\n", "");
        let bank = bank_file::parse(&text, "unbalanced.yaml").expect("the bank without rules");
        assert_eq!(bank.rules.top_stage_needs_every_pillar_at, None);
        assert_eq!(bank.rules.max_stages_above_weakest, None);
        bank
    })
}

/// For each question: nothing, "don't know", or an option (by position).
fn any_answers(bank: &Bank) -> impl Strategy<Value = Responses> + use<> {
    let shapes: Vec<(usize, bool)> = bank
        .questions
        .iter()
        .map(|q| (q.options.len(), q.dont_know))
        .collect();
    let empty = Responses::empty(bank);
    shapes
        .into_iter()
        .map(|(options, dont_know)| {
            prop_oneof![
                1 => Just(None),
                1 => Just(if dont_know { Some(Choice::DontKnow) } else { None }),
                6 => (0..options).prop_map(|n| Some(Choice::Option(n))),
            ]
        })
        .collect::<Vec<_>>()
        .prop_map(move |choices| {
            let mut responses = empty.clone();
            for (question, choice) in choices.into_iter().enumerate() {
                responses.set(question, choice);
            }
            responses
        })
}

fn check_ranges(bank: &Bank, responses: &Responses) -> Result<(), TestCaseError> {
    let result = assess(bank, responses);
    let stages = 1..=bank.stage_count();
    for pillar in &result.pillars {
        prop_assert!(pillar.score.is_none_or(|s| s <= 100));
        prop_assert!(pillar.stage.is_none_or(|s| stages.contains(&s)));
        prop_assert_eq!(pillar.score.is_some(), pillar.stage.is_some());
    }
    prop_assert!(result.score.is_none_or(|s| s <= 100));
    prop_assert!(result.stage.is_none_or(|s| stages.contains(&s)));
    prop_assert!(
        result.stage <= result.score_stage,
        "the balance rule only lowers"
    );
    prop_assert_eq!(result.focus.is_some(), result.score.is_some());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scores_and_stages_stay_in_range(responses in any_answers(pyramid_bank())) {
        check_ranges(pyramid_bank(), &responses)?;
    }

    /// The team's footprint of a respondent and the scores of its row,
    /// computed without building the assessment, from the answers or from
    /// each pillar's number, are the assessment's: for three banks, with
    /// and without balance rules, focus and all.
    #[test]
    fn the_footprint_and_row_alone_are_the_assessments(
        responses in any_answers(pyramid_bank()),
        three in any_answers(three_stage_bank()),
    ) {
        let banks = [
            (pyramid_bank(), &responses),
            (three_stage_bank(), &three),
            (unbalanced_bank(), &three),
        ];
        for (bank, responses) in banks {
            let assessment = assess(bank, responses);
            prop_assert_eq!(footprint(bank, responses), Footprint::of(&assessment));
            prop_assert_eq!(row_scores(bank, responses), RowScores::of(&assessment));
            // And from the answers as each pillar's number.
            let table = bank.score_table().expect("the bank scores by look-up");
            let answers = table.combination(responses);
            prop_assert_eq!(footprint_of(bank, table, &answers), Footprint::of(&assessment));
            prop_assert_eq!(row_scores_of(bank, table, &answers), RowScores::of(&assessment));
        }
    }

    #[test]
    fn scores_and_stages_stay_in_range_for_a_three_stage_bank(responses in any_answers(three_stage_bank())) {
        check_ranges(three_stage_bank(), &responses)?;
    }

    #[test]
    fn a_better_answer_never_lowers_its_pillar_or_the_stage(
        responses in any_answers(pyramid_bank()),
        question in 0..15usize,
        from in 0..4usize,
        to in 0..4usize,
    ) {
        let bank = pyramid_bank();
        let options = &bank.questions[question].options;
        prop_assume!(options[to].level > options[from].level);
        let mut lower = responses.clone();
        lower.set(question, Some(Choice::Option(from)));
        let mut higher = responses;
        higher.set(question, Some(Choice::Option(to)));
        let (before, after) = (assess(bank, &lower), assess(bank, &higher));
        let pillar = bank.pillar_of(question);
        prop_assert!(after.pillars[pillar].score >= before.pillars[pillar].score);
        prop_assert!(after.score >= before.score);
        prop_assert!(after.stage >= before.stage);
    }

    #[test]
    fn the_order_of_the_answers_does_not_matter(
        responses in any_answers(pyramid_bank()),
        seed in any::<u64>(),
    ) {
        let bank = pyramid_bank();
        let matcher = AnswerMatcher::new(bank);
        let mut lines: Vec<String> = responses.keys(bank).map(|(id, key)| format!("  {id}: {key}")).collect();
        // A shuffle driven by the seed.
        let mut state = seed | 1;
        for n in (1..lines.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            lines.swap(n, (state % (n as u64 + 1)) as usize);
        }
        let text = format!("respondent: x\nbank: pyramid\nanswers:\n{}\n", lines.join("\n"));
        let record = answer_file::read(&text, Arc::from("x.yaml"), bank, &matcher).expect("reads");
        prop_assert_eq!(&record.responses, &responses);
        prop_assert_eq!(assess(bank, &record.responses), assess(bank, &responses));
    }

    #[test]
    fn yaml_json_and_csv_give_the_same_result(
        responses in any_answers(pyramid_bank()),
        spelling in proptest::collection::vec(0..4u8, 15),
    ) {
        let bank = pyramid_bank();
        let matcher = AnswerMatcher::new(bank);
        // Each answer as a key, a Dutch label, an English label or a number.
        let written: Vec<Option<String>> = (0..15)
            .map(|q| {
                let question = &bank.questions[q];
                responses.get(q).map(|choice| match (choice, spelling[q]) {
                    (Choice::DontKnow, 0) => "dont_know".to_string(),
                    (Choice::DontKnow, 1) => bank.dont_know.own(Lang::NL).to_string(),
                    (Choice::DontKnow, 2) => bank.dont_know.own(Lang::EN).to_string(),
                    (Choice::DontKnow, _) => (question.options.len() + 1).to_string(),
                    (Choice::Option(n), 0) => question.options[n].key.clone(),
                    (Choice::Option(n), 1) => question.options[n].label.own(Lang::NL).to_uppercase(),
                    (Choice::Option(n), 2) => format!("  {}  ", question.options[n].label.own(Lang::EN)),
                    (Choice::Option(n), _) => (n + 1).to_string(),
                })
            })
            .collect();
        let yaml_lines: Vec<String> = written
            .iter()
            .enumerate()
            .filter_map(|(q, v)| Some(format!("  {}: {:?}", bank.questions[q].id, v.as_ref()?)))
            .collect();
        let yaml = format!("respondent: x\nanswers:\n{}\n", yaml_lines.join("\n"));
        let json_fields: Vec<String> = written
            .iter()
            .enumerate()
            .filter_map(|(q, v)| Some(format!("{:?}: {:?}", bank.questions[q].id, v.as_ref()?)))
            .collect();
        let json = format!("{{\"respondent\": \"x\", \"answers\": {{{}}}}}", json_fields.join(", "));
        let header: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        let row: Vec<String> = written
            .iter()
            .map(|v| format!("\"{}\"", v.clone().unwrap_or_default().replace('"', "\"\"")))
            .collect();
        let csv = format!("respondent;{}\r\nx;{}\r\n", header.join(";"), row.join(";"));

        let from_yaml = answer_file::read(&yaml, Arc::from("x.yaml"), bank, &matcher).expect("YAML");
        let from_json = answer_file::read(&json, Arc::from("x.json"), bank, &matcher).expect("JSON");
        let matchers = pyramid::input::matching::Matchers::new(bank, &[]);
        let mut sink = Records::default();
        csv_file::read_csv(csv.as_bytes(), Arc::from("x.csv"), bank, &matchers, &mut sink, None).expect("CSV");
        let rows = sink.read;
        prop_assert_eq!(rows.len(), 1);
        for record in [&from_yaml, &from_json, &rows[0]] {
            prop_assert!(record.bad.is_empty(), "{:?}", record.bad);
            prop_assert_eq!(&record.responses, &responses);
        }
        let expected = assess(bank, &responses);
        prop_assert_eq!(assess(bank, &rows[0].responses), expected);
    }
}

/// Every record read, in order; with `moves_lines`, a part may count its
/// lines from its first.
#[derive(Default)]
struct Records {
    read: Vec<Record>,
    moves_lines: bool,
}

impl Sink for Records {
    fn add(&mut self, respondent: Respondent<'_>) {
        if let Respondent::Answers(record) = respondent {
            self.read.push(record.clone());
        }
    }
    fn part(&self) -> Option<Self> {
        Some(Records {
            read: Vec::new(),
            moves_lines: self.moves_lines,
        })
    }
    fn join(&mut self, part: Self, before: Before) {
        for mut record in part.read {
            record.shift(before);
            self.read.push(record);
        }
    }
    fn moves_lines(&self) -> bool {
        self.moves_lines
    }
}

/// Reads `csv` from a file as `parsing` says into `sink`: the outcome
/// (the columns found, or the error in full).
fn read_with(csv: &[u8], parsing: csv_file::Parsing, sink: &mut impl Sink) -> String {
    let bank = pyramid_bank();
    let matchers = pyramid::input::matching::Matchers::new(bank, &[]);
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::io::Write::write_all(&mut file, csv).expect("written");
    let wrap = |input| input;
    let reopen = Reopen {
        path: file.path(),
        length: csv.len() as u64,
        wrap: &wrap,
    };
    let input = std::fs::File::open(file.path()).expect("opened");
    let outcome = csv_file::read_csv_with(
        input,
        Arc::from("team.csv"),
        bank,
        &matchers,
        sink,
        Some(reopen),
        Some(parsing),
    );
    match outcome {
        Ok(info) => format!("{info:?}"),
        Err(err) => format!("{err:#}"),
    }
}

/// One way of parsing a CSV: every record as read (its `Debug` form) and
/// the outcome; with `moves_lines`, a part may count its lines from its
/// first.
fn parsed_with(csv: &[u8], parsing: csv_file::Parsing, moves_lines: bool) -> (Vec<String>, String) {
    let mut records = Records {
        read: Vec::new(),
        moves_lines,
    };
    let outcome = read_with(csv, parsing, &mut records);
    let records = records
        .read
        .iter()
        .map(|record| format!("{record:?}"))
        .collect();
    (records, outcome)
}

/// A file read in parts where the stretches' places are known at once
/// (no quote near them), but a cell in quotes spans one of them: the part
/// before it reads on to the end, the stretch that starts inside the cell
/// ends with a quote never closed, and this thread reads on itself: the
/// records and their lines are those of one thread.
#[test]
fn a_cell_in_quotes_across_a_stretch_is_read_whole() {
    let bank = pyramid_bank();
    let header: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    let answers = vec!["a"; header.len()].join(",");
    let mut csv = format!("respondent,{}\n", header.join(",")).into_bytes();
    for row in 0..40_000 {
        csv.extend_from_slice(format!("r{row},{answers}\n").as_bytes());
        if row == 19_000 {
            // 300 KB in quotes, over many lines, across the place of the
            // second stretch (the middle of the file's 1.8 MB), its quotes
            // over 100 KB from every place.
            let cell = "x\n".repeat(150_000);
            csv.extend_from_slice(format!("long,\"{cell}\",{answers}\n").as_bytes());
        }
    }
    let one = parsed_with(&csv, csv_file::Parsing::OnThisThread, false);
    assert!(one.1.starts_with("TableInfo"), "{}", one.1);
    assert_eq!(one.0.len(), 40_001);
    for moves_lines in [false, true] {
        assert_eq!(
            parsed_with(&csv, csv_file::Parsing::InParts, moves_lines),
            one
        );
    }
}

/// `score`'s reading, with rows and answers kept, and second submissions
/// as `keep_duplicates` says.
fn options(keep_duplicates: bool) -> Options {
    Options {
        read: pyramid::cli::ReadArgs {
            keep_duplicates,
            ..Default::default()
        },
        keep_rows: true,
        keep_answers: true,
        spool: false,
        second_reading: false,
        db: None,
    }
}

/// Scores a CSV as `parsing` says with `options`: the tally, settled, the
/// outcome and the note on second submissions.
fn settled(
    csv: &[u8],
    parsing: csv_file::Parsing,
    options: Options,
) -> (Tally<'static>, String, Option<Vec<String>>) {
    let mut tally = Tally::new(pyramid_bank(), Lang::EN, &options);
    let outcome = read_with(csv, parsing, &mut tally);
    let notes = tally.settle();
    (tally, outcome, notes)
}

/// One way of scoring a CSV as `score` does, with rows, answers and
/// second submissions: everything it would show.
fn scored_with(csv: &[u8], parsing: csv_file::Parsing, keep_duplicates: bool) -> Vec<String> {
    let (tally, outcome, notes) = settled(csv, parsing, options(keep_duplicates));
    let mut shown = summary_of(&tally, outcome, notes);
    shown.push(format!("{:?}", tally.respondents));
    shown.push(format!("{:?}", tally.answers));
    shown
}

/// What a summary of a CSV shows, scored as `parsing` says with
/// `options`.
fn summary_with(csv: &[u8], parsing: csv_file::Parsing, options: Options) -> Vec<String> {
    let (tally, outcome, notes) = settled(csv, parsing, options);
    summary_of(&tally, outcome, notes)
}

/// What a summary shows: the outcome, the notes, the team, the counts and
/// the problems.
fn summary_of(tally: &Tally, outcome: String, notes: Option<Vec<String>>) -> Vec<String> {
    vec![
        outcome,
        format!("{notes:?}"),
        format!("{:?}", tally.team.finish(pyramid_bank())),
        format!("{} scored, {} problems", tally.scored, tally.problem_count),
        format!("{:?}", tally.problems()),
    ]
}

/// The CSV rows of scoring a CSV with the rows kept, on one thread.
fn rows_kept(csv: &[u8], keep_duplicates: bool) -> (String, Vec<u8>) {
    let parsing = csv_file::Parsing::OnThisThread;
    let (tally, outcome, _) = settled(csv, parsing, options(keep_duplicates));
    let mut rows = CsvRows::new(pyramid_bank(), Lang::EN);
    let mut written = Vec::new();
    for row in tally.respondents.iter().flatten() {
        let scores = RowScores::of(&row.assessment);
        written.extend_from_slice(rows.row(&row.respondent, &row.source, None, &scores));
    }
    (outcome, written)
}

/// The CSV rows of scoring a CSV with the rows written while reading, as
/// `parsing` says, second submissions found by name alone or in full.
fn rows_spooled(
    csv: &[u8],
    parsing: csv_file::Parsing,
    keep_duplicates: bool,
    by_name_alone: bool,
) -> (String, Vec<u8>) {
    let spooling = Options {
        keep_rows: false,
        keep_answers: false,
        spool: true,
        second_reading: by_name_alone,
        ..options(keep_duplicates)
    };
    let (mut tally, outcome, _) = settled(csv, parsing, spooling);
    let spool = tally.spool.take().expect("rows spooled");
    let spooled = spool
        .finish(tally.replaced_submissions())
        .expect("spool finished");
    let mut written = Vec::new();
    spooled.copy_to(&mut written).expect("rows copied");
    (outcome, written)
}

/// A generated export: a header, then rows of a name (or none) and
/// cells; a line that is not UTF-8 before row `broken`, and a stray quote
/// inside a cell in row `stray`.
fn export(
    rows: &[(Option<u8>, Vec<String>)],
    broken: Option<usize>,
    stray: Option<usize>,
    start: Start,
) -> Vec<u8> {
    let bank = pyramid_bank();
    let header: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    let mut csv = Vec::new();
    if start.byte_order_mark {
        csv.extend_from_slice(b"\xEF\xBB\xBF");
    }
    if start.sep_line {
        csv.extend_from_slice(b"sep=,\n");
    }
    csv.extend_from_slice(format!("respondent,{}\n", header.join(",")).as_bytes());
    for (n, (name, cells)) in rows.iter().enumerate() {
        if broken == Some(n) {
            // Not UTF-8: an error at this line, after what came before.
            csv.extend_from_slice(b"caf\xe9,a\n");
        }
        let name = name.map(|name| format!("r{name}")).unwrap_or_default();
        let quote = if stray == Some(n) { "x\"y" } else { "" };
        csv.extend_from_slice(format!("{name}{quote},{}\n", cells.join(",")).as_bytes());
    }
    csv
}

/// An export with each quote made a `z`: a cell in quotes over two lines
/// becomes a bad answer and a short row.
fn unquoted(mut csv: Vec<u8>) -> Vec<u8> {
    for byte in &mut csv {
        if *byte == b'"' {
            *byte = b'z';
        }
    }
    csv
}

/// What a generated export starts with before its header, as Excel writes
/// it: a byte order mark, a `sep=` line.
#[derive(Clone, Copy, Debug)]
struct Start {
    byte_order_mark: bool,
    sep_line: bool,
}

fn any_start() -> impl Strategy<Value = Start> {
    (any::<bool>(), any::<bool>()).prop_map(|(byte_order_mark, sep_line)| Start {
        byte_order_mark,
        sep_line,
    })
}

/// A cell of a generated export: a key, a number, don't know, a label, a
/// bad answer, nothing, or a bad answer over two lines in quotes.
fn any_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["a", "b", "c", "d", "1", "4", "dont_know"]).prop_map(String::from),
        1 => prop::sample::select(vec!["Weet ik niet", "Don't know", " b", "C", "5"]).prop_map(String::from),
        1 => Just("zz".to_string()),
        1 => Just(String::new()),
        1 => Just("\"two\nlines\"".to_string()),
    ]
}

/// A cell that every question takes ("don't know" is not one).
fn good_cell() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "c", "d", "1", "4"]).prop_map(String::from)
}

/// Up to 900 rows of good cells, half of them named (some names twice),
/// and now and then (`odd` of them) one odd cell: the problems come from
/// all over the file.
fn mostly_good_rows(odd: f64) -> impl Strategy<Value = Vec<(Option<u8>, Vec<String>)>> {
    let row = (
        prop::option::weighted(0.5, 0..60u8),
        prop::collection::vec(good_cell(), 15),
        prop::option::weighted(odd, (0..15usize, any_cell())),
    );
    prop::collection::vec(row, 0..900).prop_map(|rows| {
        rows.into_iter()
            .map(|(name, mut cells, odd)| {
                if let Some((column, cell)) = odd {
                    cells[column] = cell;
                }
                (name, cells)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Parsing a batch ahead on a second thread gives what parsing on one
    /// thread gives: the same records in the same order, with the same
    /// lines, bad answers and errors, across batch boundaries (512 records)
    /// and with cells that span lines.
    #[test]
    fn reading_ahead_and_in_parts_read_what_one_thread_reads(
        rows in prop::collection::vec((prop::option::weighted(0.9, 0..40u8), prop::collection::vec(any_cell(), 15)), 0..1400),
        broken in prop::option::weighted(0.3, 0..1400usize),
        stray in prop::option::weighted(0.2, 0..1400usize),
        start in any_start(),
    ) {
        // As generated, and without quotes (where a part may start at
        // once, its lines counted from its first).
        for csv in [export(&rows, broken, stray, start), unquoted(export(&rows, broken, stray, start))] {
            let one = parsed_with(&csv, csv_file::Parsing::OnThisThread, false);
            let ahead = parsed_with(&csv, csv_file::Parsing::ReadAhead, false);
            prop_assert_eq!(&one, &ahead);
            for moves_lines in [false, true] {
                let parts = parsed_with(&csv, csv_file::Parsing::InParts, moves_lines);
                prop_assert_eq!(&one, &parts);
            }
        }
    }

    /// Scoring a file read in two parts at once shows what scoring it on
    /// one thread shows: the team, every row, the problems and their
    /// order, the second submissions and the error, byte for byte.
    #[test]
    fn scoring_in_parts_shows_what_one_thread_shows(
        rows in mostly_good_rows(0.15),
        broken in prop::option::weighted(0.2, 0..900usize),
        stray in prop::option::weighted(0.2, 0..900usize),
        keep_duplicates in any::<bool>(),
        start in any_start(),
    ) {
        let csv = export(&rows, broken, stray, start);
        let one = scored_with(&csv, csv_file::Parsing::OnThisThread, keep_duplicates);
        let parts = scored_with(&csv, csv_file::Parsing::InParts, keep_duplicates);
        prop_assert_eq!(one, parts);
    }

    /// CSV rows written while reading, on one thread or in two parts at
    /// once, and copied out afterwards, are the rows kept: unnamed
    /// respondents named by their row, replaced submissions left out,
    /// rows with problems left out, in order, byte for byte.
    #[test]
    fn rows_written_while_reading_are_the_rows_kept(
        rows in mostly_good_rows(0.1),
        broken in prop::option::weighted(0.1, 0..900usize),
        keep_duplicates in any::<bool>(),
        by_name_alone in any::<bool>(),
        start in any_start(),
    ) {
        let csv = export(&rows, broken, None, start);
        let kept = rows_kept(&csv, keep_duplicates);
        for parsing in [csv_file::Parsing::OnThisThread, csv_file::Parsing::InParts] {
            let spooled = rows_spooled(&csv, parsing, keep_duplicates, by_name_alone);
            prop_assert_eq!(&spooled, &kept);
        }
    }

    /// A summary alone, whose rows are read straight into each pillar's
    /// number where they can be, on one thread, a batch ahead on another
    /// (as from standard input) or in two parts at once,
    /// shows what a summary with every row and answer kept shows: the
    /// team, the counts, the problems and the second submissions.
    #[test]
    fn a_summary_alone_shows_what_one_with_the_rows_kept_shows(
        rows in mostly_good_rows(0.3),
        broken in prop::option::weighted(0.1, 0..900usize),
        keep_duplicates in any::<bool>(),
        start in any_start(),
    ) {
        for csv in [export(&rows, broken, None, start), unquoted(export(&rows, broken, None, start))] {
            let parsing = csv_file::Parsing::OnThisThread;
            let kept = summary_with(&csv, parsing, options(keep_duplicates));
            for parsing in [
                csv_file::Parsing::OnThisThread,
                csv_file::Parsing::ReadAhead,
                csv_file::Parsing::InParts,
            ] {
                let alone = Options {
                    keep_rows: false,
                    keep_answers: false,
                    ..options(keep_duplicates)
                };
                prop_assert_eq!(&summary_with(&csv, parsing, alone), &kept);
            }
        }
    }
}
