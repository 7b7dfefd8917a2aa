//! Reading what users give the tool: question banks and answer files.

pub mod answer_file;
pub mod bank_file;
pub mod campaign;
pub mod csv_file;
mod csv_lines;
pub mod csv_parts;
pub mod locate;
pub mod matching;
pub mod progress_store;
pub mod record;
pub mod scores_document;
pub mod sources;
pub mod spreadsheet;
pub mod straight;
pub mod survey;

use crate::messages::{Localized, cannot_read};
use anyhow::Result;
use std::path::Path;

/// The largest bank or answer file read whole (YAML or JSON).
pub const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;
/// The deepest nesting of `[` and `{` accepted; real files use a few.
pub const MAX_NESTING: usize = 64;

/// Refuses a YAML or JSON text nested deeper than `MAX_NESTING` brackets,
/// before a parser spends time on it. Gives the 1-based line where the
/// limit is passed.
pub fn check_nesting(text: &str) -> std::result::Result<(), usize> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    // The last character that was not white space: a quote only starts a
    // string where a value can start (not in `Don't know`).
    let mut previous = '\n';
    for c in text.chars() {
        if c == '\n' {
            (line, quote, escaped, previous) = (line + 1, None, false, '\n');
            continue;
        }
        match quote {
            Some('"') if c == '\\' && !escaped => {
                escaped = true;
                continue;
            }
            Some(open) if c == open && !escaped => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' if matches!(previous, '\n' | ':' | '[' | '{' | ',' | '-' | '?') => {
                    quote = Some(c)
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Err(line);
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        escaped = false;
        if !c.is_whitespace() {
            previous = c;
        }
    }
    Ok(())
}

/// The kinds of file a wrong one may turn out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looks {
    Bank,
    Answers,
}

/// What a YAML or JSON text looks like from its top-level keys, to tell a
/// user who gave one kind of file where the other was expected.
pub fn looks_like(text: &str) -> Option<Looks> {
    let top: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with([' ', '\t', '#', '-']))
        .filter_map(|line| line.split(':').next())
        .map(|key| key.trim().trim_matches('"'))
        .collect();
    let has = |key: &str| top.contains(&key) || text.contains(&format!("\"{key}\":"));
    if has("questions") && (has("stages") || has("pillars")) {
        Some(Looks::Bank)
    } else if has("answers") && !has("questions") {
        Some(Looks::Answers)
    } else {
        None
    }
}

/// serde_yaml's words for hostile files, said plainly.
pub fn plain_yaml_error(message: &str) -> String {
    if message.contains("repetition limit exceeded") {
        "its aliases (*name) expand to far too much data; write the values out instead".to_string()
    } else if message.contains("recursion limit exceeded") {
        format!("it is nested too deeply; real files nest a few levels, at most {MAX_NESTING}")
    } else {
        crate::visible::shorten_quotes(message)
    }
}

/// Reads a whole text file, refusing directories, oversized and non-UTF-8
/// files with a message that names the file. The size is counted while
/// reading, so a device or FIFO that never ends (`/dev/zero`) is refused
/// at the limit too.
pub fn read_text(path: &Path) -> Result<String> {
    let shown = crate::visible::visible(&path.display().to_string()).into_owned();
    let metadata = std::fs::metadata(path).map_err(|err| cannot_read(&shown, &err))?;
    if metadata.is_dir() {
        return Err(Localized::new("is-a-directory", &[("file", &shown)]).into());
    }
    let limit = (MAX_DOCUMENT_BYTES >> 20).to_string();
    if metadata.len() > MAX_DOCUMENT_BYTES {
        let size = (metadata.len() >> 20).to_string();
        let args = [("file", &*shown), ("size", &size), ("limit", &limit)];
        return Err(Localized::new("document-over-limit", &args).into());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| {
            std::io::Read::read_to_end(
                &mut std::io::Read::take(file, MAX_DOCUMENT_BYTES + 1),
                &mut bytes,
            )
        })
        .map_err(|err| cannot_read(&shown, &err))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        let args = [("file", &*shown), ("limit", &limit)];
        return Err(Localized::new("document-grew-over-limit", &args).into());
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&err.as_bytes()[..offset]);
        let line = text.lines().count().max(1);
        let (line, offset) = (line.to_string(), offset.to_string());
        let args = [("file", &*shown), ("line", &line), ("offset", &offset)];
        Localized::new("document-not-utf8", &args).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        assert_eq!(check_nesting("a: [[1], {b: [2]}]\n"), Ok(()));
        let deep = format!("a:\n  b: {}{}\n", "[".repeat(65), "]".repeat(65));
        assert_eq!(check_nesting(&deep), Err(2));
        assert_eq!(
            check_nesting(&format!("{}{}", "[".repeat(64), "]".repeat(64))),
            Ok(())
        );
        // Brackets in strings, apostrophes in plain text, escaped quotes.
        let many = "x: {nl: Weet ik niet, en: Don't know}\n".repeat(200);
        assert_eq!(check_nesting(&many), Ok(()));
        let quoted = format!("a: '{}'\nb: \"\\\"{}\"\n", "[".repeat(100), "{".repeat(100));
        assert_eq!(check_nesting(&quoted), Ok(()));
    }

    #[test]
    fn a_file_is_told_by_its_top_level_keys() {
        assert_eq!(
            looks_like("id: x\nstages: []\nquestions: []\n"),
            Some(Looks::Bank)
        );
        assert_eq!(
            looks_like("respondent: An\nanswers:\n  a: b\n"),
            Some(Looks::Answers)
        );
        assert_eq!(
            looks_like("{\"respondent\": \"An\", \"answers\": {}}"),
            Some(Looks::Answers)
        );
        assert_eq!(looks_like("name: x\n"), None);
    }
}
