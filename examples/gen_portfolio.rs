//! Write a generated portfolio (a folder of journeys with a jgrid.toml), for
//! benchmarks and trials.
//!
//! ```sh
//! cargo run --release --example gen_portfolio -- /tmp/p1000          # 1,000 journeys
//! cargo run --release --example gen_portfolio -- /tmp/p10000 10000   # 10,000
//! ```
//!
//! Journeys go into ten team folders (`team-00/journey-0000.toml`, …); the
//! folder's `jgrid.toml` has the aliases the journeys need. The output is
//! deterministic. The generator lives in `benches/common/portfolio.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/common/portfolio.rs"]
mod portfolio;

const USAGE: &str = "usage: gen_portfolio DIR [N]   (N journeys, 1000 when left out; DIR must not exist or be empty)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, n) = match args.as_slice() {
        [dir] => (PathBuf::from(dir), 1000),
        [dir, n] => match n.parse::<usize>() {
            Ok(n) => (PathBuf::from(dir), n),
            Err(_) => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!("gen_portfolio: {} is not empty\n{USAGE}", dir.display());
        return ExitCode::from(2);
    }
    match portfolio::write(&dir, n) {
        Ok(()) => {
            eprintln!("gen_portfolio: wrote {n} journeys and jgrid.toml into {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_portfolio: {e}");
            ExitCode::FAILURE
        }
    }
}
