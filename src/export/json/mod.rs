//! JSON: the documents for scripts, pretty-printed. Their shapes
//! (`schema.rs`) are documented in the README and versioned with
//! `DOCUMENT_VERSION`.

use super::{Writes, questions_document};
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::model::bank::Bank;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

pub struct JsonExporter;

impl super::FromStyle for JsonExporter {
    fn from_style(_style: super::TextStyle) -> JsonExporter {
        JsonExporter
    }
}

/// Writes a document pretty-printed, as it is serialized: through a
/// buffer of its own, as the printer writes a few bytes at a time (a
/// million rows are about 120 million writes).
fn pretty(value: &impl Serialize, out: &mut dyn Write) -> Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, out);
    serde_json::to_writer_pretty(&mut buffered, value)?;
    buffered.write_all(b"\n")?;
    buffered.flush()?;
    Ok(())
}

impl Writes<Bank> for JsonExporter {
    const AS_GIVEN: bool = true;

    fn write(&self, bank: &Bank, _lang: Lang, out: &mut dyn Write) -> Result<()> {
        pretty(&questions_document(bank), out)
    }
}

impl<'a> Writes<ScoresDocument<'a>> for JsonExporter {
    const AS_GIVEN: bool = true;

    fn write(&self, report: &ScoresDocument<'a>, lang: Lang, out: &mut dyn Write) -> Result<()> {
        pretty(&crate::documents::json::scores(report, lang), out)
    }
}

impl<'a> Writes<ComparisonDocument<'a>> for JsonExporter {
    const AS_GIVEN: bool = true;

    fn write(
        &self,
        report: &ComparisonDocument<'a>,
        _lang: Lang,
        out: &mut dyn Write,
    ) -> Result<()> {
        pretty(&crate::documents::json::comparison(report), out)
    }
}
