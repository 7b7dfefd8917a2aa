//! The survey-export importer: any bytes (any encoding, delimiter, header
//! rows) give records or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyramid::input::bank_file;
use pyramid::input::csv_file;
use pyramid::lang::Lang;
use pyramid::model::scoring::assess;
use std::rc::Rc;
use std::sync::OnceLock;

/// Parsed once: the target is the answers, not the bank.
static BANK: OnceLock<Option<pyramid::model::bank::Bank>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(bank) = BANK.get_or_init(|| bank_file::builtin().ok()) else {
        return;
    };
    let mut on_record = |record: pyramid::input::record::Record| {
        let _ = assess(bank, &record.responses);
        let _ = record.bad_answer_messages(bank, Lang::En);
        let _ = record.missing_message(bank);
    };
    if let Err(err) = csv_file::read_csv(data, Rc::from("fuzz.csv"), bank, &mut on_record) {
        let _ = format!("{err:#}");
    }
});
