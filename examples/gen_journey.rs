//! Print a generated journey as TOML, for benchmarks and tests.
//!
//! ```sh
//! cargo run --release --example gen_journey -- typical > typical.toml   #     6 phases x  5 rows
//! cargo run --release --example gen_journey -- large   > large.toml     #   200 phases x 20 rows
//! cargo run --release --example gen_journey -- huge    > huge.toml      # 2,000 phases x 20 rows
//! cargo run --release --example gen_journey -- typical --csv > typical.csv
//! ```
//!
//! The output is deterministic: the same size always gives the same bytes.
//! `--csv` writes the grid for spreadsheet-like peers (VisiData) as
//! `jgrid export --to csv` does: a header of `row` and the phase names, then
//! one line per row with the row name first. The generator itself lives in `benches/common/generator.rs`,
//! shared with the benches.

use std::io::{self, Write as _};
use std::process::ExitCode;

#[path = "../benches/common/generator.rs"]
mod generator;

use generator::Size;

const USAGE: &str = "usage: gen_journey typical|large|huge [--csv]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let csv = args.iter().any(|a| a == "--csv");
    let sizes: Vec<Size> = args.iter().filter(|a| *a != "--csv").filter_map(|a| Size::from_name(a)).collect();
    let (&[size], true) = (sizes.as_slice(), args.len() == sizes.len() + usize::from(csv)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let journey = generator::journey(size);
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
