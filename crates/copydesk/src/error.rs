//! The one error type of the library: every failure is a value with a reason, never a panic.

use std::fmt;

/// Why a page could not be extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is empty (or only whitespace).
    Empty,
    /// The input is larger than `Options::max_input_bytes`.
    TooLarge { size: usize, limit: usize },
    /// The input does not look like text (HTML or otherwise): e.g. an image or an archive.
    Binary(String),
    /// The document is too complex for the configured limits (node count).
    TooComplex(String),
    /// The configured time limit ran out in the named stage.
    Timeout(String),
    /// The caller's options are inconsistent.
    InvalidOptions(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "empty input"),
            Error::TooLarge { size, limit } => write!(
                f,
                "input of {size} bytes exceeds the limit of {limit} bytes (see max_input_bytes)"
            ),
            Error::Binary(why) => write!(f, "input is not text: {why}"),
            Error::TooComplex(why) => write!(f, "document too complex: {why}"),
            Error::Timeout(stage) => write!(f, "time limit exceeded while {stage}"),
            Error::InvalidOptions(why) => write!(f, "invalid options: {why}"),
        }
    }
}

impl std::error::Error for Error {}
