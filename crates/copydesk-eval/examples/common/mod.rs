//! What the development examples share: loading a dataset, or exiting with why it could not
//! be loaded.

use std::path::Path;

use copydesk_eval::{Dataset, Filter};

/// The dataset at `dir` with `filter` applied; exits with status 1 and the error otherwise.
pub fn load_or_exit(dir: &Path, filter: &Filter) -> Dataset {
    Dataset::load(dir, filter).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    })
}
