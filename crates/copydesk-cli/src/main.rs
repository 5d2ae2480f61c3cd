//! The `copydesk` binary: a thin front end over the library.

use std::io::Read;

fn main() {
    let mut bytes = Vec::new();
    let path = std::env::args().nth(2);
    match path.as_deref() {
        None | Some("-") => {
            std::io::stdin().read_to_end(&mut bytes).expect("stdin");
        }
        Some(p) => bytes = std::fs::read(p).expect("read"),
    }
    match copydesk::extract(&bytes, &copydesk::Options::default()) {
        Ok(a) => println!("{}", a.text),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
