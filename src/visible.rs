//! Text from outside made safe to show a person: every control character
//! and bidirectional override written out visibly (`\x1b`, `\u{202e}`), so
//! that a name or an answer cannot move the cursor, clear the screen, set
//! the window title, plant a link or reverse the text around it; and long
//! values cut short.

use std::borrow::Cow;
use std::fmt::Write;
use std::io;

/// The most characters of a value quoted in a message.
pub const QUOTED_CHARS: usize = 80;

/// Whether `c` can change how the text around it is shown: C0 and C1
/// controls, DEL, and the bidirectional marks, embeddings, overrides and
/// isolates.
pub fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

fn escape_into(out: &mut String, c: char) {
    let _ = match c {
        '\n' => write!(out, "\\n"),
        '\r' => write!(out, "\\r"),
        '\t' => write!(out, "\\t"),
        c if (c as u32) < 0x80 => write!(out, "\\x{:02x}", c as u32),
        c => write!(out, "\\u{{{:x}}}", c as u32),
    };
}

fn escaped(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hazard(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hazard(c) && !keep(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text with every hazard written out, line breaks too.
pub fn visible(text: &str) -> Cow<'_, str> {
    escaped(text, |_| false)
}

/// Text of several lines (a message, a paragraph) with every hazard but
/// the line break written out.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escaped(text, |c| c == '\n')
}

/// Values written as given (CSV, JSON, YAML) on their way to a terminal:
/// every hazard but the line break written out, as the tables write them,
/// so that a name in a CSV row cannot clear the screen either. A character
/// cut between two writes waits for the rest of it.
pub struct Visibly<'w> {
    out: &'w mut dyn io::Write,
    /// The start of a character whose other bytes are still to come.
    tail: Vec<u8>,
}

impl<'w> Visibly<'w> {
    /// Writes what `write` makes to `out` visibly.
    pub fn write_with(
        out: &'w mut dyn io::Write,
        write: impl FnOnce(&mut dyn io::Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut visibly = Visibly {
            out,
            tail: Vec::new(),
        };
        write(&mut visibly)?;
        // Bytes that never became a character are shown as U+FFFD.
        let rest = String::from_utf8_lossy(&visibly.tail).into_owned();
        visibly.out.write_all(visible_lines(&rest).as_bytes())?;
        Ok(())
    }
}

impl io::Write for Visibly<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.tail.extend_from_slice(bytes);
        let whole = match std::str::from_utf8(&self.tail) {
            // A character not yet whole at the end waits.
            Err(err) if err.error_len().is_none() => err.valid_up_to(),
            _ => self.tail.len(),
        };
        let text = String::from_utf8_lossy(&self.tail[..whole]);
        self.out.write_all(visible_lines(&text).as_bytes())?;
        self.tail.drain(..whole);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// At most `max` characters of `text`, with `…` where it was cut.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let end = text
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(text.len(), |(at, _)| at);
            Cow::Owned(format!("{}…", &text[..end]))
        }
    }
}

/// A parser's message with every quoted value (in `"…"` or `` `…` ``) cut
/// to [`QUOTED_CHARS`]: a 12 MB string given where a mapping belongs is
/// not repeated whole.
pub fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = &rest[open..=open];
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        match after.find(quote) {
            Some(close) => {
                out.push_str(&shorten(&after[..close], QUOTED_CHARS));
                out.push_str(quote);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&shorten(after, QUOTED_CHARS));
                return out;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A value from the input as a message quotes it: cut to
/// [`QUOTED_CHARS`], every hazard written out.
pub fn quoted(value: &str) -> String {
    visible(&shorten(value, QUOTED_CHARS)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_on_their_way_to_a_terminal_show_their_hazards_whole_characters_at_a_time() {
        let text = "Mal\x1b[2J\u{202e}\u{85}lory,é\n€,\t\n";
        let bytes = text.as_bytes();
        // Every cut, also inside `é`, `€`, U+202E and U+0085.
        for cut in 0..=bytes.len() {
            let mut out = Vec::new();
            Visibly::write_with(&mut out, |visibly| {
                visibly.write_all(&bytes[..cut])?;
                visibly.write_all(&bytes[cut..])?;
                Ok(())
            })
            .expect("written");
            let shown = String::from_utf8(out).expect("UTF-8");
            assert_eq!(
                shown, "Mal\\x1b[2J\\u{202e}\\u{85}lory,é\n€,\\t\n",
                "cut at {cut}"
            );
        }
        // A byte that never becomes a character, at the end too.
        let mut out = Vec::new();
        Visibly::write_with(&mut out, |visibly| Ok(visibly.write_all(b"a\xffb\xc3")?))
            .expect("written");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), "a\u{fffd}b\u{fffd}");
    }

    #[test]
    fn escapes_and_overrides_are_written_out() {
        assert_eq!(
            visible("An\x1b[2J\x1b]0;pwned\x07"),
            "An\\x1b[2J\\x1b]0;pwned\\x07"
        );
        assert_eq!(visible("a\u{202e}b\u{9b}c\x7f"), "a\\u{202e}b\\u{9b}c\\x7f");
        assert_eq!(visible("two\nlines\r"), "two\\nlines\\r");
        assert_eq!(visible_lines("two\nlines\x1b"), "two\nlines\\x1b");
        assert!(matches!(visible("An Peeters · é ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_values_in_parser_messages_are_cut() {
        let long = "a".repeat(10_000);
        let message = format!("invalid type: string \"{long}\", expected `{long}` here");
        let short = shorten_quotes(&message);
        assert!(short.len() < 300, "{short}");
        assert!(short.starts_with("invalid type: string \"aaa"));
        assert!(short.ends_with("…` here"));
        assert_eq!(shorten_quotes("no quotes"), "no quotes");
        assert_eq!(shorten_quotes("open \"abc"), "open \"abc");
    }

    #[test]
    fn long_values_are_cut_on_a_character_boundary() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abcd", 4), "abcd");
        assert_eq!(shorten("ééééé", 3), "éé…");
        let long = quoted(&format!("\x1b{}", "x".repeat(1000)));
        assert!(long.starts_with("\\x1b") && long.ends_with('…'));
        assert!(long.chars().count() < QUOTED_CHARS + 4);
    }
}
