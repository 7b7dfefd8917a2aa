//! pyramid: the Digital Growth Pyramid self-assessment.
//!
//! The domain (`bank`, `answers`, `scoring`, `advice`, `explain`) knows
//! nothing of terminals or file formats; `input` reads files, `export`
//! writes formats, `terminal` talks to people, `commands` joins them up.
#![forbid(unsafe_code)]

pub mod advice;
pub mod answers;
pub mod bank;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod exit_code;
pub mod explain;
pub mod export;
pub mod file_id;
pub mod input;
pub mod lang;
pub mod messages;
pub mod output;
pub mod report;
pub mod scoring;
pub mod target;
pub mod team;
pub mod terminal;
pub mod visible;

#[cfg(test)]
mod testing;
