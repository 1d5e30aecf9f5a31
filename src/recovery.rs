//! Recovery files: every unsaved change, and the text being typed, kept in a
//! private file in the user's data directory until the journey is saved or
//! the changes are discarded. One file per journey path.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

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

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    pub version: u32,
    /// The journey file this belongs to (absolute), or "" for an untitled journey.
    pub journey_path: String,
    /// When it was written, in seconds since 1970 (UTC).
    pub written: u64,
    pub cursor: [usize; 2],
    /// The journey with all unsaved changes, in file format 1.
    pub journey: String,
    pub editing: Option<Editing>,
}

impl Recovery {
    pub fn new(journey_path: &str, journey: &Journey, cursor: CellRef, editing: Option<Editing>) -> Self {
        let written = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Self {
            version: 1,
            journey_path: journey_path.to_owned(),
            written,
            cursor: [cursor.phase, cursor.row],
            journey: format::to_toml(journey),
            editing,
        }
    }

    pub fn cursor(&self) -> CellRef {
        CellRef::new(self.cursor[0], self.cursor[1])
    }

    /// The recovered journey; `None` if the stored text is damaged.
    pub fn journey(&self) -> Option<Journey> {
        format::parse(self.journey.as_bytes()).ok()
    }
}

/// The recovery file of one journey, and the key (absolute path) it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryTarget {
    pub file: PathBuf,
    pub key: String,
}

impl RecoveryTarget {
    /// The target for a journey path in the user's recovery directory.
    pub fn for_path(path: Option<&Path>) -> Option<Self> {
        let key = journey_key(path);
        dir().map(|d| Self { file: file_for(&d, &key), key })
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

/// The recovery file for a journey key, e.g. `broadband-3f2a….toml`.
pub fn file_for(dir: &Path, key: &str) -> PathBuf {
    let stem = Path::new(key).file_stem().and_then(|s| s.to_str()).unwrap_or("untitled");
    let stem: String = stem.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_')).take(40).collect();
    let stem = if stem.is_empty() { "untitled".to_owned() } else { stem };
    dir.join(format!("{stem}-{:016x}.toml", content_hash(key.as_bytes())))
}

fn private_dir(dir: &Path) -> io::Result<()> {
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
    let text = fs::read_to_string(file).ok()?;
    toml::from_str(&text).ok()
}

/// Remove a recovery file; a missing one is fine.
pub fn remove(file: &Path) -> io::Result<()> {
    match fs::remove_file(file) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Set a recovery file's changes aside as a plain journey file in
/// `<recovery dir>/kept/`, which opens in jgrid like any journey; the
/// recovery file itself is removed. Returns the kept file.
pub fn keep_aside(file: &Path) -> io::Result<PathBuf> {
    let found = read(file).ok_or_else(|| io::Error::other("the recovery file cannot be read"))?;
    let dir = file.parent().unwrap_or(Path::new(".")).join("kept");
    private_dir(&dir)?;
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("journey");
    let kept = dir.join(format!("{stem}-{}.toml", found.written));
    let mut out = atomic_write_file::AtomicWriteFile::open(&kept)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        out.as_file().set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    out.write_all(found.journey.as_bytes())?;
    out.commit()?;
    remove(file)?;
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

/// Every recovery file in the directory, newest first.
pub fn list(dir: &Path) -> Vec<(PathBuf, Recovery)> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<(PathBuf, Recovery)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| read(&p).map(|r| (p, r)))
        .collect();
    found.sort_by(|a, b| b.1.written.cmp(&a.1.written).then_with(|| a.0.cmp(&b.0)));
    found
}

/// A UTC time like `2026-11-22 17:41` for a number of seconds since 1970.
pub fn format_time(secs: u64) -> String {
    let days = secs / 86_400;
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rem / 3600, rem % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_read_back_with_private_modes() {
        let dir = tempfile::tempdir().unwrap();
        let rdir = dir.path().join("data/recovery");
        let file = file_for(&rdir, "/home/a/journeys/broadband.toml");
        assert!(file.file_name().unwrap().to_str().unwrap().starts_with("broadband-"));
        let editing = Some(Editing { phase: 1, row: 2, text: "half-typed\nnote".into() });
        let r = Recovery::new("/home/a/journeys/broadband.toml", &Journey::default(), CellRef::new(1, 2), editing);
        write(&file, &r).unwrap();
        assert_eq!(read(&file), Some(r.clone()));
        assert_eq!(r.journey(), Some(Journey::default()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(fs::metadata(&rdir).unwrap().permissions().mode() & 0o777, 0o700);
        }
        assert_eq!(list(&rdir).len(), 1);
        let kept_file = keep_aside(&file).unwrap();
        assert!(!file.exists());
        assert_eq!(format::parse(&fs::read(&kept_file).unwrap()), Ok(Journey::default()), "a plain journey");
        assert_eq!(kept(&rdir), std::slice::from_ref(&kept_file));
        remove(&kept_file).unwrap();
        remove(&kept_file).unwrap();
    }

    #[test]
    fn different_paths_get_different_files() {
        let d = Path::new("/r");
        assert_ne!(file_for(d, "/a/j.toml"), file_for(d, "/b/j.toml"));
        assert_eq!(file_for(d, ""), d.join(format!("untitled-{:016x}.toml", content_hash(b""))));
    }

    #[test]
    fn times_are_readable() {
        assert_eq!(format_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_time(1_795_887_660), "2026-11-28 17:41 UTC");
    }
}
