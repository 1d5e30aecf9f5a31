//! Why a subcommand could not do its work: `main` prints it as
//! `jgrid: …` (control characters made visible) and exits with status 2.

/// A subcommand's failure, with what went wrong and, where it helps, what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CliError {
    /// A file that cannot be read as what it should be: its rendered
    /// `FILE:LINE:COLUMN: what` message with a hint.
    #[error("{0}")]
    Unreadable(String),
    /// Something about FILE that jgrid will not do (overwrite it, say).
    #[error("{file}: {what}\n  hint: {hint}")]
    Refused { file: String, what: String, hint: String },
    /// A wrong argument.
    #[error("{what}\n  hint: {hint}")]
    Usage { what: String, hint: String },
    /// Writing FILE failed.
    #[error("{file}: cannot write: {reason}")]
    Write { file: String, reason: String },
    /// Anything else, said in full.
    #[error("{0}")]
    Other(String),
    /// Standard output took no more text: closed by its reader (`| head -1`,
    /// the command stops quietly) or failed (a full disk).
    #[error(transparent)]
    Stdout(#[from] crate::stdout::StdoutError),
}

/// The exit status of a subcommand that did its work, or why it could not.
pub type Outcome = Result<std::process::ExitCode, CliError>;

/// A path as shown in messages.
pub fn shown(path: &std::path::Path) -> String {
    path.display().to_string()
}
