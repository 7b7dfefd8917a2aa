//! YAML: the same documents as JSON, for people who read them.

use super::{Writes, questions_document};
use crate::lang::Lang;
use crate::model::bank::Bank;
use anyhow::Result;
use std::io::Write;

pub struct YamlExporter;

impl super::FromStyle for YamlExporter {
    fn from_style(_style: super::TextStyle) -> YamlExporter {
        YamlExporter
    }
}

impl Writes<Bank> for YamlExporter {
    const AS_GIVEN: bool = true;

    fn write(&self, bank: &Bank, _lang: Lang, out: &mut dyn Write) -> Result<()> {
        out.write_all(serde_yaml::to_string(&questions_document(bank))?.as_bytes())?;
        Ok(())
    }
}
