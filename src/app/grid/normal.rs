//! What the actions do in the grid (normal mode): moving, editing cells,
//! undo, copy and paste, search, zoom, highlight mode, the external editor,
//! and shaping the grid.

use crate::app::grid::moves::movement;
use crate::app::grid::search::{Search, Target};
use crate::app::grid::structure::{self, Direction};
use crate::app::input::action::Action;
use crate::app::input::action::{Grid, Move};
use crate::app::msg::{EditorFailure, EditorText, Effect};
use crate::app::state::{App, Mode};
use crate::app::text::line_input::{LineInput, LineKind};
use crate::app::{commands, files, grid::conflicts, interview::capture, interview::inbox, interview::mood, lists};
use crate::journey::{CellRef, Change};

/// A move in the grid: the cursor, or the page of a zoomed cell.
fn move_cursor(app: &mut App, m: Move) {
    match (m, app.viewport.zoom) {
        (Move::PageUp | Move::PageDown, Some(scroll)) => {
            let page = app.viewport.height.saturating_sub(6).max(1);
            app.viewport.zoom =
                Some(if m == Move::PageDown { scroll.saturating_add(page) } else { scroll.saturating_sub(page) });
        }
        _ => app.cursor = movement(app, m),
    }
}

/// Run an action in normal mode.
pub fn run(app: &mut App, action: Action) -> Vec<Effect> {
    let grid = match action {
        Action::Move(m) => {
            move_cursor(app, m);
            return Vec::new();
        }
        Action::Grid(grid) => grid,
        Action::Cancel => return cancel(app),
        // Not bound in the grid.
        Action::Edit(_)
        | Action::Inbox(_)
        | Action::List(_)
        | Action::Answer(_)
        | Action::Submit
        | Action::Complete => {
            return Vec::new();
        }
    };
    let at = app.cursor;
    match grid {
        Grid::Edit => app.start_edit(false),
        Grid::Append => app.start_edit(true),
        Grid::Clear => {
            if app.refuse_hidden(at, "cleared") {
            } else if app.doc.journey.cell(at).is_empty() {
                app.info("The cell is already empty");
            } else {
                app.change(Change::SetCell { at, text: String::new() });
                app.info("Cleared the cell (u undoes)");
            }
        }
        Grid::Undo => app.undo(),
        Grid::Redo => app.redo(),
        Grid::Save => return files::save(app, None, false),
        Grid::Quit => return files::quit(app),
        Grid::Help => app.mode = Mode::Help { scroll: 0 },
        Grid::CommandLine => prompt(app, ""),
        Grid::ToggleHighlight => toggle_highlight(app),
        Grid::NextFinding => jump_to_finding(app, true),
        Grid::PrevFinding => jump_to_finding(app, false),
        Grid::Copy | Grid::Cut => return copy(app, grid == Grid::Cut),
        Grid::Paste => match app.workspace.clipboard.clone() {
            Some(_) if app.refuse_hidden(at, "pasted over") => {}
            Some(text) => {
                app.change(Change::SetCell { at, text });
                app.info("Pasted (u undoes)");
            }
            None => app.info("Nothing copied yet: y copies a cell, d cuts it"),
        },
        Grid::Search => app.mode = Mode::Line(Box::new(LineInput::new(LineKind::Search { origin: at }, ""))),
        Grid::SearchNext | Grid::SearchPrev => step_search(app, grid == Grid::SearchNext),
        Grid::Zoom => {
            app.viewport.zoom = if app.viewport.zoom.is_some() { None } else { Some(0) };
            app.zoom_to_match();
        }
        Grid::ExternalEditor => return vec![Effect::ExternalEdit { at, text: app.doc.journey.cell(at).to_owned() }],
        Grid::AddPhase => prompt(app, &commands::PHASE_ADD.prefilled("")),
        Grid::InsertPhase => prompt(app, &commands::PHASE_INSERT.prefilled("")),
        Grid::RenamePhase => {
            let name = app.doc.journey.phases()[at.phase].name.clone();
            prompt(app, &commands::PHASE_RENAME.prefilled(&name));
        }
        Grid::DeletePhase => app.shape(structure::delete_phase(&app.doc.journey, at)),
        Grid::MovePhaseLeft => app.shape(structure::move_phase(&app.doc.journey, at, Direction::Back)),
        Grid::MovePhaseRight => app.shape(structure::move_phase(&app.doc.journey, at, Direction::Forward)),
        Grid::AddRow => prompt(app, &commands::ROW_ADD.prefilled("")),
        Grid::RenameRow => {
            let name = app.doc.journey.rows()[at.row].clone();
            prompt(app, &commands::ROW_RENAME.prefilled(&name));
        }
        Grid::MoveRowUp => app.shape(structure::move_row(&app.doc.journey, at, Direction::Back)),
        Grid::MoveRowDown => app.shape(structure::move_row(&app.doc.journey, at, Direction::Forward)),
        Grid::EditTitle => {
            let title = app.doc.journey.title.clone();
            prompt(app, &commands::TITLE.prefilled(&title));
        }
        Grid::Capture => capture::open(app),
        Grid::RaiseMood => mood::step_mood(app, true),
        Grid::LowerMood => mood::step_mood(app, false),
        Grid::ShowInsights => lists::open(app),
        Grid::NewOpportunity => crate::app::plan::new_here(app),
        Grid::ShowPlan => crate::app::plan::open(app),
        Grid::ToggleEvidence => mood::toggle_evidence(app),
        Grid::ResolveConflict => conflicts::ask(app),
        Grid::AcceptFinding => lists::accept(app),
        Grid::ShowInbox => inbox::open(app),
        Grid::EditPersona => {
            let persona = app.doc.journey.persona.clone();
            prompt(app, &commands::PERSONA.prefilled(&persona));
        }
        Grid::ToggleOverview => app.toggle_overview(),
        Grid::ToggleFreeze => app.toggle_freeze(),
    }
    Vec::new()
}

/// Esc: leave the zoom, else clear the search; with neither, a journey
/// opened from the portfolio screen goes back to the list.
fn cancel(app: &mut App) -> Vec<Effect> {
    if app.viewport.zoom.take().is_some() {
        return Vec::new();
    }
    if app.search.take().is_some() {
        app.info("Search cleared");
        return Vec::new();
    }
    if app.workspace.from_list { files::quit(app) } else { Vec::new() }
}

/// Open the command line with some text typed already.
fn prompt(app: &mut App, text: &str) {
    app.mode = Mode::Line(Box::new(LineInput::new(LineKind::Command, text)));
}

fn copy(app: &mut App, cut: bool) -> Vec<Effect> {
    let at = app.cursor;
    let text = app.doc.journey.cell(at).to_owned();
    if text.is_empty() {
        app.info("The cell is empty; nothing was copied");
        return Vec::new();
    }
    if cut && app.refuse_hidden(at, "cut") {
        return Vec::new();
    }
    app.workspace.clipboard = Some(text.clone());
    if cut {
        app.change(Change::SetCell { at, text: String::new() });
        app.info("Cut the cell (p pastes it, u undoes)");
    } else {
        app.info("Copied the cell (p pastes it over another)");
    }
    if app.workspace.settings.osc52 { vec![Effect::Clipboard(text)] } else { Vec::new() }
}

fn toggle_highlight(app: &mut App) {
    if app.highlight_off() {
        app.info("Highlight off");
        return;
    }
    app.highlight_on();
    let counts = app.review().as_ref().map(crate::checks::Review::to_words).unwrap_or_default();
    app.info(format!("Highlight on: {counts}; ] and [ jump between flagged cells"));
}

/// Move to the next (or previous) flagged cell in phase-major order,
/// wrapping. Merge conflicts come first: while there are any, `]` and `[`
/// go through them (highlight mode or not).
fn jump_to_finding(app: &mut App, forward: bool) {
    let conflicts = !app.conflicts().is_empty();
    if !conflicts && !app.highlight() {
        app.highlight_on();
    }
    let flagged = if conflicts { app.conflicts() } else { app.findings() };
    let mut cells: Vec<CellRef> = flagged.iter().flat_map(|f| f.cells.iter().copied()).collect();
    cells.sort();
    cells.dedup();
    let here = app.cursor;
    let next = if forward {
        cells.iter().find(|&&c| c > here).or(cells.first())
    } else {
        cells.iter().rev().find(|&&c| c < here).or(cells.last())
    };
    match next {
        Some(&at) => {
            let index = cells.iter().position(|&c| c == at).map_or(0, |i| i + 1);
            app.cursor = at;
            if conflicts {
                let what = crate::merge::conflict_at(&app.doc.journey, at).map_or("", |c| c.words(&app.doc.journey));
                app.info(format!("Merge conflict {index} of {} ({what}); M resolves it", cells.len()));
            } else {
                app.info(format!("Flagged cell {index} of {}", cells.len()));
            }
        }
        None => app.info("No findings: nothing is flagged"),
    }
}

/// Search as you type: move to the first match from where the search began.
pub fn search_typed(app: &mut App, pattern: &str, origin: CellRef) {
    if pattern.is_empty() {
        app.search = None;
        app.cursor = origin;
        return;
    }
    let mut search = Search::new(&app.doc.journey, pattern);
    search.current = search.first_from(origin);
    app.cursor = match search.current.map(|i| search.matches[i]) {
        Some(Target::Cell(at)) => at,
        _ => origin,
    };
    app.info(search.describe());
    app.search = Some(search);
    app.zoom_to_match();
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
    app.zoom_to_match();
}

/// The external editor returned.
pub fn external_edited(app: &mut App, at: CellRef, result: Result<EditorText, EditorFailure>) {
    let edited = match result {
        Ok(edited) => edited,
        Err(e) => return app.error(e.to_string()),
    };
    let text = edited.text.trim_end_matches(['\n', '\r']).replace("\r\n", "\n");
    let text = app.tagged(app.doc.journey.cell(at), text);
    let changed = text != app.doc.journey.cell(at);
    if changed {
        app.change(Change::SetCell { at, text });
    }
    match (&edited.not_utf8, changed) {
        (Some(kept), _) => {
            app.error(format!("Kept {}: its text was not UTF-8 (bad bytes show as �; u undoes)", kept.display()))
        }
        (None, true) => app.info("Took the text from the editor (u undoes)"),
        (None, false) => app.info("The editor left the cell unchanged"),
    }
}
