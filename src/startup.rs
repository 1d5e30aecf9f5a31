//! Starting the editor: load the journey (or start a new one) without
//! touching the terminal, mark this jgrid as running, and find what earlier
//! or other jgrids left for this journey: other running sessions, and
//! recovery files no running jgrid owns. Also `--recover-list`.

use std::path::Path;
use std::process::ExitCode;

use crate::app::{Discovered, Found, Keymap, Msg, OnDisk, Opening, Settings};
use crate::journey::{Journey, readable};
use crate::recovery::{self, RecoveryTarget, Session};
use crate::stdout::Stdout;
use crate::store::{self, LoadError};
use crate::subcommands::CliError;
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
    let mut unmerged = None;
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
            Err(LoadError::Format(e)) => match git_conflict(path) {
                Some(Ok((u, hash))) => {
                    let conflicts = u.merged.conflicts.len();
                    unmerged = Some((question(path, &u), conflicts));
                    (u.merged.journey, OnDisk::Hash(hash), store::is_read_only(path))
                }
                Some(Err(why)) => return Err(format!("{}{why}", without_hint(&LoadError::Format(e).render(path)))),
                None => return Err(LoadError::Format(e).render(path)),
            },
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
            let opened = discover(dir, &key, &session.id, &journey, path);
            (Some(target), opened)
        }
        _ => (None, Discovered::default()),
    };
    let Discovered { others, found, unreadable } = opened;
    let opened = match unmerged {
        Some((text, conflicts)) => Msg::Unmerged { text, conflicts, others, found, unreadable },
        None => Msg::Opened { others, found, unreadable },
    };
    let path = path.map(Path::to_path_buf);
    let opening = Opening { journey, path, on_disk, read_only, recovery, keymap, settings, source, from_list: false };
    Ok(Started { opening, session, notices, opened })
}

/// A file that does not load may hold git's conflict markers (git merged
/// it line by line, without jgrid): then jgrid's cell-by-cell merge of its
/// versions, with the hash of the file as it is; or why that merge cannot
/// be made, as the hint to show. `None` when it holds no markers.
fn git_conflict(path: &Path) -> Option<Result<(crate::unmerged::Unmerged, u64), String>> {
    let bytes = store::read(path).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let file = sanitize(&path.display().to_string()).into_owned();
    Some(match crate::unmerged::resolve(path, text)? {
        Ok(u) => Ok((u, store::content_hash(&bytes))),
        Err(why) => Err(format!(
            "\n  hint: it holds git's conflict markers (git merged it line by line, without jgrid), but {why}; fix it in a text editor, or take one side whole: git checkout --ours -- {file}"
        )),
    })
}

/// A load error's message without its hint line.
fn without_hint(message: &str) -> &str {
    &message[..message.find("\n  hint:").unwrap_or(message.len())]
}

/// The question asked at start about a journey merged from git's markers.
fn question(path: &Path, u: &crate::unmerged::Unmerged) -> String {
    let file = crate::text::one_line(&path.display().to_string()).into_owned();
    let left = match u.merged.conflicts.len() {
        0 => "no conflict is left".to_owned(),
        1 => "1 conflict is left, marked where it is".to_owned(),
        n => format!("{n} conflicts are left, marked where they are"),
    };
    format!(
        "{file} holds git's conflict markers: git merged it line by line, without jgrid, so it does not load as it is. jgrid merged it cell by cell {}: {left}. The file is not changed until you save.",
        u.source.words()
    )
}

/// The message for a journey that does not load, when the editor cannot
/// start (no terminal): a file with git's conflict markers says how to merge it.
pub fn load_error(path: &Path, e: &LoadError) -> String {
    let has_markers =
        || store::read(path).ok().is_some_and(|b| std::str::from_utf8(&b).is_ok_and(crate::unmerged::has_git_markers));
    match e {
        LoadError::Format(_) if has_markers() => format!(
            "{}\n  hint: it holds git's conflict markers (git merged it line by line, without jgrid): jgrid resolve {} merges it cell by cell",
            without_hint(&e.render(path)),
            crate::text::one_line(&path.display().to_string())
        ),
        _ => e.render(path),
    }
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
/// Also after another jgrid handed the journey over.
pub fn discover(dir: &Path, key: &str, own: &str, journey: &Journey, journey_file: Option<&Path>) -> Discovered {
    let running = recovery::running(dir, Some(own));
    let live: Vec<String> = running.iter().map(|r| r.id.clone()).collect();
    let others = recovery::handover::others(dir, key, &running);
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    for orphan in recovery::orphans(dir, key, &live) {
        match orphan {
            Ok((file, recovery)) => {
                // A session's last word that nothing was unsaved (it stopped before removing it).
                if !recovery.holds_unsaved()
                    && recovery::remove_saved(&file, journey_file).is_ok_and(|r| r == recovery::Removal::Removed)
                {
                    continue;
                }
                let checked = recovery::check(&recovery);
                // Nothing unsaved in it (the journey on disk is the same): it goes.
                if !recovery.holds_typing()
                    && checked.problems.is_empty()
                    && (!recovery.modified || checked.journey.as_ref() == Some(journey))
                    && recovery::remove_saved(&file, journey_file).is_ok_and(|r| r == recovery::Removal::Removed)
                {
                    continue;
                }
                found.push(Found { file, recovery, journey: checked.journey, problems: checked.problems });
            }
            Err(unread) => unreadable.push(unread),
        }
    }
    Discovered { others, found, unreadable }
}

/// `jgrid --print-config-path`: where the config file is read from. A path
/// holding control characters (`ESC ] 0 ;` would retitle the terminal) or
/// newlines is printed with visible placeholders, as every other path, and
/// the command then says so and exits 1: the line printed is not the path.
pub fn print_config_path(path: Option<&Path>) -> Result<ExitCode, CliError> {
    let Some(path) = path else {
        crate::stdout::print("(no config directory on this system; set JGRID_CONFIG)\n")?;
        return Ok(ExitCode::SUCCESS);
    };
    let raw = path.display().to_string();
    let shown = crate::text::one_line_path(path);
    crate::stdout::print(&format!("{shown}\n"))?;
    if shown == raw {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "jgrid: the path holds control characters or newlines, shown as placeholders; it cannot be used as printed"
    );
    Ok(ExitCode::from(1))
}

/// `jgrid --recover-list`: every recovery file, whose it is, and the
/// journeys set aside on reload.
pub fn recover_list() -> Result<(), CliError> {
    let Some(dir) = recovery::dir() else {
        return Err(CliError::Other("no data directory for recovery files on this system".into()));
    };
    let found = recovery::list(&dir);
    let kept = recovery::kept(&dir);
    let damaged = recovery::damaged(&dir);
    let mut out = Stdout::lock();
    if found.is_empty() && kept.is_empty() && damaged.is_empty() {
        out.line(format_args!("No recovery files in {}", sanitize(&dir.display().to_string())))?;
        return Ok(out.finish()?);
    }
    let running = recovery::running(&dir, None);
    if !found.is_empty() {
        out.line("Unsaved changes (start jgrid on the journey to recover them):")?;
    }
    for (file, r) in found {
        let file = crate::text::one_line_path(&file);
        let r = match r {
            Ok(r) => r,
            Err(why) => {
                out.line(format_args!("  (cannot be read; left as it is: {why})"))?;
                out.line(format_args!("      {file}"))?;
                continue;
            }
        };
        let journey = if r.journey_path.is_empty() { "(untitled journey)".into() } else { sanitize(&r.journey_path) };
        let typing = match (r.undone.is_empty(), r.holds_typing()) {
            (false, _) => ", with recovered changes that were undone",
            (true, true) => ", with a note being typed",
            (true, false) => "",
        };
        let owner = match running.iter().find(|s| s.id == r.session) {
            Some(s) => format!(" (open in a running jgrid, pid {})", s.pid),
            None => String::new(),
        };
        out.line(format_args!("  {}  {journey}{typing}{owner}", readable(r.written)))?;
        out.line(format_args!("      {file}"))?;
    }
    if !kept.is_empty() {
        out.line("Changes set aside when a journey was reloaded (open them with jgrid FILE):")?;
    }
    for file in kept {
        out.line(format_args!("  {}", sanitize(&file.display().to_string())))?;
    }
    if !damaged.is_empty() {
        out.line("Recovery files with damaged parts, kept whole (what could be used was recovered):")?;
    }
    for file in damaged {
        out.line(format_args!("  {}", crate::text::one_line_path(&file)))?;
    }
    Ok(out.finish()?)
}
