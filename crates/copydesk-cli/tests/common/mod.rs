//! What the integration tests of the binary share: running `copydesk` with arguments, and
//! with bytes on its stdin.

#![allow(dead_code)] // Each test binary uses a different subset.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `copydesk` binary with `args` (stdin empty) and waits for it.
pub fn copydesk(args: &[&str]) -> Output {
    copydesk_with_stdin(args, b"")
}

/// Runs the `copydesk` binary with `args` and `stdin` piped in, and waits for it.
pub fn copydesk_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary runs");
    if let Some(mut input) = child.stdin.take() {
        // A child that exits before reading all of stdin closes it; the test judges its output.
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().expect("copydesk finishes")
}
