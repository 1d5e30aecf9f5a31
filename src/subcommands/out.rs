//! Printing lines for the subcommands of journeys in git: a closed pipe
//! (`jgrid check --conflicts … | head -1`) or a closed stderr is no error and
//! no panic; what is left to print is dropped quietly, as grep does.

use std::io::Write as _;

/// A line on stdout.
pub fn line(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// A line on stderr.
pub fn err(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}
