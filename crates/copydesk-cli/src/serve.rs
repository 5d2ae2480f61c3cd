//! `copydesk serve`: the HTTP service ([`copydesk_server`]) on an address, until Ctrl-C or
//! SIGTERM.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use copydesk_server::ServerConfig;

use crate::EXIT_FAILED;

#[derive(Debug, Args)]
#[command(
    after_help = "Routes: POST /extract (HTML bytes in the body; query: url, format=json|text|markdown|html, \
favor, comments, metadata), POST /clean (plain text; format=json|text), GET /health. \
Errors are JSON {\"error\", \"kind\"} with a 4xx/5xx status. Example:\n  \
curl --data-binary @page.html 'http://127.0.0.1:8080/extract?url=https://example.org/a'"
)]
pub struct ServeArgs {
    /// The address to listen on (use 0.0.0.0 to accept connections from other machines).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Pages extracted at the same time; more requests wait their turn (0 = one per core).
    #[arg(long, default_value_t = 0)]
    workers: usize,
    /// Refuse request bodies larger than this many bytes.
    #[arg(long, default_value_t = ServerConfig::default().max_body_bytes)]
    max_bytes: usize,
    /// Give up on a page after this many milliseconds (0 = no limit).
    #[arg(long, default_value_t = crate::extract::default_time_limit_ms())]
    time_limit_ms: u64,
}

impl ServeArgs {
    fn config(&self) -> ServerConfig {
        ServerConfig {
            workers: self.workers,
            max_body_bytes: self.max_bytes,
            time_limit: (self.time_limit_ms > 0).then(|| Duration::from_millis(self.time_limit_ms)),
        }
    }
}

pub fn run(args: ServeArgs) -> ExitCode {
    let config = args.config();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("copydesk: cannot start the service's runtime: {error}");
            return ExitCode::from(EXIT_FAILED);
        }
    };
    eprintln!(
        "copydesk: serving on http://{} ({} workers; Ctrl-C stops)",
        args.addr,
        config.resolved_workers()
    );
    match runtime.block_on(copydesk_server::serve(args.addr, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("copydesk: cannot serve on {}: {error}", args.addr);
            ExitCode::from(EXIT_FAILED)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: ServeArgs,
    }

    #[test]
    fn flags_map_onto_the_service_config() {
        let cli = Cli::parse_from([
            "serve",
            "--addr",
            "0.0.0.0:9000",
            "--workers",
            "3",
            "--max-bytes",
            "1000",
            "--time-limit-ms",
            "0",
        ]);
        assert_eq!(cli.args.addr.port(), 9000);
        let config = cli.args.config();
        assert_eq!(config.workers, 3);
        assert_eq!(config.max_body_bytes, 1000);
        assert_eq!(config.time_limit, None);
        let defaults = Cli::parse_from(["serve"]).args.config();
        assert_eq!(defaults.time_limit, ServerConfig::default().time_limit);
        assert_eq!(
            defaults.max_body_bytes,
            ServerConfig::default().max_body_bytes
        );
    }
}
