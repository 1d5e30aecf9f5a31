//! Writing files: atomically (a temporary file in the same folder, fsync,
//! rename), through symlinks to the file they name, keeping permissions;
//! straight into a device or a pipe (never replacing it); and journeys only
//! under their lock, after looking at what is on disk now.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::lock::{JourneyLock, LOCK_WAIT};
use super::{LoadError, content_hash, describe_io_error};
use crate::format;
use crate::journey::Journey;

/// Why a journey was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk is not what the writer last saw (a colleague's `git
    /// pull`, another jgrid), or it exists where a new file was expected.
    #[error("the file changed on disk")]
    Changed,
    /// The file is read-only (no write permission).
    #[error("the file is read-only")]
    ReadOnly,
    /// The file on disk cannot be read as a journey, so it cannot be updated.
    #[error("{}", .0.render(.1))]
    Load(LoadError, PathBuf),
    /// What would be written does not read back as the journey (a name or
    /// a value the format refuses): nothing was written.
    #[error("jgrid would write a file it cannot read back ({0}); nothing was written")]
    WouldNotReadBack(String),
    #[error("{}", describe_io_error(.0))]
    Io(#[from] io::Error),
}

/// What a save may overwrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SaveOptions {
    /// Write even if the file changed on disk since it was loaded (`:w!`, "overwrite").
    pub overwrite_changed: bool,
    /// Write even if the file is read-only (`:w!`), keeping its permissions.
    pub overwrite_read_only: bool,
}

/// The file a write to `path` really changes: the end of a chain of symlinks
/// (created if the last link dangles), so the links stay links.
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// True when both paths exist and are the same file (however they are
/// spelled, through symlinks or hard links).
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// True when an existing file may not be written: it has no write
/// permission bits (as vim judges it, so even root is asked first), or
/// opening it for writing is refused.
pub fn is_read_only(target: &Path) -> bool {
    let Ok(meta) = fs::metadata(target) else { return false };
    if meta.permissions().readonly() {
        return true;
    }
    matches!(
        fs::OpenOptions::new().write(true).open(target),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied
    )
}

/// Write `text` to the file `target` atomically: either the old file or the
/// complete new one is on disk, never a mix. Permissions of an existing file
/// are kept.
fn write_atomic(target: &Path, text: &str) -> io::Result<()> {
    write_atomic_bytes(target, text.as_bytes())
}

fn write_atomic_bytes(target: &Path, bytes: &[u8]) -> io::Result<()> {
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is
    // written to, never replaced: a rename would put a file in its place.
    if fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return fs::OpenOptions::new().write(true).open(target)?.write_all(bytes);
    }
    let mut file = atomic_write_file::AtomicWriteFile::open(target)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Write bytes to `path` (through symlinks) atomically: a binary export (xlsx).
pub fn save_atomic_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_bytes(&write_target(path)?, bytes)
}

/// The text of a journey in file format 1, checked the way every journey
/// writer checks it before it replaces a file: it must read back as the
/// very same journey. So jgrid never writes a journey it cannot open.
pub fn journey_text(journey: &Journey) -> Result<String, SaveError> {
    let text = format::to_toml(journey);
    match format::parse(text.as_bytes()) {
        Ok(read) if read == *journey => Ok(text),
        Ok(_) => Err(SaveError::WouldNotReadBack("it reads back as a different journey".into())),
        Err(e) => Err(SaveError::WouldNotReadBack(e.render("the text").replace("\n  hint:", ";"))),
    }
}

/// Write `text` to `path` (through symlinks) atomically. For files that are
/// not journeys (exports); journeys go through [`save_checked`] and friends.
pub fn save_atomic(path: &Path, text: &str) -> io::Result<()> {
    write_atomic(&write_target(path)?, text)
}

/// Save a journey to `path` under its lock, if what is on disk is still
/// what the writer last saw: `expected` is the hash of those bytes, `None`
/// when the writer expects no file there. A missing file is always fine to
/// (re)create. The text must read back as the journey (`journey_text`), or
/// nothing is written. Returns the hash of what is on disk afterwards.
pub fn save_checked(
    path: &Path,
    journey: &Journey,
    expected: Option<u64>,
    options: SaveOptions,
) -> Result<u64, SaveError> {
    let text = journey_text(journey)?;
    let text = text.as_str();
    let target = write_target(path)?;
    let _lock = JourneyLock::acquire(&target, LOCK_WAIT)?;
    if !options.overwrite_changed {
        match fs::read(&target) {
            Ok(bytes) if Some(content_hash(&bytes)) != expected => return Err(SaveError::Changed),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    if !options.overwrite_read_only && is_read_only(&target) {
        return Err(SaveError::ReadOnly);
    }
    write_atomic(&target, text)?;
    Ok(content_hash(text.as_bytes()))
}

/// Read, change and write a journey under its lock: `edit` gets the journey
/// as it is on disk now. Nothing is written when `edit` fails, the file
/// cannot be read, or it is read-only.
pub fn update<T, E>(path: &Path, edit: impl FnOnce(&mut Journey) -> Result<T, E>) -> Result<Result<T, E>, SaveError> {
    let target = write_target(path)?;
    let _lock = JourneyLock::acquire(&target, LOCK_WAIT)?;
    let mut journey = super::load(&target).map_err(|e| SaveError::Load(e, path.to_path_buf()))?;
    let value = match edit(&mut journey) {
        Ok(value) => value,
        Err(e) => return Ok(Err(e)),
    };
    if is_read_only(&target) {
        return Err(SaveError::ReadOnly);
    }
    write_atomic(&target, &journey_text(&journey)?)?;
    Ok(Ok(value))
}

/// Write a journey to a file that must not exist yet (under its lock, so two
/// writers cannot both create it). An existing file is `Changed`.
pub fn create_new(path: &Path, journey: &Journey) -> Result<(), SaveError> {
    save_checked(path, journey, None, SaveOptions::default())?;
    Ok(())
}

/// Save a journey under its lock, whatever is on disk (a merge result, a test).
pub fn save(path: &Path, journey: &Journey) -> io::Result<()> {
    let options = SaveOptions { overwrite_changed: true, overwrite_read_only: false };
    match save_checked(path, journey, None, options) {
        Ok(_) => Ok(()),
        Err(SaveError::Io(e)) => Err(e),
        Err(e) => Err(io::Error::new(io::ErrorKind::PermissionDenied, e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str) -> Journey {
        let mut j = Journey::default();
        j.title = title.into();
        j
    }

    #[test]
    fn a_changed_file_is_not_overwritten_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.toml");
        let first = save_checked(&path, &titled("a"), None, SaveOptions::default()).unwrap();
        fs::write(&path, format::to_toml(&titled("colleague"))).unwrap();
        let e = save_checked(&path, &titled("mine"), Some(first), SaveOptions::default()).unwrap_err();
        assert!(matches!(e, SaveError::Changed));
        assert_eq!(super::super::load(&path).unwrap().title, "colleague");
        let force = SaveOptions { overwrite_changed: true, ..SaveOptions::default() };
        save_checked(&path, &titled("mine"), Some(first), force).unwrap();
        assert_eq!(super::super::load(&path).unwrap().title, "mine");
        assert!(matches!(create_new(&path, &Journey::default()), Err(SaveError::Changed)), "exists");
    }

    #[cfg(unix)]
    #[test]
    fn read_only_files_are_refused_unless_overridden_and_stay_read_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.toml");
        let hash = save_checked(&path, &titled("a"), None, SaveOptions::default()).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let e = save_checked(&path, &titled("b"), Some(hash), SaveOptions::default()).unwrap_err();
        assert!(matches!(e, SaveError::ReadOnly), "{e:?}");
        let add = update(&path, |j| {
            j.title = "added".into();
            Ok::<(), ()>(())
        });
        assert!(matches!(add, Err(SaveError::ReadOnly)));
        assert_eq!(super::super::load(&path).unwrap().title, "a");
        let force = SaveOptions { overwrite_read_only: true, ..SaveOptions::default() };
        save_checked(&path, &titled("b"), Some(hash), force).unwrap();
        assert_eq!(super::super::load(&path).unwrap().title, "b");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_creates_its_target_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub").join("real.toml");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("sub/real.toml", &link).unwrap();
        create_new(&link, &Journey::default()).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(target.is_file());
        assert!(is_same_file(&link, &target));
        let looped = dir.path().join("loop.toml");
        std::os::unix::fs::symlink("loop.toml", &looped).unwrap();
        let e = save_checked(&looped, &Journey::default(), None, SaveOptions::default()).unwrap_err();
        assert!(e.to_string().contains("symbolic links"), "{e}");
    }

    /// Issue 27: a journey the format would refuse (an inbox note with
    /// `source = "bad name"`, from a damaged recovery file) is never written.
    #[test]
    fn a_journey_that_would_not_read_back_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.toml");
        let hash = save_checked(&path, &titled("good"), None, SaveOptions::default()).unwrap();
        let mut bad = titled("bad");
        bad.inbox.push(crate::journey::Note {
            text: "said".into(),
            source: Some("bad name".into()),
            at: "2026-12-01T14:03:12Z".into(),
        });
        let e = save_checked(&path, &bad, Some(hash), SaveOptions::default()).unwrap_err();
        assert!(matches!(e, SaveError::WouldNotReadBack(_)), "{e:?}");
        assert!(e.to_string().contains("\"bad name\" is not a source name"), "{e}");
        assert_eq!(super::super::load(&path).unwrap().title, "good", "the file is as it was");
        let add = update(&path, |j| {
            j.inbox = bad.inbox.clone();
            Ok::<(), ()>(())
        });
        assert!(matches!(add, Err(SaveError::WouldNotReadBack(_))));
        assert_eq!(super::super::load(&path).unwrap().title, "good");
        assert!(save(&path, &bad).is_err());
        assert!(create_new(&dir.path().join("new.toml"), &bad).is_err());
        assert!(!dir.path().join("new.toml").exists());
    }

    #[test]
    fn concurrent_updates_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.toml");
        create_new(&path, &Journey::default()).unwrap();
        let threads: Vec<_> = (0..16)
            .map(|i| {
                let path = path.clone();
                std::thread::spawn(move || {
                    update(&path, |j| {
                        let at = crate::journey::CellRef::new(0, 0);
                        let text = format!("{}\nline-{i}", j.cell(at));
                        crate::journey::Change::SetCell { at, text }.apply(j).map(|_| ())
                    })
                    .unwrap()
                    .unwrap();
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let cell = super::super::load(&path).unwrap().cell(crate::journey::CellRef::new(0, 0)).to_owned();
        for i in 0..16 {
            assert!(cell.lines().any(|l| l == format!("line-{i}")), "line-{i} kept: {cell}");
        }
    }
}
