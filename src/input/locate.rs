//! Finds the line and column of a value in a YAML text from its path, so
//! that problems found after parsing can still point into the file.

use crate::model::bank::{FieldPath, Seg};
use marked_yaml::Node;

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// A YAML text, parsed for locations on first use (only problems need
/// them) and then kept: a file with many problems is parsed once, not once
/// per problem.
pub struct Locator<'a> {
    text: &'a str,
    tree: std::cell::OnceCell<Option<Node>>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            tree: std::cell::OnceCell::new(),
        }
    }

    fn tree(&self) -> Option<&Node> {
        self.tree
            .get_or_init(|| marked_yaml::parse_yaml(0, self.text).ok())
            .as_ref()
    }

    /// The location of the value at `path`, or of the deepest part of the
    /// path that exists (a missing key points at the mapping that lacks it).
    pub fn locate(&self, path: &FieldPath) -> Option<Location> {
        let mut node = self.tree()?;
        let mut found = start_of(node);
        for seg in &path.0 {
            let next = match seg {
                Seg::Key(key) => node.as_mapping().and_then(|map| map.get_node(key)),
                Seg::Lang(lang) => node.as_mapping().and_then(|map| map.get_node(lang.code())),
                Seg::Index(index) => node.as_sequence().and_then(|seq| seq.get_node(*index)),
            };
            let Some(next) = next else { break };
            node = next;
            found = start_of(node).or(found);
        }
        found
    }

    /// The location of an answer file's answer to question `id`.
    pub fn answer(&self, id: &str) -> Option<Location> {
        let answers = self.tree()?.as_mapping()?.get_mapping("answers")?;
        start_of(answers.get_node(id)?)
    }
}

fn start_of(node: &Node) -> Option<Location> {
    node.span().start().map(|marker| Location {
        line: marker.line(),
        column: marker.column(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bank::Seg::{Index, Key};

    #[test]
    fn finds_an_answer_and_parses_once() {
        let locator = Locator::new("bank: x\nanswers:\n  a: b\n  c: d\n");
        assert_eq!(locator.answer("c"), Some(Location { line: 4, column: 6 }));
        assert!(locator.tree.get().is_some(), "kept");
        assert_eq!(locator.answer("a"), Some(Location { line: 3, column: 6 }));
        assert_eq!(locator.answer("z"), None);
    }

    const YAML: &str = "id: x\nquestions:\n  - id: a\n    text: {nl: hoi}\n  - id: b\n";

    #[test]
    fn finds_a_nested_value() {
        let path = FieldPath(vec![Key("questions"), Index(1), Key("id")]);
        assert_eq!(
            Locator::new(YAML).locate(&path),
            Some(Location { line: 5, column: 9 })
        );
    }

    #[test]
    fn missing_key_points_at_its_mapping() {
        let path = FieldPath(vec![Key("questions"), Index(0), Key("text"), Key("en")]);
        assert_eq!(
            Locator::new(YAML).locate(&path),
            Some(Location {
                line: 4,
                column: 11
            })
        );
    }
}
