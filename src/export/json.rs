//! JSON: the documents for scripts, pretty-printed.

use super::{Exporter, questions_document};
use crate::bank::Bank;
use crate::lang::Lang;
use anyhow::Result;

pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn questions(&self, bank: &Bank, _lang: Lang) -> Result<String> {
        let mut text = serde_json::to_string_pretty(&questions_document(bank))?;
        text.push('\n');
        Ok(text)
    }
}
