//! JSON: the documents for scripts, pretty-printed. Their shapes
//! (`schema.rs`) are documented in the README and versioned with
//! `DOCUMENT_VERSION`.

mod schema;

use super::{Exporter, questions_document};
use crate::documents::{ComparisonDocument, ScoresDocument};
use crate::lang::Lang;
use crate::model::bank::Bank;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

pub struct JsonExporter;

/// Writes a document pretty-printed, as it is serialized.
fn pretty(value: &impl Serialize, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

impl Exporter for JsonExporter {
    fn questions(&self, bank: &Bank, _lang: Lang, out: &mut dyn Write) -> Result<()> {
        pretty(&questions_document(bank), out)
    }

    fn scores(&self, report: &ScoresDocument, lang: Lang, out: &mut dyn Write) -> Result<()> {
        pretty(&schema::scores(report, lang), out)
    }

    fn comparison(
        &self,
        report: &ComparisonDocument,
        _lang: Lang,
        out: &mut dyn Write,
    ) -> Result<()> {
        pretty(&schema::comparison(report), out)
    }
}
