//! Recovery files: every unsaved change, and the text being typed, kept in a
//! private file in the user's data directory until the journey is saved or
//! the changes are discarded. Each running jgrid has its own file (named by
//! the journey and its session), so two jgrids on one journey never touch
//! each other's; a file is only ever removed by the session that owns it, or
//! after the user discarded it or saved its changes.

mod check;
pub mod handover;
mod remove;
mod session;

pub use check::{Checked, LAST_TIME, check};
pub use handover::{Holds, Other};
pub use remove::{Removal, discard, remove_saved, set_aside_damaged};
pub use session::{Running, Session, running};

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::format;
use crate::journey::{CellRef, Journey};
use crate::store::content_hash;

/// A cell that was being edited, with the text as typed so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editing {
    pub phase: usize,
    pub row: usize,
    pub text: String,
}

/// Text typed on a one-line prompt (the command line, the capture line,
/// an inbox note, a reason, a search, a file name): the text, and what the
/// prompt is for as the app writes it (its kind and the context it needs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub text: String,
    #[serde(default)]
    pub kind: toml::Table,
}

impl Eq for Prompt {}

/// What a recovery file holds. Unknown fields are refused, as in a journey
/// file: a file with them is reported and left as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    pub version: u32,
    /// The session that wrote it ("" in files from before sessions).
    #[serde(default)]
    pub session: String,
    /// The journey file this belongs to (absolute), or "" for an untitled journey.
    pub journey_path: String,
    /// The hash (hex) of the journey file the changes were made to, so a
    /// save after recovering asks when the file changed since.
    #[serde(default)]
    pub base: Option<String>,
    /// When it was written, in seconds since 1970 (UTC).
    pub written: u64,
    pub cursor: [usize; 2],
    /// The journey with all unsaved changes, in file format 1.
    pub journey: String,
    pub editing: Option<Editing>,
    /// A note half-typed in the capture line.
    #[serde(default)]
    pub capturing: Option<String>,
    /// Who was speaking (`:source`).
    #[serde(default)]
    pub source: Option<String>,
    /// An edit abandoned with Ctrl-c, still one undo away.
    #[serde(default)]
    pub abandoned: Option<Editing>,
    /// A command half-typed on the `:` line (a title, a phase name). Files
    /// from before `prompt` have it; newer ones keep it in `prompt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// Whatever one-line prompt was open, with its text as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Prompt>,
    /// The journey differs from the file it was made from (its `base`).
    /// Files from before it say nothing: they count as changed.
    #[serde(default = "changed")]
    pub modified: bool,
    /// Changes recovered from an earlier session and then undone, each a
    /// journey in file format 1: they are in no file but this one until they
    /// are redone and saved, or discarded in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undone: Vec<String>,
}

fn changed() -> bool {
    true
}

impl Recovery {
    pub fn new(journey_path: &str, journey: &Journey, cursor: CellRef, editing: Option<Editing>) -> Self {
        Self {
            version: 2,
            session: String::new(),
            journey_path: journey_path.to_owned(),
            base: None,
            written: crate::journey::now_secs(),
            cursor: [cursor.phase, cursor.row],
            journey: format::to_toml(journey),
            editing,
            capturing: None,
            source: None,
            abandoned: None,
            command: None,
            prompt: None,
            modified: true,
            undone: Vec::new(),
        }
    }

    /// A session's last word when nothing is unsaved: no changes, nothing
    /// typed, abandoned or undone, and so no journey to keep (the journey
    /// is the file on disk). Written just before the file is removed.
    pub fn nothing_unsaved(journey_path: &str, session: &str, base: Option<u64>) -> Self {
        Self {
            version: 2,
            session: String::new(),
            journey_path: journey_path.to_owned(),
            base: None,
            written: crate::journey::now_secs(),
            cursor: [0, 0],
            journey: String::new(),
            editing: None,
            capturing: None,
            source: None,
            abandoned: None,
            command: None,
            prompt: None,
            modified: false,
            undone: Vec::new(),
        }
        .of_session(session, base)
    }

    pub fn cursor(&self) -> CellRef {
        CellRef::new(self.cursor[0], self.cursor[1])
    }

    /// The recovered journey; `None` if the stored text is damaged.
    pub fn journey(&self) -> Option<Journey> {
        format::parse(self.journey.as_bytes()).ok()
    }

    /// True when it holds text that is not in its journey: a note being
    /// typed (in a cell or on any prompt), an abandoned edit, or recovered
    /// changes that were undone.
    pub fn holds_typing(&self) -> bool {
        self.editing.is_some()
            || self.capturing.is_some()
            || self.command.is_some()
            || self.prompt.is_some()
            || self.abandoned.is_some()
            || !self.undone.is_empty()
    }

    /// True when something in it is in no other file: changes to the
    /// journey, or text of [`Recovery::holds_typing`].
    pub fn holds_unsaved(&self) -> bool {
        self.modified || self.holds_typing()
    }

    /// The hash of the file the changes were made to, if known.
    pub fn base_hash(&self) -> Option<u64> {
        u64::from_str_radix(self.base.as_deref()?, 16).ok()
    }

    /// The same, with the session and base hash recorded.
    pub fn of_session(mut self, session: &str, base: Option<u64>) -> Self {
        self.session = session.to_owned();
        self.base = base.map(|h| format!("{h:016x}"));
        self
    }
}

/// Where one session keeps a journey's unsaved changes: its file, the key
/// (absolute path) of the journey, and the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryTarget {
    pub file: PathBuf,
    pub key: String,
    pub session: String,
}

impl RecoveryTarget {
    /// The target of a session for a journey path in a recovery directory.
    pub fn new(dir: &Path, path: Option<&Path>, session: &str) -> Self {
        let key = journey_key(path);
        Self { file: file_for(dir, &key, session), key, session: session.to_owned() }
    }
}

/// Where recovery files live: `<data dir>/jgrid/recovery`.
pub fn dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("JGRID_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "jgrid").map(|d| d.data_dir().join("recovery"))
}

/// The absolute path a journey is known by (symlinks resolved when the file exists).
pub fn journey_key(path: Option<&Path>) -> String {
    let Some(path) = path else { return String::new() };
    let resolved = fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.into());
    resolved.display().to_string()
}

/// The start of every recovery file name of a journey key, e.g. `broadband-3f2a…`.
fn prefix(key: &str) -> String {
    let stem = Path::new(key).file_stem().and_then(|s| s.to_str()).unwrap_or("untitled");
    let stem: String = stem.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_')).take(40).collect();
    let stem = if stem.is_empty() { "untitled".to_owned() } else { stem };
    format!("{stem}-{:016x}", content_hash(key.as_bytes()))
}

/// A session's recovery file for a journey key, e.g. `broadband-3f2a…-1a2b-3c4d.toml`.
pub fn file_for(dir: &Path, key: &str, session: &str) -> PathBuf {
    dir.join(format!("{}-{session}.toml", prefix(key)))
}

/// The recovery files of a journey that no running jgrid owns (newest
/// first): the ones to offer. A file that cannot be read is returned as
/// `Err((path, why))`, to be reported and left alone.
pub fn orphans(dir: &Path, key: &str, live: &[String]) -> Vec<Result<(PathBuf, Recovery), (PathBuf, String)>> {
    let prefix = prefix(key);
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<Result<(PathBuf, Recovery), (PathBuf, String)>> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)))
        .filter_map(|p| match read_or_why(&p) {
            Ok(r) if r.journey_path != key => None,
            Ok(r) if !r.session.is_empty() && live.contains(&r.session) => None,
            Ok(r) => Some(Ok((p, r))),
            Err(why) => Some(Err((p, why))),
        })
        .collect();
    found.sort_by_key(|f| match f {
        Ok((p, r)) => (std::cmp::Reverse(r.written), p.clone()),
        Err((p, _)) => (std::cmp::Reverse(0), p.clone()),
    });
    found
}

/// Take over another session's recovery file: it becomes this session's
/// file (one rename, so its content is never anywhere but on disk).
pub fn adopt(found: &Path, own: &Path) -> io::Result<()> {
    fs::rename(found, own)
}

pub(crate) fn private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    fs::create_dir_all(dir)
}

/// Write a recovery file atomically, readable by its owner only.
pub fn write(file: &Path, recovery: &Recovery) -> io::Result<()> {
    if let Some(dir) = file.parent() {
        private_dir(dir)?;
    }
    let text = toml::to_string(recovery).map_err(io::Error::other)?;
    // Never a file that cannot be read back: what is written must parse to
    // what was meant, else nothing is replaced.
    if toml::from_str::<Recovery>(&text).ok().as_ref() != Some(recovery) {
        return Err(io::Error::other("the recovery file would not read back as written; the old one is kept"));
    }
    let mut out = atomic_write_file::AtomicWriteFile::open(file)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        out.as_file().set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    out.write_all(text.as_bytes())?;
    out.commit()
}

/// Read a recovery file; `None` when there is none or it cannot be read.
pub fn read(file: &Path) -> Option<Recovery> {
    read_or_why(file).ok()
}

/// Read a recovery file, or say why it cannot be read: `FILE:LINE:COLUMN:
/// what`, as for a journey.
pub fn read_or_why(file: &Path) -> Result<Recovery, String> {
    let shown = crate::text::one_line_path(file);
    let bytes = fs::read(file).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{shown}: not UTF-8 text"))?;
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let (line, column) = crate::text::line_column(text, offset);
        let message = crate::text::sanitize(e.message().trim().trim_end_matches('.')).replace('\n', " ");
        format!("{shown}:{line}:{column}: {message}")
    })
}

/// Set a recovery file's changes aside as plain journey files in
/// `<recovery dir>/kept/`, which open in jgrid like any journey: its
/// journey, with any text being typed or abandoned as inbox notes, and each
/// of its undone recovered changes. The recovery file itself is removed
/// once every kept file reads back. Returns the kept files.
pub fn keep_aside(file: &Path) -> io::Result<Vec<PathBuf>> {
    let found = read_or_why(file).map_err(io::Error::other)?;
    let mut journey = found.journey().ok_or_else(|| io::Error::other("the journey in the recovery file is damaged"))?;
    let at = crate::journey::rfc3339(found.written.min(LAST_TIME));
    let typed = [found.editing.as_ref().map(|e| &e.text), found.abandoned.as_ref().map(|e| &e.text)];
    let prompts = [found.prompt.as_ref().map(|p| &p.text), found.capturing.as_ref(), found.command.as_ref()];
    for text in typed.into_iter().chain(prompts).flatten().filter(|t| !t.trim().is_empty()) {
        journey.inbox.push(crate::journey::Note { text: text.clone(), source: None, at: at.clone() });
    }
    let mut journeys = vec![journey];
    journeys.extend(found.undone.iter().filter_map(|t| format::parse(t.as_bytes()).ok()));
    if journeys.len() != found.undone.len() + 1 {
        return Err(io::Error::other("an undone change in the recovery file is damaged"));
    }
    let dir = file.parent().unwrap_or(Path::new(".")).join("kept");
    private_dir(&dir)?;
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("journey");
    let mut kept = Vec::new();
    for (i, journey) in journeys.iter().enumerate() {
        let name = if i == 0 {
            format!("{stem}-{}.toml", found.written)
        } else {
            format!("{stem}-{}-undone-{i}.toml", found.written)
        };
        let path = dir.join(name);
        let text = crate::store::journey_text(journey).map_err(|e| io::Error::other(e.to_string()))?;
        let mut out = atomic_write_file::AtomicWriteFile::open(&path)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            out.as_file().set_permissions(fs::Permissions::from_mode(0o600))?;
        }
        out.write_all(text.as_bytes())?;
        out.commit()?;
        // The recovery file goes only once every kept copy reads back.
        if fs::read(&path).ok().and_then(|b| format::parse(&b).ok()).as_ref() != Some(journey) {
            return Err(io::Error::other("a kept copy does not read back; the recovery file stays"));
        }
        kept.push(path);
    }
    remove::remove_file(file)?;
    Ok(kept)
}

/// Journeys set aside by `keep_aside`, newest first.
pub fn kept(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir.join("kept")) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    found.sort();
    found.reverse();
    found
}

/// The recovery files set aside because parts of them were damaged
/// (`set_aside_damaged`), newest first.
pub fn damaged(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir.join("damaged")) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    found.sort();
    found.reverse();
    found
}

/// Every recovery file in the directory, newest first; one that cannot be
/// read comes with why.
pub fn list(dir: &Path) -> Vec<(PathBuf, Result<Recovery, String>)> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<(PathBuf, Result<Recovery, String>)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let r = read_or_why(&p);
            (p, r)
        })
        .collect();
    found.sort_by(|a, b| {
        let written = |r: &Result<Recovery, String>| r.as_ref().map_or(0, |r| r.written);
        written(&b.1).cmp(&written(&a.1)).then_with(|| a.0.cmp(&b.0))
    });
    found
}

#[cfg(test)]
mod tests;
