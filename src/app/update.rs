//! `update(app, action)`: the only place the app state changes.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command, Effect};
use super::edit::{self, Editor, LineInput, LineKind};
use super::files;
use super::keymap::{Key, KeyMode};
use super::normal;
use super::state::{App, Mode};
use crate::journey::{CellRef, Change};

/// Turn a key press into actions for the current mode. Releases are ignored
/// (Windows sends them). In edit mode an Alt+key that is not bound is the
/// tmux-style Esc-then-key: keep the edit, then the key in normal mode.
pub fn resolve_key(app: &App, event: KeyEvent) -> Vec<Action> {
    if event.kind == KeyEventKind::Release {
        return Vec::new();
    }
    let key = Key::from_event(&event);
    let mode = app.mode.key_mode();
    if matches!(app.mode, Mode::ConfirmQuit | Mode::Recover(_) | Mode::Conflict { .. } | Mode::ConfirmChange { .. }) {
        return vec![Action::Input(event)];
    }
    if let Some(command) = app.keymap.lookup(mode, key) {
        return vec![Action::Run(command)];
    }
    match (&app.mode, key.code) {
        (Mode::Edit(_), _) if key.mods.contains(KeyModifiers::ALT) => {
            let mut actions = vec![Action::Run(Command::KeepEdit)];
            let plain = Key::new(key.code, key.mods - KeyModifiers::ALT);
            actions.extend(app.keymap.lookup(KeyMode::Normal, plain).map(Action::Run));
            actions
        }
        (Mode::Edit(_) | Mode::Line(_), _) => vec![Action::Input(event)],
        (Mode::Help { .. }, _) => vec![Action::Run(Command::Cancel)],
        _ => Vec::new(),
    }
}

/// Apply one action to the state; return the side effects the shell must run.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if matches!(action, Action::Run(_) | Action::Input(_) | Action::Paste(_)) {
        app.status = None;
    }
    let revision = app.history.revision();
    let was_editing = app.editor().is_some();
    let mut effects = match action {
        Action::Run(command) => run(app, command),
        Action::Input(key) => input(app, key),
        Action::Paste(text) => {
            paste(app, &text);
            Vec::new()
        }
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
            Vec::new()
        }
        Action::Saved { path, result, then_quit } => files::saved(app, path, result, then_quit),
        Action::SaveConflict { path, then_quit } => {
            app.mode = Mode::Conflict { path, then_quit };
            Vec::new()
        }
        Action::Reloaded { result, kept } => files::reloaded(app, result, kept),
        Action::ExternalEdited { at, result } => {
            normal::external_edited(app, at, result);
            Vec::new()
        }
        Action::Click { col, row, double } => {
            normal::click(app, col, row, double);
            Vec::new()
        }
        Action::Scroll { down } => {
            normal::scroll(app, down);
            Vec::new()
        }
    };
    // Every committed change, and every end of an edit, updates the recovery file.
    if app.history.revision() != revision || (was_editing && app.editor().is_none()) {
        effects.insert(0, Effect::WriteRecovery);
        app.refresh_findings();
        if app.settings.autosave
            && app.is_modified()
            && app.editor().is_none()
            && let Some(path) = app.path.clone()
        {
            effects.push(Effect::Save { path, then_quit: false, force: false });
        }
    }
    app.scroll_to_cursor();
    effects
}

fn run(app: &mut App, command: Command) -> Vec<Effect> {
    match &app.mode {
        Mode::Edit(_) => return run_edit(app, command),
        Mode::Line(_) => return run_line(app, command),
        Mode::Help { .. } => {
            run_help(app, command);
            return Vec::new();
        }
        Mode::Normal | Mode::ConfirmQuit | Mode::Recover(_) | Mode::Conflict { .. } | Mode::ConfirmChange { .. } => {}
    }
    let last_phase = app.journey.phase_count().saturating_sub(1);
    let last_row = app.journey.row_count().saturating_sub(1);
    let c = &mut app.cursor;
    match command {
        Command::MoveLeft | Command::PrevPhase => c.phase = c.phase.saturating_sub(1),
        Command::MoveRight | Command::NextPhase => c.phase = (c.phase + 1).min(last_phase),
        Command::MoveUp => c.row = c.row.saturating_sub(1),
        Command::MoveDown => c.row = (c.row + 1).min(last_row),
        Command::FirstPhase => c.phase = 0,
        Command::LastPhase => c.phase = last_phase,
        Command::FirstRow => c.row = 0,
        Command::LastRow => c.row = last_row,
        Command::PageUp | Command::PageDown if app.zoom => {
            let page = app.height.saturating_sub(6).max(1);
            app.zoom_scroll = if command == Command::PageDown {
                app.zoom_scroll.saturating_add(page)
            } else {
                app.zoom_scroll.saturating_sub(page)
            };
        }
        Command::PageUp => {
            let page = app.rows_per_page();
            app.cursor.row = app.cursor.row.saturating_sub(page);
        }
        Command::PageDown => {
            let page = app.rows_per_page();
            app.cursor.row = (app.cursor.row + page).min(last_row);
        }
        Command::Edit => start_edit(app, false),
        Command::Append => start_edit(app, true),
        Command::Clear => {
            let at = app.cursor;
            if app.journey.cell(at).is_empty() {
                app.info("The cell is already empty");
            } else {
                change(app, Change::SetCell { at, text: String::new() });
                app.info("Cleared the cell (u undoes)");
            }
        }
        Command::Undo => match app.history.undo(&mut app.journey) {
            Some(applied) => {
                app.cursor = applied.focus(app.cursor);
                app.info("Undone");
            }
            None => app.info("Nothing to undo"),
        },
        Command::Redo => match app.history.redo(&mut app.journey) {
            Some(applied) => {
                app.cursor = applied.focus(app.cursor);
                app.info("Redone");
            }
            None => app.info("Nothing to redo"),
        },
        Command::Save => return files::save(app, None, false),
        Command::Quit => return files::quit(app),
        Command::Help => app.mode = Mode::Help { scroll: 0 },
        Command::CommandLine => app.mode = Mode::Line(Box::new(LineInput::new(LineKind::Command, ""))),
        Command::ToggleHighlight => {
            app.highlight = !app.highlight;
            app.refresh_findings();
            if app.highlight {
                let counts = crate::checks::summary(&app.findings);
                app.info(format!("Highlight on: {}; ] and [ jump between flagged cells", counts.to_words()));
            } else {
                app.info("Highlight off");
            }
        }
        Command::NextFinding => jump_to_finding(app, true),
        Command::PrevFinding => jump_to_finding(app, false),
        Command::KeepEdit | Command::AbandonEdit | Command::KeepAndSave | Command::Submit | Command::Complete => {}
        other => return normal::run(app, other),
    }
    Vec::new()
}

/// Move to the next (or previous) flagged cell in phase-major order, wrapping.
fn jump_to_finding(app: &mut App, forward: bool) {
    if !app.highlight {
        app.highlight = true;
        app.refresh_findings();
    }
    let mut cells: Vec<CellRef> = app.findings.iter().flat_map(|f| f.cells.iter().copied()).collect();
    cells.sort();
    cells.dedup();
    let key = |c: &CellRef| (c.phase, c.row);
    let here = key(&app.cursor);
    let next = if forward {
        cells.iter().find(|c| key(c) > here).or(cells.first())
    } else {
        cells.iter().rev().find(|c| key(c) < here).or(cells.last())
    };
    match next {
        Some(&at) => {
            let index = cells.iter().position(|&c| c == at).map_or(0, |i| i + 1);
            app.cursor = at;
            app.info(format!("Flagged cell {index} of {}", cells.len()));
        }
        None => app.info("No findings: nothing is flagged"),
    }
}

pub(super) fn change(app: &mut App, change: Change) {
    let focus = change.focus(app.cursor);
    match app.history.apply(&mut app.journey, change) {
        Ok(()) => app.cursor = focus,
        Err(e) => app.error(e.to_string()),
    }
}

pub(super) fn start_edit(app: &mut App, append: bool) {
    let at = app.cursor;
    let original = app.journey.cell(at);
    let text = if append && !original.is_empty() { format!("{original}\n") } else { original.to_owned() };
    app.mode = Mode::Edit(Box::new(Editor::new(at, original, &text)));
}

/// Leave edit mode, recording the edit as one change if the text changed.
fn finish_edit(app: &mut App, keep: bool) {
    let Mode::Edit(editor) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    if !editor.is_changed() {
        return;
    }
    if keep {
        change(app, Change::SetCell { at: editor.at, text: editor.text() });
    } else {
        app.info("Edit abandoned; the cell is as it was");
    }
}

fn run_edit(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::KeepEdit => finish_edit(app, true),
        Command::AbandonEdit => finish_edit(app, false),
        Command::KeepAndSave => {
            finish_edit(app, true);
            return files::save(app, None, false);
        }
        _ => {}
    }
    Vec::new()
}

fn run_help(app: &mut App, command: Command) {
    let Mode::Help { scroll } = &mut app.mode else { return };
    match command {
        Command::MoveUp => *scroll = scroll.saturating_sub(1),
        Command::MoveDown => *scroll = scroll.saturating_add(1),
        Command::PageUp => *scroll = scroll.saturating_sub(10),
        Command::PageDown => *scroll = scroll.saturating_add(10),
        _ => app.mode = Mode::Normal,
    }
}

fn run_line(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Line(line) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return Vec::new();
    };
    match command {
        Command::Submit => {
            let text = line.text();
            match line.kind {
                LineKind::Command => return command_line(app, text.trim()),
                LineKind::SaveAs { then_quit } => {
                    let path = text.trim();
                    let path = if path.is_empty() { edit::default_save_path() } else { PathBuf::from(path) };
                    return files::save(app, Some(path), then_quit);
                }
                // The cursor stays on the match it reached while typing.
                LineKind::Search { .. } => {}
            }
        }
        Command::Cancel => {
            if let LineKind::Search { origin } = line.kind {
                app.cursor = origin;
                app.search = None;
                app.info("Search cancelled");
            }
        }
        Command::Complete if line.kind == LineKind::Command => {
            let completed = super::structure::complete(&line.text());
            app.mode = Mode::Line(Box::new(LineInput::new(LineKind::Command, &completed)));
        }
        _ => app.mode = Mode::Line(line),
    }
    Vec::new()
}

/// Run a `:` command.
fn command_line(app: &mut App, line: &str) -> Vec<Effect> {
    let (cmd, arg) = match line.split_once(char::is_whitespace) {
        Some((c, a)) => (c, Some(a.trim()).filter(|a| !a.is_empty())),
        None => (line, None),
    };
    let path = arg.map(PathBuf::from);
    match cmd {
        "" => Vec::new(),
        "w" | "write" => files::save(app, path, false),
        "wq" | "x" => files::save(app, path, true),
        "q" | "quit" => files::quit(app),
        "w!" | "write!" => match path.or_else(|| app.path.clone()) {
            Some(path) => vec![Effect::Save { path, then_quit: false, force: true }],
            None => files::save(app, None, false),
        },
        "q!" | "quit!" => vec![Effect::Quit],
        "h" | "help" => {
            app.mode = Mode::Help { scroll: 0 };
            Vec::new()
        }
        other if normal::structure_command(app, other, arg.unwrap_or("")) => Vec::new(),
        other => {
            app.error(format!("Unknown command :{other} (Tab completes; :help lists them)"));
            Vec::new()
        }
    }
}

fn input(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match &mut app.mode {
        Mode::Edit(editor) => {
            editor.area.input(key);
        }
        Mode::Line(line) => {
            // A one-line prompt: Enter is bound to submit, so no newline gets in.
            line.area.input(key);
            if let LineKind::Search { origin } = line.kind {
                let pattern = line.text();
                normal::search_typed(app, &pattern, origin);
            }
        }
        Mode::ConfirmQuit => return files::confirm_quit(app, key),
        Mode::Recover(_) => return files::recover(app, key),
        Mode::Conflict { .. } => return files::conflict(app, key),
        Mode::ConfirmChange { .. } => normal::confirm_change(app, key),
        Mode::Normal | Mode::Help { .. } => {}
    }
    Vec::new()
}

fn paste(app: &mut App, text: &str) {
    match &mut app.mode {
        Mode::Edit(editor) => editor.paste(text),
        Mode::Line(line) => line.paste(text),
        Mode::Normal => {
            // A paste in the grid goes into the cell, as an edit the user can keep or abandon.
            start_edit(app, true);
            if let Mode::Edit(editor) = &mut app.mode {
                editor.paste(text);
            }
        }
        Mode::ConfirmQuit
        | Mode::Help { .. }
        | Mode::Recover(_)
        | Mode::Conflict { .. }
        | Mode::ConfirmChange { .. } => {}
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod shape_tests;
