//! Reading and writing journey files on disk: load with a clear error, save
//! atomically (temporary file in the same folder, fsync, rename) keeping the
//! file's permissions and writing through symlinks, and every write of a
//! journey under its lock (`lock.rs`), after checking what is on disk now.

mod lock;
mod write;

pub use lock::{JourneyLock, LOCK_WAIT, lock_path};
pub use write::{
    SaveError, SaveOptions, create_new, is_read_only, is_same_file, journey_text, save, save_atomic, save_atomic_bytes,
    save_checked, update, write_target,
};

use std::fs;
use std::io;
use std::path::Path;

use crate::format::{self, FormatError};
use crate::journey::Journey;
use crate::text::{one_line, sanitize};

/// Why a journey file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// There is no file at the path (a new journey may start there).
    #[error("no such file")]
    NotFound,
    /// The path exists but could not be read as a file.
    #[error("{reason} (hint: {hint})")]
    Unreadable { reason: String, hint: String },
    /// The file was read but is not a valid journey.
    #[error(transparent)]
    Format(#[from] FormatError),
}

impl LoadError {
    /// The message for the user: `FILE:LINE:COLUMN: what` or `FILE: what`,
    /// then a hint. Control characters (in the path, say) are made visible.
    pub fn render(&self, path: &Path) -> String {
        let file = path.display().to_string();
        match self {
            LoadError::NotFound => format!("{}: no such file\n  hint: check the path", one_line(&file)),
            LoadError::Unreadable { reason, hint } => {
                format!("{}: {}\n  hint: {}", one_line(&file), sanitize(reason), sanitize(hint))
            }
            LoadError::Format(e) => e.render(&file),
        }
    }
}

/// Read and parse a journey file. Never modifies the file.
pub fn load(path: &Path) -> Result<Journey, LoadError> {
    load_with_hash(path).map(|(journey, _)| journey)
}

/// Read and parse a journey file, with the hash of the bytes read, so a
/// later save can tell whether the file changed on disk in the meantime.
pub fn load_with_hash(path: &Path) -> Result<(Journey, u64), LoadError> {
    let bytes = read(path)?;
    let journey = format::parse(&bytes).map_err(LoadError::Format)?;
    Ok((journey, content_hash(&bytes)))
}

/// FNV-1a of some bytes: a hash that stays the same from build to build
/// (recovery files keep it), to tell whether a file changed on disk (and to
/// name recovery files).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    std::hash::Hasher::write(&mut hasher, bytes);
    std::hash::Hasher::finish(&hasher)
}

/// Read a file's bytes, refusing directories and other non-files clearly.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(LoadError::NotFound),
        Err(e) => return Err(unreadable(&e)),
        Ok(m) if m.is_dir() => {
            return Err(LoadError::Unreadable {
                reason: "is a directory, not a journey file".into(),
                hint: "give the path of a .toml journey file, for example journeys/broadband-moving-house.toml".into(),
            });
        }
        Ok(m) if !m.is_file() => {
            return Err(LoadError::Unreadable {
                reason: "is not a regular file".into(),
                hint: "give the path of a .toml journey file".into(),
            });
        }
        Ok(_) => {}
    }
    fs::read(path).map_err(|e| unreadable(&e))
}

fn unreadable(e: &io::Error) -> LoadError {
    let hint = match e.kind() {
        io::ErrorKind::PermissionDenied => "check the file's permissions (ls -l)",
        _ => "check that the path is a readable file",
    };
    LoadError::Unreadable { reason: format!("cannot read: {e}"), hint: hint.into() }
}

/// A save error in words a user can act on.
pub fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "read-only file or folder".into(),
        io::ErrorKind::NotFound => "the folder is gone".into(),
        io::ErrorKind::StorageFull => "disk full".into(),
        io::ErrorKind::ReadOnlyFilesystem => "read-only file system".into(),
        io::ErrorKind::IsADirectory => "that path is a directory".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{CellRef, Change};

    #[test]
    fn save_then_load_gives_the_same_journey() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.toml");
        let mut j = Journey::default();
        Change::SetCell { at: CellRef::new(1, 1), text: "a\nb".into() }.apply(&mut j).unwrap();
        save(&path, &j).unwrap();
        assert_eq!(load(&path).unwrap(), j);
    }

    #[test]
    fn a_directory_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let err = load(dir.path()).unwrap_err();
        assert!(err.render(dir.path()).contains("is a directory"));
    }

    #[test]
    fn a_missing_file_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(load(&dir.path().join("nope.toml")), Err(LoadError::NotFound)));
    }

    #[cfg(unix)]
    #[test]
    fn save_keeps_permissions_and_writes_through_symlinks() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        save(&real, &Journey::default()).unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let mut j = Journey::default();
        j.title = "changed".into();
        save(&link, &j).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(load(&real).unwrap().title, "changed");
        assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
    }
}
