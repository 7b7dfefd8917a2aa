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

/// The location of the value at `path`, or of the deepest part of the path
/// that exists (a missing key points at the mapping that lacks it).
pub fn locate(yaml: &str, path: &FieldPath) -> Option<Location> {
    let root = marked_yaml::parse_yaml(0, yaml).ok()?;
    let mut node = &root;
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

    const YAML: &str = "id: x\nquestions:\n  - id: a\n    text: {nl: hoi}\n  - id: b\n";

    #[test]
    fn finds_a_nested_value() {
        let path = FieldPath(vec![Key("questions"), Index(1), Key("id")]);
        assert_eq!(locate(YAML, &path), Some(Location { line: 5, column: 9 }));
    }

    #[test]
    fn missing_key_points_at_its_mapping() {
        let path = FieldPath(vec![Key("questions"), Index(0), Key("text"), Key("en")]);
        assert_eq!(
            locate(YAML, &path),
            Some(Location {
                line: 4,
                column: 11
            })
        );
    }
}
