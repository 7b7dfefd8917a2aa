//! The answer-file reader (YAML and JSON): any text gives a record or an
//! error, never a panic; a record can be scored and its problems told.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyramid::input::answer_file;
use pyramid::input::bank_file;
use pyramid::input::matching::AnswerMatcher;
use pyramid::lang::Lang;
use pyramid::model::scoring::assess;
use std::rc::Rc;
use std::sync::OnceLock;

/// Parsed once: the target is the answers, not the bank.
static MATCHER: OnceLock<AnswerMatcher> = OnceLock::new();
static BANK: OnceLock<Option<pyramid::model::bank::Bank>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(bank) = BANK.get_or_init(|| bank_file::builtin().ok()) else {
        return;
    };
    let matcher = MATCHER.get_or_init(|| AnswerMatcher::new(bank));
    match answer_file::read(text, Rc::from("fuzz.yaml"), bank, matcher) {
        Ok(record) => {
            let _ = assess(bank, &record.responses);
            let _ = record.bad_answer_messages(bank, Lang::Nl);
            let _ = record.missing_message(bank);
        }
        Err(err) => {
            let _ = format!("{err:#}");
        }
    }
});
