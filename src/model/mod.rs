//! The domain: a maturity model as data (`bank`), a person's answers, the
//! scoring rule, the advice, the explanation, a team's view, targets and
//! comparisons. Nothing here reads files, draws tables or talks to a
//! terminal.

pub mod advice;
pub mod answers;
pub mod bank;
pub mod compare;
pub mod explain;
pub mod score_table;
pub mod scoring;
pub mod target;
pub mod team;
