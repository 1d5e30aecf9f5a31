//! Removing recovery files, all in one place, so that a file whose text is
//! in no other file is never removed unasked: a session's own file goes
//! only when it reads back as holding nothing unsaved, a file the user
//! discarded in words goes at once, and a file with damaged parts is moved
//! aside whole.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Recovery, private_dir, read_or_why};
use crate::format;
use crate::store::content_hash;

/// What [`remove_saved`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    /// The file is gone (or was not there).
    Removed,
    /// The file holds text that is in no other file; it stays. Why, in words.
    Kept(String),
}

/// Remove a recovery file because nothing in it is unsaved. It is read back
/// as it is on disk now: it must hold no text being typed, abandoned or
/// undone, and either say its journey has no changes (`modified = false`)
/// or hold exactly the journey that is in `journey` on disk. Otherwise it
/// stays, and [`Removal::Kept`] says why. A missing file is fine; one that
/// cannot be read stays.
pub fn remove_saved(file: &Path, journey: Option<&Path>) -> io::Result<Removal> {
    if !file.exists() {
        return Ok(Removal::Removed);
    }
    let recovery = match read_or_why(file) {
        Ok(r) => r,
        Err(why) => return Ok(Removal::Kept(format!("it cannot be read ({why})"))),
    };
    if recovery.holds_typing() {
        return Ok(Removal::Kept("it holds text being typed, abandoned or undone".into()));
    }
    if recovery.modified && !in_journey_file(&recovery, journey) {
        return Ok(Removal::Kept("its changes are not in the journey file".into()));
    }
    remove_file(file)?;
    Ok(Removal::Removed)
}

/// True when the journey file on disk holds exactly the recovery's journey
/// (the same bytes, or a file that reads as the same journey).
fn in_journey_file(recovery: &Recovery, journey: Option<&Path>) -> bool {
    let Some(bytes) = journey.and_then(|p| fs::read(p).ok()) else { return false };
    if content_hash(&bytes) == content_hash(recovery.journey.as_bytes()) && bytes == recovery.journey.as_bytes() {
        return true;
    }
    matches!((format::parse(&bytes), recovery.journey()), (Ok(on_disk), Some(recovered)) if on_disk == recovered)
}

/// Remove a recovery file whose changes the user discarded in words (`d`
/// at the recover question, "quit without saving", `:q!`). A missing file
/// is fine.
pub fn discard(file: &Path) -> io::Result<()> {
    remove_file(file)
}

/// Move a recovery file with damaged parts, whole, to `<dir>/damaged/`,
/// after what could be used was recovered: nothing of it is lost, and it is
/// not offered again. Returns where it went.
pub fn set_aside_damaged(file: &Path) -> io::Result<PathBuf> {
    let dir = file.parent().unwrap_or(Path::new(".")).join("damaged");
    private_dir(&dir)?;
    let name = file.file_name().ok_or_else(|| io::Error::other("a recovery file has a name"))?;
    let to = dir.join(name);
    fs::rename(file, &to)?;
    Ok(to)
}

/// Remove a file; a missing one is fine.
pub(super) fn remove_file(file: &Path) -> io::Result<()> {
    match fs::remove_file(file) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Editing, write};
    use super::*;
    use crate::journey::{CellRef, Change, Journey};

    fn journey(word: &str) -> Journey {
        let mut j = Journey::default();
        Change::SetCell { at: CellRef::new(0, 0), text: word.into() }.apply(&mut j).unwrap();
        j
    }

    #[test]
    fn a_recovery_file_goes_only_when_its_text_is_in_the_journey_file() {
        let dir = tempfile::tempdir().unwrap();
        let (file, on_disk) = (dir.path().join("r.toml"), dir.path().join("j.toml"));
        crate::store::save(&on_disk, &journey("saved")).unwrap();
        // Changes that are not in the journey file stay.
        write(&file, &Recovery::new("k", &journey("MINE"), CellRef::default(), None)).unwrap();
        assert!(matches!(remove_saved(&file, Some(&on_disk)).unwrap(), Removal::Kept(_)));
        assert!(matches!(remove_saved(&file, None).unwrap(), Removal::Kept(_)));
        assert!(file.exists());
        // The same journey as on disk goes.
        write(&file, &Recovery::new("k", &journey("saved"), CellRef::default(), None)).unwrap();
        assert_eq!(remove_saved(&file, Some(&on_disk)).unwrap(), Removal::Removed);
        assert!(!file.exists());
        assert_eq!(remove_saved(&file, Some(&on_disk)).unwrap(), Removal::Removed, "missing is fine");
        // Text being typed, undone or abandoned stays, whatever the journey.
        let mut typing = Recovery::new("k", &journey("saved"), CellRef::default(), None);
        typing.abandoned = Some(Editing { phase: 0, row: 0, text: "abandoned".into() });
        write(&file, &typing).unwrap();
        assert!(matches!(remove_saved(&file, Some(&on_disk)).unwrap(), Removal::Kept(_)));
        typing.abandoned = None;
        typing.undone = vec![crate::format::to_toml(&journey("MINE"))];
        write(&file, &typing).unwrap();
        assert!(matches!(remove_saved(&file, Some(&on_disk)).unwrap(), Removal::Kept(_)));
        // A file that says it has no changes goes (a colleague changed the journey file meanwhile).
        let mut clean = Recovery::new("k", &journey("as loaded"), CellRef::default(), None);
        clean.modified = false;
        write(&file, &clean).unwrap();
        assert_eq!(remove_saved(&file, Some(&on_disk)).unwrap(), Removal::Removed);
        // One that cannot be read stays.
        fs::write(&file, "not [toml").unwrap();
        assert!(matches!(remove_saved(&file, Some(&on_disk)).unwrap(), Removal::Kept(_)));
        discard(&file).unwrap();
        assert!(!file.exists());
    }

    #[test]
    fn a_damaged_file_is_set_aside_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.toml");
        fs::write(&file, "anything").unwrap();
        let to = set_aside_damaged(&file).unwrap();
        assert!(!file.exists());
        assert_eq!(fs::read_to_string(&to).unwrap(), "anything");
        assert_eq!(super::super::damaged(dir.path()), [to]);
    }
}
