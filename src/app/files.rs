//! Saving, quitting, and the questions around them: unsaved changes on quit,
//! a recovery file found at start, a file changed on disk.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Effect;
use super::edit::{Editor, LineInput, LineKind};
use super::history::History;
use super::state::{App, Mode};
use crate::journey::{CellRef, Change, Journey};
use crate::recovery;

/// Save to `path`, or to the journey's own path; an untitled journey asks for one.
pub fn save(app: &mut App, path: Option<PathBuf>, then_quit: bool) -> Vec<Effect> {
    match path.or_else(|| app.path.clone()) {
        Some(path) => vec![Effect::Save { path, then_quit, force: false }],
        None => {
            app.mode = Mode::Line(Box::new(LineInput::new(LineKind::SaveAs { then_quit }, "")));
            Vec::new()
        }
    }
}

/// Quit, asking first when there are unsaved changes.
pub fn quit(app: &mut App) -> Vec<Effect> {
    if app.is_modified() {
        app.mode = Mode::ConfirmQuit;
        Vec::new()
    } else {
        vec![Effect::Quit]
    }
}

pub fn saved(app: &mut App, path: PathBuf, result: Result<u64, String>, then_quit: bool) -> Vec<Effect> {
    match result {
        Ok(hash) => {
            app.history.mark_saved();
            app.new_file = false;
            app.disk_hash = Some(hash);
            app.info(format!("Saved {}", path.display()));
            app.path = Some(path);
            // Nothing is unsaved now, so the recovery file goes.
            let mut effects = vec![Effect::WriteRecovery];
            if then_quit {
                effects.push(Effect::Quit);
            }
            effects
        }
        Err(reason) => {
            app.error(format!("Not saved ({reason}): changes kept; :w FILE saves elsewhere"));
            Vec::new()
        }
    }
}

/// The answer to "Unsaved changes: save before quitting?".
pub fn confirm_quit(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    app.mode = Mode::Normal;
    match key.code {
        KeyCode::Char('y' | 'Y' | 's' | 'S') => save(app, None, true),
        KeyCode::Char('n' | 'N' | 'd' | 'D') => vec![Effect::Quit],
        _ => {
            app.info("Quit cancelled");
            Vec::new()
        }
    }
}

/// The answer to "unsaved changes from an earlier session were found".
pub fn recover(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Mode::Recover(found) = std::mem::replace(&mut app.mode, Mode::Normal) else { return Vec::new() };
    let when = crate::journey::readable(found.written);
    match key.code {
        KeyCode::Char('r' | 'R') | KeyCode::Enter => {
            let Some(journey) = found.journey() else {
                app.error("The recovery file is damaged and was left as it is; see jgrid --recover-list");
                return Vec::new();
            };
            super::update::change(app, Change::Replace(Box::new(journey)));
            app.cursor = found.cursor();
            app.scroll_to_cursor();
            if let Some(e) = &found.editing {
                let at = CellRef::new(e.phase, e.row);
                if app.journey.contains(at) {
                    app.cursor = at;
                    let original = app.journey.cell(at).to_owned();
                    app.mode = Mode::Edit(Box::new(Editor::new(at, &original, &e.text)));
                }
            }
            app.info(format!("Recovered the unsaved changes from {when}; Ctrl-s saves them"));
            Vec::new()
        }
        KeyCode::Char('d' | 'D') => {
            app.info(format!("Discarded the unsaved changes from {when}"));
            vec![Effect::DiscardRecovery]
        }
        KeyCode::Char('q' | 'Q') => vec![Effect::QuitKeepingRecovery],
        _ => {
            app.mode = Mode::Recover(found);
            Vec::new()
        }
    }
}

/// How many cells differ between a recovery and the journey on disk, for the question.
pub fn recovery_summary(app: &App, found: &recovery::Recovery) -> String {
    let mut parts = Vec::new();
    if let Some(journey) = found.journey() {
        let changed = changed_cells(&app.journey, &journey);
        if changed > 0 {
            parts.push(format!("{changed} cell{} changed", if changed == 1 { "" } else { "s" }));
        }
        if journey.rows() != app.journey.rows() || journey.phase_count() != app.journey.phase_count() {
            parts.push("phases or rows changed".to_owned());
        }
    }
    if found.editing.is_some() {
        parts.push("a note was being typed".to_owned());
    }
    if parts.is_empty() { "changes".to_owned() } else { parts.join(", ") }
}

fn changed_cells(a: &Journey, b: &Journey) -> usize {
    let phases = a.phase_count().max(b.phase_count());
    let rows = a.row_count().max(b.row_count());
    (0..phases).flat_map(|p| (0..rows).map(move |r| CellRef::new(p, r))).filter(|&at| a.cell(at) != b.cell(at)).count()
}

/// The answer to "the file changed on disk".
pub fn conflict(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Mode::Conflict { path, then_quit } = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return Vec::new();
    };
    let own_file = app.path.as_ref() == Some(&path);
    match key.code {
        KeyCode::Char('o' | 'O') => vec![Effect::Save { path, then_quit, force: true }],
        KeyCode::Char('r' | 'R') if own_file => vec![Effect::Reload],
        KeyCode::Char('w' | 'W') => {
            app.mode = Mode::Line(Box::new(LineInput::new(LineKind::SaveAs { then_quit }, "")));
            Vec::new()
        }
        _ => {
            app.info("Not saved; your changes are kept. :w FILE saves them elsewhere");
            Vec::new()
        }
    }
}

pub fn reloaded(app: &mut App, result: Result<(Box<Journey>, u64), String>, kept: Option<PathBuf>) -> Vec<Effect> {
    match result {
        Ok((journey, hash)) => {
            app.journey = *journey;
            app.history = History::saved();
            app.refresh_findings();
            app.disk_hash = Some(hash);
            app.mode = Mode::Normal;
            let kept = if kept.is_some() { "; your changes are kept (jgrid --recover-list)" } else { "" };
            app.info(format!("Reloaded from disk{kept}"));
        }
        Err(reason) => app.error(format!("Could not reload: {reason}. Your changes are still here")),
    }
    Vec::new()
}
