//! The JSON documents, in one place: the shapes `pyramid score` and
//! `compare` write (serialized from the results as they are), and the
//! part of the scores document that `compare`, `report` and `score` read
//! back. Documented in the README and versioned with `DOCUMENT_VERSION`.

mod read;
mod write;

pub use read::{PillarIn, Probe, ScoresIn};
pub use write::{comparison, scores};

/// The version of the JSON and YAML documents; raised on any change that
/// could break a script that reads them.
pub const DOCUMENT_VERSION: u32 = 1;
