//! Standard output for everything jgrid prints outside the editor (the
//! subcommands, `--recover-list`, `--print-config-path`): one writer, so
//!
//! - a closed pipe (`jgrid check … | head -1`) stops the command quietly,
//!   as grep and ripgrep do, never with a panic;
//! - a write that fails for any other reason (`> /dev/full`, a full disk)
//!   is an error with its reason and exit status 2, never a silent success.
//!
//! `print!`, `println!` and `std::io::stdout` are disallowed elsewhere
//! (`clippy.toml`), so no command can print around it.

use std::fmt;
use std::io::{self, BufWriter, StdoutLock, Write as _};

/// Why standard output took no more text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StdoutError {
    /// The reader went away (`| head -1`): stop quietly.
    #[error("standard output was closed")]
    Closed,
    /// Anything else, said in words (`No space left on device`).
    #[error("cannot write to standard output: {0}")]
    Failed(String),
}

impl From<io::Error> for StdoutError {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::BrokenPipe => StdoutError::Closed,
            _ => StdoutError::Failed(e.to_string()),
        }
    }
}

/// Standard output, buffered and locked for one command. Finish with
/// [`Stdout::finish`]: a failure of the last write shows only there.
pub struct Stdout {
    out: BufWriter<StdoutLock<'static>>,
}

impl Stdout {
    #[allow(clippy::disallowed_methods)] // The one place that opens standard output.
    pub fn lock() -> Self {
        Self { out: BufWriter::with_capacity(64 * 1024, io::stdout().lock()) }
    }

    /// Write text as it is.
    pub fn write(&mut self, text: &str) -> Result<(), StdoutError> {
        Ok(self.out.write_all(text.as_bytes())?)
    }

    /// Write one line (a `\n` is added).
    pub fn line(&mut self, line: impl fmt::Display) -> Result<(), StdoutError> {
        Ok(writeln!(self.out, "{line}")?)
    }

    /// Flush what is buffered; the result of the whole output.
    pub fn finish(mut self) -> Result<(), StdoutError> {
        Ok(self.out.flush()?)
    }
}

/// Write a whole text to standard output and flush it.
pub fn print(text: &str) -> Result<(), StdoutError> {
    let mut out = Stdout::lock();
    out.write(text)?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_pipe_is_closed_and_anything_else_is_said() {
        assert_eq!(StdoutError::from(io::Error::from(io::ErrorKind::BrokenPipe)), StdoutError::Closed);
        let full = StdoutError::from(io::Error::from(io::ErrorKind::StorageFull));
        assert!(matches!(&full, StdoutError::Failed(reason) if !reason.is_empty()), "{full:?}");
        assert!(full.to_string().starts_with("cannot write to standard output: "));
    }
}
