//! Print a generated journey as TOML, for benchmarks and tests.
//!
//! ```sh
//! cargo run --release --example gen_journey -- typical > typical.toml   #     6 phases x  5 rows
//! cargo run --release --example gen_journey -- large   > large.toml     #   200 phases x 20 rows
//! cargo run --release --example gen_journey -- huge    > huge.toml      # 2,000 phases x 20 rows
//! cargo run --release --example gen_journey -- typical --csv > typical.csv
//! cargo run --release --example gen_journey -- conflicts > conflicts.toml       # 300 phases x 30 conflicting topics
//! cargo run --release --example gen_journey -- one-line-cell > cell.toml        # a 20 MB one-line cell
//! ```
//!
//! The output is deterministic: the same size always gives the same bytes.
//! `--csv` writes the grid for spreadsheet-like peers (VisiData) as
//! `jgrid export --to csv` does: a header of `row` and the phase names, then
//! one line per row with the row name first. The generator itself lives in `benches/common/generator.rs`,
//! shared with the benches.

// A developer's tool with its own handling of a closed pipe (below).
#![allow(clippy::disallowed_methods)]

use std::io::{self, Write as _};
use std::process::ExitCode;

#[path = "../benches/common/generator.rs"]
mod generator;

use generator::Size;

const USAGE: &str = "usage: gen_journey typical|large|huge|conflicts|one-line-cell [--csv]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let csv = args.iter().any(|a| a == "--csv");
    let names: Vec<&String> = args.iter().filter(|a| *a != "--csv").collect();
    let journey = match names.as_slice().first().map(|n| n.as_str()) {
        Some("conflicts") if names.len() == 1 => generator::conflicts(),
        Some("one-line-cell") if names.len() == 1 => generator::one_line_cell(20_000_000),
        Some(name) if names.len() == 1 && Size::from_name(name).is_some() => {
            generator::journey(Size::from_name(name).unwrap_or(Size::Typical))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = if csv { jgrid::export::to_csv(&journey) } else { jgrid::format::to_toml(&journey) };
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `gen_journey huge | head` is fine.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_journey: {e}");
            ExitCode::FAILURE
        }
    }
}
