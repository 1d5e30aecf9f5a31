//! Starting the editor: load the journey (or start a new one) without
//! touching the terminal, mark this jgrid as running, and find what earlier
//! or other jgrids left for this journey: other running sessions, and
//! recovery files no running jgrid owns. Also `--recover-list`.

use std::path::Path;

use crate::app::{Found, Keymap, Msg, OnDisk, Opening, Settings};
use crate::journey::{Journey, readable};
use crate::recovery::{self, RecoveryTarget, Session};
use crate::store::{self, LoadError};
use crate::text::sanitize;

/// A journey opened for the editor, with the messages to show first.
pub struct Started {
    pub opening: Opening,
    pub session: Option<Session>,
    pub notices: Vec<Msg>,
    /// Other running jgrids on this journey, and recovery files to offer.
    pub opened: Msg,
}

/// Load the journey at `path` (or start a new or untitled one). An
/// unreadable file is an error message (`FILE:LINE:COLUMN: ...`).
pub fn open(
    path: Option<&Path>,
    fresh: Journey,
    keymap: Keymap,
    settings: Settings,
    source: Option<String>,
) -> Result<Started, String> {
    let mut notices = Vec::new();
    let (journey, on_disk, read_only) = match path {
        None => (fresh, OnDisk::Unknown, false),
        Some(path) => match store::load_with_hash(path) {
            Ok((journey, hash)) => {
                let size = std::fs::metadata(path).map_or(0, |m| m.len());
                if size > 5 << 20 {
                    let text = format!("This journey is large ({} MB); saving may take a moment", size >> 20);
                    notices.push(Msg::Notice { text, error: false });
                }
                let read_only = store::is_read_only(path);
                if read_only {
                    let text = "The file is read-only: :w! overwrites it, :w FILE saves elsewhere".to_owned();
                    notices.push(Msg::Notice { text, error: false });
                }
                (journey, OnDisk::Hash(hash), read_only)
            }
            Err(LoadError::NotFound) => {
                let text = format!(
                    "New journey: {} is written on the first save (Ctrl-s)",
                    sanitize(&path.display().to_string())
                );
                notices.push(Msg::Notice { text, error: false });
                (fresh, OnDisk::Absent, false)
            }
            Err(e) => return Err(e.render(path)),
        },
    };
    let mut journey = journey;
    if let Some(path) = path {
        follow_portfolio(&mut journey, path, &mut notices);
    }
    let key = recovery::journey_key(path);
    let dir = recovery::dir();
    let session = dir.as_deref().and_then(|d| match Session::start(d, &key) {
        Ok(s) => Some(s),
        Err(e) => {
            let text = format!("Cannot keep a recovery file ({e}); save often");
            notices.push(Msg::Notice { text, error: true });
            None
        }
    });
    let (recovery, opened) = match (&dir, &session) {
        (Some(dir), Some(session)) => {
            let target = RecoveryTarget::new(dir, path, &session.id);
            let opened = discover(dir, &key, &session.id, &journey);
            (Some(target), opened)
        }
        _ => (None, Msg::Opened { others: Vec::new(), found: Vec::new(), unreadable: Vec::new() }),
    };
    let path = path.map(Path::to_path_buf);
    let opening = Opening { journey, path, on_disk, read_only, recovery, keymap, settings, source };
    Ok(Started { opening, session, notices, opened })
}

/// A journey in a portfolio's folder follows the portfolio's rules (the
/// `jgrid.toml` found walking up from its folder); the notice says which.
fn follow_portfolio(journey: &mut Journey, path: &Path, notices: &mut Vec<Msg>) {
    match crate::portfolio::rules_for(path) {
        Ok(None) => {}
        Ok(Some((file, rules))) => {
            journey.shared = crate::journey::Shared::new(rules);
            // First: any other notice at start matters more, and is shown instead.
            let text = format!("Checks follow the portfolio's rules in {}", sanitize(&file.display().to_string()));
            notices.insert(0, Msg::Notice { text, error: false });
        }
        Err(message) => {
            let text = format!("{}; checks run without the portfolio's rules", message.replace("\n  hint:", "; hint:"));
            notices.push(Msg::Notice { text, error: true });
        }
    }
}

/// Other running jgrids on this journey, and the recovery files of jgrids
/// that stopped. A recovery file whose journey is exactly the one on disk,
/// with nothing being typed or abandoned, holds nothing unsaved: it is removed.
fn discover(dir: &Path, key: &str, own: &str, journey: &Journey) -> Msg {
    let running = recovery::running(dir, Some(own));
    let live: Vec<String> = running.iter().map(|r| r.id.clone()).collect();
    let others = running.iter().filter(|r| r.key == key).map(|r| (r.pid, r.started)).collect();
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    for orphan in recovery::orphans(dir, key, &live) {
        match orphan {
            Ok((file, recovery)) => {
                let recovered = recovery.journey();
                if !recovery.holds_typing() && recovered.as_ref() == Some(journey) {
                    let _ = recovery::remove(&file);
                    continue;
                }
                found.push(Found { file, recovery, journey: recovered });
            }
            Err(file) => unreadable.push(file),
        }
    }
    Msg::Opened { others, found, unreadable }
}

/// `jgrid --recover-list`: every recovery file, whose it is, and the
/// journeys set aside on reload.
pub fn recover_list() -> Result<(), String> {
    let Some(dir) = recovery::dir() else {
        return Err("no data directory for recovery files on this system".into());
    };
    let found = recovery::list(&dir);
    let kept = recovery::kept(&dir);
    if found.is_empty() && kept.is_empty() {
        println!("No recovery files in {}", sanitize(&dir.display().to_string()));
        return Ok(());
    }
    let running = recovery::running(&dir, None);
    if !found.is_empty() {
        println!("Unsaved changes (start jgrid on the journey to recover them):");
    }
    for (file, r) in found {
        let file = sanitize(&file.display().to_string()).into_owned();
        let Some(r) = r else {
            println!("  (cannot be read; left as it is)");
            println!("      {file}");
            continue;
        };
        let journey = if r.journey_path.is_empty() { "(untitled journey)".into() } else { sanitize(&r.journey_path) };
        let typing = if r.holds_typing() { ", with a note being typed" } else { "" };
        let owner = match running.iter().find(|s| s.id == r.session) {
            Some(s) => format!(" (open in a running jgrid, pid {})", s.pid),
            None => String::new(),
        };
        println!("  {}  {journey}{typing}{owner}", readable(r.written));
        println!("      {file}");
    }
    if !kept.is_empty() {
        println!("Changes set aside when a journey was reloaded (open them with jgrid FILE):");
    }
    for file in kept {
        println!("  {}", sanitize(&file.display().to_string()));
    }
    Ok(())
}
