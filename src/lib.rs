//! pyramid: the Digital Growth Pyramid self-assessment.
//!
//! The layers: `model` is the domain (the bank, answers, scoring, advice,
//! team, targets, comparisons) and knows nothing of files, formats or
//! terminals; `input` turns files into respondents and banks; `documents`
//! holds what a command produced (and the JSON schema, written and read
//! back), `export` writes it in each format and `output` puts it in a
//! file or on standard output; `terminal` talks to
//! the person taking the self-test; `store` keeps campaigns in an SQLite
//! file and `serve` puts them on the web; `commands` joins them up, one module
//! per subcommand; `main.rs` only parses and maps errors to exit codes.
#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod documents;
pub mod exit_code;
pub mod export;
pub mod file_id;
pub mod input;
pub mod lang;
pub mod messages;
pub mod model;
pub mod output;
pub mod serve;
pub mod store;
pub mod terminal;
pub mod visible;

#[cfg(test)]
mod testing;
