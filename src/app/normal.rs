//! Normal-mode commands beyond moving and editing: copy and paste, search,
//! zoom, the external editor, structure edits, and the mouse.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::{Command, Effect};
use super::edit::{LineInput, LineKind};
use super::search::{Search, Target};
use super::state::{App, Mode};
use super::structure::{self, Outcome};
use super::update::{change, start_edit};
use crate::journey::{CellRef, Change};

/// Run a normal-mode command that `update` does not handle itself.
pub fn run(app: &mut App, command: Command) -> Vec<Effect> {
    let at = app.cursor;
    match command {
        Command::Copy | Command::Cut => {
            let text = app.journey.cell(at).to_owned();
            if text.is_empty() {
                app.info("The cell is empty; nothing was copied");
                return Vec::new();
            }
            app.clipboard = Some(text.clone());
            if command == Command::Cut {
                change(app, Change::SetCell { at, text: String::new() });
                app.info("Cut the cell (p pastes it, u undoes)");
            } else {
                app.info("Copied the cell (p pastes it over another)");
            }
            if app.settings.osc52 {
                return vec![Effect::Clipboard(text)];
            }
        }
        Command::Paste => match app.clipboard.clone() {
            Some(text) => {
                change(app, Change::SetCell { at, text });
                app.info("Pasted (u undoes)");
            }
            None => app.info("Nothing copied yet: y copies a cell, d cuts it"),
        },
        Command::Search => {
            let line = LineInput::new(LineKind::Search { origin: at }, "");
            app.mode = Mode::Line(Box::new(line));
        }
        Command::SearchNext | Command::SearchPrev => step_search(app, command == Command::SearchNext),
        Command::Zoom => {
            app.zoom = !app.zoom;
            app.zoom_scroll = 0;
        }
        Command::Cancel => {
            if app.zoom {
                app.zoom = false;
            } else if app.search.take().is_some() {
                app.info("Search cleared");
            }
        }
        Command::ExternalEditor => {
            return vec![Effect::ExternalEdit { at, text: app.journey.cell(at).to_owned() }];
        }
        Command::AddPhase => prompt(app, "phase add "),
        Command::InsertPhase => prompt(app, "phase insert "),
        Command::RenamePhase => {
            let name = app.journey.phases()[at.phase].name.clone();
            prompt(app, &format!("phase rename {name}"));
        }
        Command::DeletePhase => {
            structure_command(app, "phase", "delete");
        }
        Command::MovePhaseLeft => {
            structure_command(app, "phase", "move left");
        }
        Command::MovePhaseRight => {
            structure_command(app, "phase", "move right");
        }
        Command::AddRow => prompt(app, "row add "),
        Command::RenameRow => {
            let name = app.journey.rows()[at.row].clone();
            prompt(app, &format!("row rename {name}"));
        }
        Command::MoveRowUp => {
            structure_command(app, "row", "move up");
        }
        Command::MoveRowDown => {
            structure_command(app, "row", "move down");
        }
        Command::EditTitle => {
            let title = app.journey.title.clone();
            prompt(app, &format!("title {title}"));
        }
        Command::EditPersona => {
            let persona = app.journey.persona.clone();
            prompt(app, &format!("persona {persona}"));
        }
        _ => {}
    }
    Vec::new()
}

/// Open the command line with some text typed already.
fn prompt(app: &mut App, text: &str) {
    app.mode = Mode::Line(Box::new(LineInput::new(LineKind::Command, text)));
}

/// Run a structure command (`phase …`, `row …`, `title …`, `persona …`);
/// false when `cmd` is not one.
pub fn structure_command(app: &mut App, cmd: &str, rest: &str) -> bool {
    let Some(outcome) = structure::command(&app.journey, app.cursor, cmd, rest) else { return false };
    match outcome {
        Outcome::Apply(c) => {
            let what = describe(&c);
            change(app, c);
            if app.status.as_ref().is_none_or(|s| !s.error) {
                app.info(format!("{what} (u undoes)"));
            }
        }
        Outcome::Confirm { question, change } => app.mode = Mode::ConfirmChange { question, change },
        Outcome::Error(e) => app.error(e),
    }
    true
}

fn describe(change: &Change) -> &'static str {
    match change {
        Change::InsertPhase { .. } => "Phase added",
        Change::RemovePhase { .. } => "Phase deleted",
        Change::RenamePhase { .. } => "Phase renamed",
        Change::MovePhase { .. } => "Phase moved",
        Change::InsertRow { .. } => "Row added",
        Change::RemoveRow { .. } => "Row deleted",
        Change::RenameRow { .. } => "Row renamed",
        Change::MoveRow { .. } => "Row moved",
        Change::SetTitle(_) => "Title changed",
        Change::SetPersona(_) => "Persona changed",
        Change::Batch(changes) => changes.first().map_or("Changed", describe),
        _ => "Changed",
    }
}

/// The answer to "delete this phase/row with text?".
pub fn confirm_change(app: &mut App, key: KeyEvent) {
    let Mode::ConfirmChange { change: c, .. } = std::mem::replace(&mut app.mode, Mode::Normal) else { return };
    if let KeyCode::Char('y' | 'Y') = key.code {
        let what = describe(&c);
        change(app, c);
        app.info(format!("{what} (u undoes)"));
    } else {
        app.info("Nothing was deleted");
    }
}

/// Search as you type: move to the first match from where the search began.
pub fn search_typed(app: &mut App, pattern: &str, origin: CellRef) {
    if pattern.is_empty() {
        app.search = None;
        app.cursor = origin;
        return;
    }
    let mut search = Search::new(&app.journey, pattern);
    search.current = search.first_from(origin);
    app.cursor = match search.current.map(|i| search.matches[i]) {
        Some(Target::Cell(at)) => at,
        _ => origin,
    };
    app.info(search.describe());
    app.search = Some(search);
}

fn step_search(app: &mut App, forward: bool) {
    let Some(search) = &mut app.search else {
        app.info("No search yet: / searches");
        return;
    };
    if let Some(Target::Cell(at)) = search.step(forward) {
        app.cursor = at;
    }
    let text = search.describe();
    app.info(text);
}

/// A click selects the cell under the mouse; a double click edits it.
pub fn click(app: &mut App, col: u16, row: u16, double: bool) {
    if !matches!(app.mode, Mode::Normal) {
        return;
    }
    let layout = app.layout();
    let top = super::layout::Chrome::for_height(app.height).top();
    let Some(phase) = layout.cols.iter().find(|c| col + 1 >= c.x && col < c.x + c.width).map(|c| c.phase) else {
        return;
    };
    let body_y = row.checked_sub(top + 2);
    let row_index = match body_y {
        // The phase header selects the phase and keeps the row.
        None if row >= top => Some(app.cursor.row),
        None => None,
        Some(y) => layout.rows.iter().find(|r| y >= r.y && y < r.y + r.height).map(|r| r.row),
    };
    let Some(r) = row_index else { return };
    app.cursor = CellRef::new(phase, r);
    if double {
        start_edit(app, false);
    }
}

/// The wheel moves the cursor a row (scrolling the grid with it).
pub fn scroll(app: &mut App, down: bool) {
    if app.zoom {
        app.zoom_scroll = if down { app.zoom_scroll.saturating_add(1) } else { app.zoom_scroll.saturating_sub(1) };
        return;
    }
    if !matches!(app.mode, Mode::Normal) {
        return;
    }
    let last = app.journey.row_count().saturating_sub(1);
    app.cursor.row = if down { (app.cursor.row + 1).min(last) } else { app.cursor.row.saturating_sub(1) };
}

/// The external editor returned.
pub fn external_edited(app: &mut App, at: CellRef, result: Result<String, String>) {
    match result {
        Ok(text) => {
            let text = text.trim_end_matches(['\n', '\r']).replace("\r\n", "\n");
            if text == app.journey.cell(at) {
                app.info("The editor left the cell unchanged");
            } else {
                change(app, Change::SetCell { at, text });
                app.info("Took the text from the editor (u undoes)");
            }
        }
        Err(e) => app.error(e),
    }
}
