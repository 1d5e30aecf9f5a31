//! The effects on recovery files the shell runs: bringing this session's
//! file up to date, and reloading the journey with the changes set aside.

use std::path::Path;

use crate::app::{App, Msg, ReloadFailure};
use crate::recovery;
use crate::store;

/// A failed recovery-file operation as a message; `None` when it worked.
pub(super) fn failed(file: &Path, result: std::io::Result<()>) -> Option<Msg> {
    result.err().map(|e| Msg::RecoveryFailed { file: file.to_path_buf(), reason: e.to_string() })
}

pub(super) fn reload(app: &App) -> Msg {
    let _ = write_recovery(app);
    // The unsaved changes are set aside first; if they cannot be, nothing is reloaded.
    let kept = match app.recovery().as_ref().filter(|t| t.file.exists()).map(|t| recovery::keep_aside(&t.file)) {
        None => None,
        Some(Ok(kept)) => kept.into_iter().next(),
        Some(Err(e)) => {
            let why = format!("your changes could not be set aside ({e})");
            return Msg::Reloaded { result: Err(ReloadFailure::Unreadable(why)), kept: None };
        }
    };
    let Some(path) = app.path().clone() else {
        return Msg::Reloaded { result: Err(ReloadFailure::NoFile), kept };
    };
    let result = store::load_with_hash(&path)
        .map(|(journey, hash)| (Box::new(journey), hash))
        .map_err(|e| ReloadFailure::Unreadable(e.render(&path)));
    Msg::Reloaded { result, kept }
}

/// Bring this session's recovery file up to date: written while anything is
/// unsaved, removed once nothing is. It is removed only through
/// `recovery::remove_saved`, which reads it back: this session's last word,
/// written first (a small file: no changes, nothing typed, abandoned or
/// undone), must say there is nothing unsaved. A failure comes back as a message.
pub(super) fn write_recovery(app: &App) -> Option<Msg> {
    if app.has_unsaved() {
        let (file, snapshot) = app.recovery_snapshot()?;
        return failed(&file, recovery::write(&file, &snapshot));
    }
    let target = app.recovery().as_ref()?;
    if !target.file.exists() {
        return None;
    }
    let word = recovery::Recovery::nothing_unsaved(&target.key, &target.session, app.on_disk().hash());
    let result = recovery::write(&target.file, &word).and_then(|()| {
        match recovery::remove_saved(&target.file, app.path().as_deref())? {
            recovery::Removal::Removed => Ok(()),
            recovery::Removal::Kept(why) => Err(std::io::Error::other(why)),
        }
    });
    failed(&target.file, result)
}
