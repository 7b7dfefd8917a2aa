//! Everything that talks to a terminal: the interactive self-test and the
//! result screen.

pub mod interrupt;
pub mod menu;
pub mod pager;
pub mod plain_prompt;
pub mod progress_bar;
pub mod prompt;
pub mod result_view;
pub mod session;
pub mod style;
