//! The `copydesk` binary: a thin front end over the library (`extract`, and `clean` for text
//! mode), the WARC batch crate (`warc`), the HTTP service (`serve`) and the evaluation crate
//! (`eval`). Exit status: 0 when everything succeeded, 1 when an input, a dataset or an
//! accuracy floor failed, 2 for usage errors.

mod clean;
mod eval;
mod extract;
mod input;
mod progress;
mod serve;
mod warc;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

// Parsing allocates a string for every text node and attribute value and frees them all
// with the page; mimalloc does that markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// With transparent huge pages, every fresh 2 MiB of the allocator's arenas costs the
/// kernel a page clear, paid again each time a batch frees and re-takes memory page after
/// page. Without them `copydesk warc` peaks ~55 MB lower (bench/warc/README.md) at no CPU
/// cost.
#[cfg(target_os = "linux")]
fn disable_transparent_huge_pages() {
    // SAFETY: prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) takes no pointers and only sets a flag
    // on this process's memory descriptor, so it cannot break memory safety. On a kernel
    // without it the call fails with EINVAL and the default stays: nothing to handle.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// News-article extraction: HTML in, the article out.
#[derive(Parser)]
#[command(name = "copydesk", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the article from HTML files (or stdin).
    Extract(extract::ExtractArgs),
    /// Score extraction against gold datasets (or score another tool's predictions).
    Eval(eval::EvalArgs),
    /// Clean text a scraper already extracted: the story and its metadata, from plain text.
    Clean(clean::CleanArgs),
    /// Extract every HTML response in WARC files to JSONL or Parquet, on all cores.
    Warc(warc::WarcArgs),
    /// Serve extraction over HTTP: POST a page to /extract (or text to /clean).
    Serve(serve::ServeArgs),
}

/// `--favor`: the library's precision/recall bias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FavorArg {
    Precision,
    Balanced,
    Recall,
}

impl From<FavorArg> for copydesk::Favor {
    fn from(favor: FavorArg) -> Self {
        match favor {
            FavorArg::Precision => copydesk::Favor::Precision,
            FavorArg::Balanced => copydesk::Favor::Balanced,
            FavorArg::Recall => copydesk::Favor::Recall,
        }
    }
}

/// `--parser`: which HTML parser fills the DOM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParserArg {
    /// copydesk's own tokenizer and tree builder (the default: several times faster).
    Fast,
    /// html5ever's tree builder (the reference implementation of the HTML standard).
    Html5ever,
}

impl From<ParserArg> for copydesk::Parser {
    fn from(parser: ParserArg) -> Self {
        match parser {
            ParserArg::Fast => copydesk::Parser::Fast,
            ParserArg::Html5ever => copydesk::Parser::Html5ever,
        }
    }
}

/// Exit status of a run that did not hit a usage error.
pub const EXIT_FAILED: u8 = 1;
/// Exit status of a usage error (clap uses the same).
pub const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    #[cfg(target_os = "linux")]
    disable_transparent_huge_pages();
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Clean(args) => clean::run(args),
        Command::Warc(args) => warc::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
