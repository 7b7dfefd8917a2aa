//! A progress bar on standard error for long scoring runs; never when
//! standard error is not a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Read};

/// Inputs smaller than this finish too fast for a bar to help.
const LONG_WORK_BYTES: u64 = 16 * 1024 * 1024;
const LONG_WORK_FILES: usize = 500;

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total_bytes` of input in `files` files, shown only on a
    /// terminal and only when the work is long.
    pub fn new(total_bytes: u64, files: usize) -> Progress {
        let long = total_bytes >= LONG_WORK_BYTES || files >= LONG_WORK_FILES;
        if !long || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
        let style =
            ProgressStyle::with_template("{spinner} {bar:40} {bytes}/{total_bytes} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Progress { bar: Some(bar) }
    }

    /// Counts what is read through `input`.
    pub fn wrap(&self, input: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
        match &self.bar {
            Some(bar) => Box::new(bar.wrap_read(input)),
            None => input,
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
