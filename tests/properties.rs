//! Properties of scoring that hold for any answers: scores and stages stay
//! in range, a better answer never lowers a result, and neither the order
//! of the answers nor the file format changes it.

use proptest::prelude::*;
use pyramid::input::bank_file;
use pyramid::input::matching::AnswerMatcher;
use pyramid::input::{answer_file, csv_file};
use pyramid::lang::Lang;
use pyramid::model::answers::{Choice, Responses};
use pyramid::model::bank::Bank;
use pyramid::model::scoring::assess;
use std::rc::Rc;
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
        let record = answer_file::read(&text, Rc::from("x.yaml"), bank, &matcher).expect("reads");
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

        let from_yaml = answer_file::read(&yaml, Rc::from("x.yaml"), bank, &matcher).expect("YAML");
        let from_json = answer_file::read(&json, Rc::from("x.json"), bank, &matcher).expect("JSON");
        let mut rows = Vec::new();
        let matchers = pyramid::input::matching::Matchers::new(bank, &[]);
        csv_file::read_csv(csv.as_bytes(), Rc::from("x.csv"), bank, &matchers, &mut |record| rows.push(record)).expect("CSV");
        prop_assert_eq!(rows.len(), 1);
        for record in [&from_yaml, &from_json, &rows[0]] {
            prop_assert!(record.bad.is_empty(), "{:?}", record.bad);
            prop_assert_eq!(&record.responses, &responses);
        }
        let expected = assess(bank, &responses);
        prop_assert_eq!(assess(bank, &rows[0].responses), expected);
    }
}

/// One way of parsing a CSV: every record as read (its `Debug` form) and
/// the outcome (the columns found, or the error in full).
fn parsed_with(csv: &[u8], parsing: csv_file::Parsing) -> (Vec<String>, String) {
    let bank = pyramid_bank();
    let matchers = pyramid::input::matching::Matchers::new(bank, &[]);
    let mut records = Vec::new();
    let outcome = csv_file::read_csv_with(
        csv,
        Rc::from("team.csv"),
        bank,
        &matchers,
        &mut |record| records.push(format!("{record:?}")),
        Some(parsing),
    );
    let outcome = match outcome {
        Ok(info) => format!("{info:?}"),
        Err(err) => format!("{err:#}"),
    };
    (records, outcome)
}

/// A cell of a generated export: a key, a number, don't know, a bad
/// answer, nothing, or a bad answer over two lines in quotes.
fn any_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["a", "b", "c", "d", "1", "4", "dont_know"]).prop_map(String::from),
        1 => Just("zz".to_string()),
        1 => Just(String::new()),
        1 => Just("\"two\nlines\"".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Parsing a batch ahead on a second thread gives what parsing on one
    /// thread gives: the same records in the same order, with the same
    /// lines, bad answers and errors, across batch boundaries (512 records)
    /// and with cells that span lines.
    #[test]
    fn reading_ahead_reads_what_one_thread_reads(
        rows in prop::collection::vec((0..40u8, prop::collection::vec(any_cell(), 15)), 0..1400),
        broken in prop::option::of(0..1400usize),
    ) {
        let bank = pyramid_bank();
        let header: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        let mut csv = format!("respondent,{}\n", header.join(",")).into_bytes();
        for (n, (name, cells)) in rows.iter().enumerate() {
            if broken == Some(n) {
                // Not UTF-8: an error at this line, after what came before.
                csv.extend_from_slice(b"caf\xe9,a\n");
            }
            csv.extend_from_slice(format!("r{name},{}\n", cells.join(",")).as_bytes());
        }
        let one = parsed_with(&csv, csv_file::Parsing::OnThisThread);
        let ahead = parsed_with(&csv, csv_file::Parsing::ReadAhead);
        prop_assert_eq!(one, ahead);
    }
}
