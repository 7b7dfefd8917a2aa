//! The bank loader: any text must load or give an error, never panic; a
//! loaded bank must score any answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyramid::model::answers::Responses;
use pyramid::input::bank_file;
use pyramid::model::scoring::assess;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match bank_file::parse(text, "fuzz.yaml") {
        Ok(bank) => {
            let _ = assess(&bank, &Responses::empty(&bank));
        }
        Err(err) => {
            let _ = err.to_string();
        }
    }
});
