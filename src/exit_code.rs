//! The exit codes, in one place: every command and the signal handlers end
//! through these.

use std::fmt;

/// How pyramid ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// 0: everything asked was done.
    Success,
    /// 1: done, but some input was skipped on request (`--skip-invalid`).
    Partial,
    /// 2: bad usage or bad input; nothing was written.
    BadInput,
    /// 128 + N: stopped by signal N (130 for Ctrl-C and a confirmed quit,
    /// 143 for SIGTERM, 129 for SIGHUP).
    Signal(i32),
}

impl ExitCode {
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Success => 0,
            ExitCode::Partial => 1,
            ExitCode::BadInput => 2,
            ExitCode::Signal(signal) => 128 + signal,
        }
    }

    /// Ends the process now, from any thread (the signal handlers).
    pub fn exit(self) -> ! {
        std::process::exit(self.code())
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> std::process::ExitCode {
        std::process::ExitCode::from(u8::try_from(code.code()).unwrap_or(u8::MAX))
    }
}

/// An error whose problems were already listed on standard error: `main`
/// exits with code 2 and prints nothing more.
#[derive(Debug)]
pub struct AlreadyReported;

impl fmt::Display for AlreadyReported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the problems above")
    }
}

impl std::error::Error for AlreadyReported {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_conventions() {
        assert_eq!(ExitCode::Success.code(), 0);
        assert_eq!(ExitCode::Partial.code(), 1);
        assert_eq!(ExitCode::BadInput.code(), 2);
        assert_eq!(ExitCode::Signal(2).code(), 130);
        assert_eq!(ExitCode::Signal(15).code(), 143);
    }
}
