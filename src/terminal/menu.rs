//! A menu on the terminal: ↑/↓ (or Tab, j/k, Home/End) move, Enter or
//! Space chooses, a number key chooses that item at once, Esc or q gives
//! up. dialoguer's `Select` has no number keys; this draws the items with
//! the same dialoguer theme, numbered, so the screens look as before.

use dialoguer::console::{Key, Term, measure_text_width};
use dialoguer::theme::Theme;
use std::io;

/// Only the first nine items get a number key.
const NUMBERED: usize = 9;

/// Shows `items` with `default` highlighted until one is chosen: its
/// index, or `None` for Esc or q. The menu is cleared again either way.
pub fn pick(
    term: &Term,
    theme: &dyn Theme,
    items: &[&str],
    default: usize,
) -> io::Result<Option<usize>> {
    let count = items.len();
    if count == 0 {
        return Ok(None);
    }
    let labels: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(n, item)| label(n, item))
        .collect();
    let mut at = default.min(count - 1);
    term.hide_cursor()?;
    let chosen = loop {
        let rows = draw(term, theme, &labels, at)?;
        let key = term.read_key();
        term.clear_last_lines(rows)?;
        match key? {
            Key::ArrowDown | Key::Tab | Key::Char('j') => at = (at + 1) % count,
            Key::ArrowUp | Key::BackTab | Key::Char('k') => at = (at + count - 1) % count,
            Key::Home => at = 0,
            Key::End => at = count - 1,
            Key::Enter | Key::Char(' ') => break Some(at),
            Key::Escape | Key::Char('q') => break None,
            Key::Char(digit) => {
                if let Some(n) = number_key(digit).filter(|&n| n < count) {
                    break Some(n);
                }
            }
            _ => {}
        }
    };
    term.show_cursor()?;
    term.flush()?;
    Ok(chosen)
}

/// `1. Label` for the first nine items, the others indented alike.
fn label(n: usize, item: &str) -> String {
    if n < NUMBERED {
        format!("{}. {item}", n + 1)
    } else {
        format!("   {item}")
    }
}

/// The item a number key stands for: `1` is the first.
fn number_key(key: char) -> Option<usize> {
    let digit = key.to_digit(10)? as usize;
    (1..=NUMBERED).contains(&digit).then(|| digit - 1)
}

/// Writes the menu; returns the rows it took, long items wrapping.
fn draw(term: &Term, theme: &dyn Theme, labels: &[String], at: usize) -> io::Result<usize> {
    let columns = usize::from(term.size().1).max(1);
    let mut rows = 0;
    for (n, label) in labels.iter().enumerate() {
        let mut line = String::new();
        theme
            .format_select_prompt_item(&mut line, label, n == at)
            .map_err(io::Error::other)?;
        rows += line
            .split('\n')
            .map(|part| measure_text_width(part).div_ceil(columns).max(1))
            .sum::<usize>();
        term.write_line(&line)?;
    }
    term.flush()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_keys_stand_for_the_first_nine_items() {
        assert_eq!(number_key('1'), Some(0));
        assert_eq!(number_key('9'), Some(8));
        assert_eq!(number_key('0'), None);
        assert_eq!(number_key('x'), None);
        assert_eq!(label(0, "Yes"), "1. Yes");
        assert_eq!(label(9, "Tenth"), "   Tenth");
    }
}
