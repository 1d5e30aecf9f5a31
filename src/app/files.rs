//! Saving, quitting, reloading and recovering, and the questions they ask:
//! unsaved changes on quit, a recovery file found at start, a file changed
//! on disk. The answers are carried out in `answers.rs`.

use std::path::PathBuf;

use crate::app::history::History;
use crate::app::msg::{Effect, ReloadFailure, SaveFailure};
use crate::app::questions::{About, Discovered, Found, Question};
use crate::app::state::{App, Mode, OnDisk};
use crate::app::text::line_input::{LineInput, LineKind};
use crate::journey::{CellRef, Journey, readable};
use crate::recovery::{Holds, Other, RecoveryTarget};
use crate::text::sanitize;

/// Save to `path`, or to the journey's own path; an untitled journey asks for one.
pub fn save(app: &mut App, path: Option<PathBuf>, then_quit: bool) -> Vec<Effect> {
    match path.map(|p| with_toml(app, p)).or_else(|| app.doc.path.clone()) {
        Some(path) if app.doc.read_only && app.doc.path.as_ref() == Some(&path) => {
            app.error("Read-only: nothing saved; :w! saves anyway, :w FILE saves elsewhere");
            Vec::new()
        }
        Some(path) => vec![Effect::Save { path, then_quit, force: false }],
        None => {
            ask_path(app, then_quit);
            Vec::new()
        }
    }
}

/// A name to save under that has no extension gets `.toml`, and the next
/// "Saved" says so; the journey's own file keeps its name, whatever it is.
pub fn with_toml(app: &mut App, path: PathBuf) -> PathBuf {
    let is_dir = path.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR);
    if path.extension().is_some() || path.file_name().is_none() || is_dir || app.doc.path.as_ref() == Some(&path) {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".toml");
    app.doc.save_note = Some(" (.toml added to the name)".to_owned());
    PathBuf::from(name)
}

/// Ask for a path to save to.
pub fn ask_path(app: &mut App, then_quit: bool) {
    app.mode = Mode::Line(Box::new(LineInput::new(LineKind::SaveAs { then_quit }, "")));
}

/// Quit, asking first when there are unsaved changes, or text that is in
/// no file but the recovery file (recovered changes that were undone, an
/// edit abandoned with Ctrl-c).
pub fn quit(app: &mut App) -> Vec<Effect> {
    if app.is_modified() {
        app.ask(Question::new("Unsaved changes: save before quitting?", About::Quit));
        return Vec::new();
    }
    let what = match (app.doc.recovered.first_undone(&app.doc.history), app.doc.history.abandoned()) {
        (Some(when), _) => format!("The changes recovered from {when} were undone (Ctrl-r brings them back)"),
        (None, Some(_)) => "An edit abandoned with Ctrl-c (u brings it back)".to_owned(),
        (None, None) => return vec![Effect::Quit],
    };
    let text = format!("{what} and are in no file but the recovery file.");
    app.ask(Question::new(text, About::Unsaved));
    Vec::new()
}

/// Quit, discarding what is unsaved: the user said so in words.
pub fn quit_discarding(app: &mut App) -> Vec<Effect> {
    app.doc.recovered.discard();
    vec![Effect::QuitDiscarding]
}

/// The shell finished a save.
pub fn saved(
    app: &mut App,
    path: PathBuf,
    result: Result<u64, SaveFailure>,
    then_quit: bool,
    recovery: Option<RecoveryTarget>,
) -> Vec<Effect> {
    match result {
        Ok(hash) => {
            app.doc.history.mark_saved();
            app.doc.recovered.saved(&app.doc.history);
            app.doc.on_disk = OnDisk::Hash(hash);
            let note = app.doc.save_note.take().unwrap_or_default();
            app.info(format!("Saved {}{note}", path.display()));
            app.doc.path = Some(path);
            if recovery.is_some() {
                app.workspace.recovery = recovery;
            }
            // Nothing is unsaved now, so the recovery file goes (unless text in no file is left).
            let mut effects = vec![Effect::WriteRecovery];
            if then_quit {
                effects.extend(quit(app));
            }
            effects
        }
        Err(reason) => {
            app.doc.save_note = None;
            app.error(format!("Not saved ({reason}): changes kept; :w FILE saves elsewhere"));
            Vec::new()
        }
    }
}

/// The file changed on disk (or another file is where a save would go).
pub fn conflict(app: &mut App, path: PathBuf, then_quit: bool) {
    let target = sanitize(&path.display().to_string()).into_owned();
    let own_file = app.doc.path.as_ref() == Some(&path);
    let text = if own_file {
        format!("{target} changed on disk since you opened it. Saving now would overwrite those changes.")
    } else {
        format!("{target} already exists.")
    };
    app.ask(Question::new(text, About::Save { path, then_quit, own_file }));
}

/// At start: say when another jgrid has the journey open, and whether it
/// holds unsaved changes, then offer the recovery files that no running
/// jgrid owns, one at a time.
pub fn opened(app: &mut App, others: Vec<Other>, found: Vec<Found>, unreadable: Vec<(PathBuf, String)>) {
    if let Some((_, why)) = unreadable.first() {
        app.error(format!(
            "A recovery file for this journey could not be read ({why}); it was left as it is (jgrid --recover-list)"
        ));
    }
    if others.is_empty() {
        return ask_recovery(app, found);
    }
    let file = sanitize(&app.file_label()).into_owned();
    let who: Vec<String> = others
        .iter()
        .map(|o| {
            let new = if o.newcomer { ", started with this one" } else { "" };
            format!("pid {}, since {}{new}", o.pid, readable(o.started))
        })
        .collect();
    let unsaved = others.iter().filter(|o| o.holds != Holds::Nothing).count();
    let holds = match others.iter().find(|o| o.holds != Holds::Nothing).map(|o| &o.holds) {
        None if others.len() == 1 => "It holds no unsaved changes.".to_owned(),
        None => "They hold no unsaved changes.".to_owned(),
        Some(Holds::Changes { typing }) => {
            let typing = if *typing { ", with a note being typed" } else { "" };
            let which = if others.len() == 1 { "It holds".to_owned() } else { format!("{unsaved} of them hold") };
            format!("{which} unsaved changes{typing}: take them over to recover them here.")
        }
        Some(Holds::Unknown(why)) => format!("It may hold unsaved changes (its recovery file cannot be read: {why})."),
        Some(Holds::Nothing) => String::new(),
    };
    let text = format!("{file} is already open in another jgrid ({}). {holds}", who.join("; "));
    app.ask(Question::new(text, About::Open { others, then: found }));
}

/// `take over` was answered: the shell asks the others and waits; this is
/// what the status line says meanwhile.
pub fn asking_to_hand_over(app: &mut App, others: &[Other]) {
    let pids: Vec<String> = others.iter().map(|o| o.pid.to_string()).collect();
    let wait = crate::recovery::handover::WAIT.as_secs();
    app.info(format!(
        "Asking pid {} to write its unsaved changes and quit (waiting up to {wait} s)...",
        pids.join(", ")
    ));
}

/// The other jgrids were asked to hand the journey over: say what failed,
/// then ask about what is there now, as at start (a recovery file each
/// handed over, offered as after a crash; the ones still running).
pub fn taken_over(app: &mut App, failures: Vec<String>, now: Discovered) {
    let nothing = now.found.is_empty();
    // New jgrids that hold nothing are left be; the question is not asked again for them.
    let newcomers: Vec<String> = now.others.iter().filter(|o| o.newcomer).map(|o| o.pid.to_string()).collect();
    let asked_again = !failures.is_empty() || newcomers.len() < now.others.len();
    if !asked_again {
        opened(app, Vec::new(), now.found, now.unreadable);
    } else {
        opened(app, now.others, now.found, now.unreadable);
    }
    match failures.first() {
        Some(first) => app.error(format!("Not taken over: {first}")),
        None if asked_again => app.info("Another jgrid has the journey open now: take over again to ask it too"),
        None if !newcomers.is_empty() => app.info(format!(
            "pid {} started with this jgrid and holds nothing; it keeps the journey open too",
            newcomers.join(", ")
        )),
        None if nothing => app.info("The other jgrid quit; it held no unsaved changes. The journey is yours"),
        None => app.info("The other jgrid wrote what it held and quit: recover it here"),
    }
}

/// Ask about the first of these recovery files (the newest), keeping the rest for later questions.
pub fn ask_recovery(app: &mut App, mut found: Vec<Found>) {
    if found.is_empty() {
        return;
    }
    let first = found.remove(0);
    let file = sanitize(&app.file_label()).into_owned();
    let more = match found.len() {
        0 => String::new(),
        n => format!(" {n} more recovery file{} after this one.", if n == 1 { "" } else { "s" }),
    };
    let text = format!(
        "jgrid was stopped on {} with unsaved changes to {file} ({}).{more}",
        readable(first.recovery.written),
        summary(&app.doc.journey, &first)
    );
    app.ask(Question::new(text, About::Recovery { found: Box::new(first), more: found }));
}

/// How many cells differ between a recovery and the journey on disk.
fn summary(journey: &Journey, found: &Found) -> String {
    let mut parts = Vec::new();
    if let Some(recovered) = &found.journey {
        let changed = changed_cells(journey, recovered);
        if changed > 0 {
            parts.push(format!("{changed} cell{} changed", if changed == 1 { "" } else { "s" }));
        }
        if recovered.rows() != journey.rows() || recovered.phase_count() != journey.phase_count() {
            parts.push("phases or rows changed".to_owned());
        }
        let notes = recovered.inbox.iter().filter(|n| !journey.inbox.contains(n)).count();
        if notes > 0 {
            parts.push(format!("{notes} captured note{}", if notes == 1 { "" } else { "s" }));
        }
    } else {
        parts.push("part of it is damaged".to_owned());
    }
    let r = &found.recovery;
    if r.editing.is_some() || r.capturing.is_some() || r.command.is_some() || r.prompt.is_some() {
        parts.push("a note was being typed".to_owned());
    }
    if !r.undone.is_empty() {
        parts.push("recovered changes that were undone, one Ctrl-r away".to_owned());
    }
    if found.recovery.abandoned.is_some() {
        parts.push("an abandoned edit, one u away".to_owned());
    }
    let parts = if parts.is_empty() { "changes".to_owned() } else { parts.join(", ") };
    match found.problems.first() {
        None => parts,
        Some(first) => format!("{parts}; damaged: {first}"),
    }
}

fn changed_cells(a: &Journey, b: &Journey) -> usize {
    let phases = a.phase_count().max(b.phase_count());
    let rows = a.row_count().max(b.row_count());
    (0..phases).flat_map(|p| (0..rows).map(move |r| CellRef::new(p, r))).filter(|&at| a.cell(at) != b.cell(at)).count()
}

/// The shell loaded the file from disk again.
pub fn reloaded(app: &mut App, result: Result<(Box<Journey>, u64), ReloadFailure>, kept: Option<PathBuf>) {
    match result {
        Ok((journey, hash)) => {
            // The portfolio's rules stay: they are the folder's, not the file's.
            let shared = std::mem::take(&mut app.doc.journey.shared);
            app.doc.journey = *journey;
            app.doc.journey.shared = shared;
            app.doc.history = History::saved();
            // What was unsaved, recovered changes too, is in the kept files now.
            app.doc.recovered.discard();
            app.refresh_findings();
            app.doc.on_disk = OnDisk::Hash(hash);
            app.mode = Mode::Normal;
            let kept = if kept.is_some() { "; your changes are kept (jgrid --recover-list)" } else { "" };
            app.info(format!("Reloaded from disk{kept}"));
        }
        Err(reason) => app.error(format!("Could not reload: {reason}. Your changes are still here")),
    }
}
