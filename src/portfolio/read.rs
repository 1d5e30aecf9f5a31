//! Reading one `.toml` file of a portfolio: a journey (with its summary and
//! facts), a file that is no journey (with the reason), or a journey that
//! cannot be read (with the `FILE:LINE:COLUMN` message).

use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use super::facts::{self, Facts};
use crate::checks::{self, Counts, Review};
use crate::insights::Evidence;
use crate::journey::{Journey, PortfolioRules, Role, Shared};
use crate::store::LoadError;

/// What a journey's row of the portfolio screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub persona: String,
    pub phases: Vec<String>,
    /// Each phase's mood, -2..=2.
    pub moods: Vec<Option<i8>>,
    /// The open findings by severity, and how many are accepted.
    pub open: Counts,
    pub accepted: usize,
    /// Notes in the inbox.
    pub unsorted: usize,
    /// Cells with text, and those of them that name a `@source`.
    pub filled: usize,
    pub backed: usize,
    /// When the file last changed (seconds since 1970), if known.
    pub modified: Option<u64>,
    /// The names of the Message, Organization and Systems rows, for sentences.
    pub message_row: String,
    pub organization_row: String,
    pub systems_row: String,
}

/// What reading one file gave.
#[derive(Debug)]
pub enum Read<T> {
    Journey {
        summary: Box<Summary>,
        facts: Facts,
        kept: T,
    },
    /// A `.toml` file that is not a journey (a `Cargo.toml`, say), and why.
    Other(String),
    /// A journey that cannot be read: the rendered message (with a hint).
    Broken(String),
}

/// True when the file means to be a journey: it has a `format = …` line or
/// a `[[phase]]` table. Anything else is some other TOML file.
fn looks_like_journey(bytes: &[u8]) -> bool {
    bytes.split(|&b| b == b'\n').any(|line| {
        let line = line.trim_ascii_start();
        line.starts_with(b"[[phase]]")
            || line.strip_prefix(b"format").is_some_and(|rest| rest.trim_ascii_start().starts_with(b"="))
    })
}

/// Read the file at `path`; `keep` decides what of the journey the caller keeps.
pub fn read<T>(
    path: &Path,
    rules: Option<&Arc<PortfolioRules>>,
    keep: &(impl Fn(Journey, Review) -> T + Sync),
    memo: &mut facts::Memo,
) -> Read<T> {
    let (bytes, modified) = match bytes_and_time(path) {
        Ok(read) => read,
        Err(e) => return Read::Broken(e.render(path)),
    };
    if !looks_like_journey(&bytes) {
        let reason = if bytes.iter().all(u8::is_ascii_whitespace) {
            "an empty file"
        } else if std::str::from_utf8(&bytes).is_err() {
            "not UTF-8 text"
        } else {
            "no `format = 1` line and no [[phase]]: not a journey"
        };
        return Read::Other(reason.to_owned());
    }
    let mut journey = match crate::format::parse(&bytes) {
        Ok(journey) => journey,
        Err(e) => return Read::Broken(LoadError::Format(e).render(path)),
    };
    if let Some(rules) = rules {
        journey.shared = Shared::new(Arc::clone(rules));
    }
    let review = checks::review(&journey);
    let facts = facts::of(&journey, memo);
    let summary = Box::new(summarize(&journey, &review, modified));
    Read::Journey { summary, facts, kept: keep(journey, review) }
}

fn bytes_and_time(path: &Path) -> Result<(Vec<u8>, Option<u64>), LoadError> {
    let unreadable = |e: std::io::Error| {
        let hint = match e.kind() {
            std::io::ErrorKind::PermissionDenied => "check the file's permissions (ls -l)",
            _ => "check that the path is a readable file",
        };
        LoadError::Unreadable { reason: format!("cannot read: {e}"), hint: hint.into() }
    };
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map(|d| d.as_secs());
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(64 << 20));
    file.read_to_end(&mut bytes).map_err(unreadable)?;
    Ok((bytes, modified))
}

fn summarize(journey: &Journey, review: &Review, modified: Option<u64>) -> Summary {
    let evidence = Evidence::of(journey);
    let row_name = |role| journey.row_with_role(role).map_or_else(String::new, |r| journey.rows()[r].clone());
    Summary {
        title: journey.title.clone(),
        persona: journey.persona.clone(),
        phases: journey.phases().iter().map(|p| p.name.clone()).collect(),
        moods: journey.phases().iter().map(|p| p.mood).collect(),
        open: review.counts(),
        accepted: review.accepted.len(),
        unsorted: journey.inbox.len(),
        filled: evidence.filled(),
        backed: evidence.backed(),
        modified,
        message_row: row_name(Role::Message),
        organization_row: row_name(Role::Organization),
        systems_row: row_name(Role::Systems),
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_journey;

    #[test]
    fn a_journey_is_told_from_other_toml_by_its_format_line_or_phases() {
        assert!(looks_like_journey(b"format = 1\nrows = []"));
        assert!(looks_like_journey(b"# x\n  format=2\n"));
        assert!(looks_like_journey(b"title = \"x\"\n[[phase]]\nname = \"a\"\n"));
        assert!(looks_like_journey(b"format = \"\xff\"\n"));
        assert!(!looks_like_journey(b"[package]\nname = \"jgrid\"\n"));
        assert!(!looks_like_journey(b"formats = 1\n"));
        assert!(!looks_like_journey(b""));
    }
}
