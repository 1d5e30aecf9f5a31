//! `update(app, msg)`: the only place the app state changes. Keys become
//! messages through the keymap (`resolve_key`); each message is handed to
//! the handler of the current mode; side effects come back as `Effect`s.

use crate::app::input::action::{Edit, Move};
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::input::action::Action;
use crate::app::input::keymap::Key;
use crate::app::msg::{Effect, Msg};
use crate::app::state::{App, Mode};
use crate::app::text::line_input::{self, LineInput, LineKind};
use crate::app::{
    commands, files, grid::normal, input::mouse, interview::capture, interview::inbox, lists, plan, questions::answers,
};

/// Turn a key press into messages for the current mode. Releases are ignored
/// (Windows sends them). In edit mode an Alt+key that is not bound is the
/// tmux-style Esc-then-key: keep the edit, then the key in normal mode (in
/// normal mode: Esc, then the key). While
/// a question is asked, a key that is no answer does what the question says
/// (or nothing, and the question waits).
pub fn resolve_key(app: &App, event: KeyEvent) -> Vec<Msg> {
    if event.kind == KeyEventKind::Release {
        return Vec::new();
    }
    let key = Key::from_event(&event);
    let mode = app.mode.key_mode();
    if let Some(action) = app.workspace.keymap.lookup(mode, key) {
        return vec![Msg::Run(action)];
    }
    // A quick Esc then a key can arrive as Alt+key (tmux, a slow link): Esc,
    // then the key in the mode Esc leads to.
    let typing = matches!(app.mode, Mode::Edit(_) | Mode::Line(_) | Mode::Normal);
    if typing && key.mods.contains(KeyModifiers::ALT) && !is_line_editing(&app.mode, key) {
        let esc = app.workspace.keymap.lookup(mode, Key::code(KeyCode::Esc));
        let plain = KeyEvent::new(event.code, event.modifiers - KeyModifiers::ALT);
        return esc.map(Msg::Run).into_iter().chain([Msg::Key(plain)]).collect();
    }
    match (&app.mode, key.code) {
        (Mode::Ask(question), _) => question.spec().otherwise.map(Msg::Run).into_iter().collect(),
        (Mode::Edit(_) | Mode::Line(_), _) => vec![Msg::Input(event)],
        (Mode::Help { .. }, _) => vec![Msg::Run(Action::Cancel)],
        // An unbound key does nothing in the grid, a panel or a list.
        (Mode::Normal | Mode::Inbox { .. } | Mode::Place { .. } | Mode::List(_) | Mode::Present(_), _) => Vec::new(),
    }
}

/// Apply one message to the state; return the side effects the shell must run.
/// Alt+b, Alt+f, Alt+Left and Alt+Right move by words in a one-line prompt.
fn is_line_editing(mode: &Mode, key: Key) -> bool {
    matches!(mode, Mode::Line(_))
        && key.mods == KeyModifiers::ALT
        && matches!(key.code, KeyCode::Char('b' | 'f') | KeyCode::Left | KeyCode::Right)
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    if matches!(msg, Msg::Run(_) | Msg::Input(_) | Msg::Paste(_)) {
        app.status = None;
    }
    let revision = app.doc.history.revision();
    let was_typing = app.is_typing();
    let frozen = app.frozen_name();
    let mut effects = match msg {
        Msg::Run(action) => run(app, action),
        Msg::Input(key) => {
            input(app, key);
            Vec::new()
        }
        Msg::Key(key) => resolve_key(app, key).into_iter().flat_map(|msg| update(app, msg)).collect(),
        Msg::Paste(text) => {
            paste(app, &text);
            Vec::new()
        }
        Msg::Resize(w, h) => {
            app.viewport.width = w;
            app.viewport.height = h;
            Vec::new()
        }
        Msg::Saved { path, result, then_quit, recovery } => files::saved(app, path, result, then_quit, recovery),
        Msg::SaveConflict { path, then_quit } => {
            files::conflict(app, path, then_quit);
            Vec::new()
        }
        Msg::Reloaded { result, kept } => {
            files::reloaded(app, result, kept);
            Vec::new()
        }
        Msg::ExternalEdited { at, result } => {
            normal::external_edited(app, at, result);
            Vec::new()
        }
        Msg::Opened { others, found, unreadable } => {
            files::opened(app, others, found, unreadable);
            Vec::new()
        }
        Msg::Unmerged { text, conflicts, others, found, unreadable } => {
            let about = crate::app::About::Unmerged { conflicts, others, found, unreadable };
            crate::app::grid::conflicts::unmerged(app, text, about);
            Vec::new()
        }
        Msg::TakenOver { failures, found } => {
            files::taken_over(app, failures, found);
            Vec::new()
        }
        Msg::RecoveryFailed { file, reason } => {
            app.error(format!("Could not write the recovery file {}: {reason}. Save soon", file.display()));
            Vec::new()
        }
        Msg::Notice { text, error } => {
            if error {
                app.error(text)
            } else {
                app.info(text)
            }
            Vec::new()
        }
        Msg::Click { col, row, double } => {
            mouse::click(app, col, row, double);
            Vec::new()
        }
        Msg::Scroll { down } => {
            mouse::scroll(app, down);
            Vec::new()
        }
    };
    // Every committed change, and every end of typing (a cell, the capture
    // line), updates the recovery file.
    if app.doc.history.revision() != revision || (was_typing && !app.is_typing()) {
        effects.insert(0, Effect::WriteRecovery);
        app.recheck();
        if app.workspace.settings.autosave
            && app.is_modified()
            && app.editor().is_none()
            && let Some(path) = app.doc.path.clone()
        {
            effects.push(Effect::Save { path, then_quit: false, force: false });
        }
    }
    app.follow_frozen(frozen);
    app.scroll_to_cursor();
    effects
}

/// Run a bound action in the current mode.
fn run(app: &mut App, action: Action) -> Vec<Effect> {
    match &mut app.mode {
        Mode::Normal => normal::run(app, action),
        Mode::Ask(_) => answers::answer(app, action),
        Mode::Edit(_) => match action {
            Action::Edit(Edit::Keep) => {
                app.finish_edit(true);
                Vec::new()
            }
            Action::Edit(Edit::Abandon) => {
                app.finish_edit(false);
                Vec::new()
            }
            Action::Edit(Edit::KeepAndSave) => {
                app.finish_edit(true);
                files::save(app, None, false)
            }
            // Typing keys arrive as `Msg::Input`; nothing else is bound in a cell.
            Action::Move(_)
            | Action::Grid(_)
            | Action::Inbox(_)
            | Action::List(_)
            | Action::Answer(_)
            | Action::Submit
            | Action::Cancel
            | Action::Complete => Vec::new(),
        },
        Mode::Help { scroll } => {
            match action {
                Action::Move(Move::Up) => *scroll = scroll.saturating_sub(1),
                Action::Move(Move::Down) => *scroll = scroll.saturating_add(1),
                Action::Move(Move::PageUp) => *scroll = scroll.saturating_sub(10),
                Action::Move(Move::PageDown) => *scroll = scroll.saturating_add(10),
                // Any other key closes help.
                Action::Move(_)
                | Action::Grid(_)
                | Action::Edit(_)
                | Action::Inbox(_)
                | Action::List(_)
                | Action::Answer(_)
                | Action::Submit
                | Action::Cancel
                | Action::Complete => app.mode = Mode::Normal,
            }
            Vec::new()
        }
        Mode::Line(_) => run_line(app, action),
        Mode::Inbox { selected } => {
            let selected = *selected;
            inbox::run(app, selected, action)
        }
        Mode::Place { note } => {
            let note = *note;
            inbox::place(app, note, action)
        }
        Mode::List(_) => lists::run(app, action),
        Mode::Present(_) => {
            app.present_step(action);
            Vec::new()
        }
    }
}

fn run_line(app: &mut App, action: Action) -> Vec<Effect> {
    let Mode::Line(line) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return Vec::new();
    };
    match action {
        Action::Submit => {
            let text = line.text();
            return submit_line(app, line.kind, &text);
        }
        Action::Cancel => {
            let text = line.text();
            cancel_line(app, line.kind, &text);
        }
        Action::Complete if line.kind == LineKind::Command => {
            let completed = commands::complete(&line.text());
            app.mode = Mode::Line(Box::new(LineInput::new(LineKind::Command, &completed)));
        }
        Action::Complete if matches!(line.kind, LineKind::Opportunity { .. }) => {
            let completed = plan::complete_title(app, &line.text());
            app.mode = Mode::Line(Box::new(LineInput::new(line.kind, &completed)));
        }
        // Anything else leaves the prompt as it is.
        Action::Complete
        | Action::Move(_)
        | Action::Grid(_)
        | Action::Edit(_)
        | Action::Inbox(_)
        | Action::List(_)
        | Action::Answer(_) => app.mode = Mode::Line(line),
    }
    Vec::new()
}

/// Enter on a one-line prompt.
fn submit_line(app: &mut App, kind: LineKind, text: &str) -> Vec<Effect> {
    match kind {
        LineKind::Command => return commands::run(app, text),
        LineKind::SaveAs { then_quit } => {
            let path = text.trim();
            let path = if path.is_empty() { line_input::default_save_path() } else { PathBuf::from(path) };
            return files::save(app, Some(path), then_quit);
        }
        // The cursor stays on the match it reached while typing.
        LineKind::Search { .. } => {}
        LineKind::Capture { .. } => capture::submit(app, text),
        LineKind::EditNote { index } => inbox::edited(app, index, text),
        LineKind::Reason { acceptance } => lists::accepted(app, &acceptance, text),
        LineKind::Opportunity { why } => plan::titled(app, why, text),
        LineKind::PlanField { title, field } => plan::field_done(app, &title, &field, text),
        // The portfolio screen's filter is never the editor's line.
        LineKind::Filter => {}
    }
    Vec::new()
}

/// Esc on a one-line prompt.
fn cancel_line(app: &mut App, kind: LineKind, text: &str) {
    match kind {
        LineKind::Command | LineKind::SaveAs { .. } => {}
        LineKind::Search { origin } => {
            app.cursor = origin;
            app.search = None;
            app.info("Search cancelled");
        }
        // Closing the capture line files what is typed: a note is never dropped.
        LineKind::Capture { .. } => capture::close(app, text),
        LineKind::EditNote { index } => app.mode = Mode::Inbox { selected: index },
        LineKind::Reason { .. } => app.info("Not accepted"),
        LineKind::Opportunity { .. } => app.info("No opportunity made"),
        LineKind::PlanField { title, .. } => plan::field_cancelled(app, &title),
        LineKind::Filter => {}
    }
}

/// A key that edits text (a cell or a one-line prompt).
fn input(app: &mut App, key: KeyEvent) {
    match &mut app.mode {
        Mode::Edit(_) => app.edit_key(key),
        Mode::Line(line) => {
            // A one-line prompt: Enter is bound to submit, so no newline gets in.
            line.input(key);
            if let LineKind::Search { origin } = line.kind {
                let pattern = line.text();
                normal::search_typed(app, &pattern, origin);
            }
        }
        Mode::Normal
        | Mode::Help { .. }
        | Mode::Ask(_)
        | Mode::Inbox { .. }
        | Mode::Place { .. }
        | Mode::List(_)
        | Mode::Present(_) => {}
    }
}

fn paste(app: &mut App, text: &str) {
    match &mut app.mode {
        Mode::Edit(editor) => editor.paste(text),
        Mode::Line(line) => line.paste(text),
        Mode::Normal => {
            // A paste in the grid goes into the cell, as an edit the user can keep or abandon.
            app.start_edit(true);
            if let Mode::Edit(editor) = &mut app.mode {
                editor.paste(text);
            }
        }
        Mode::Help { .. }
        | Mode::Ask(_)
        | Mode::Inbox { .. }
        | Mode::Place { .. }
        | Mode::List(_)
        | Mode::Present(_) => {}
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod shape_tests;

#[cfg(test)]
mod capture_tests;

#[cfg(test)]
mod insight_tests;

#[cfg(test)]
mod view_tests;

#[cfg(test)]
mod recovery_tests;

#[cfg(test)]
mod only_tests;

#[cfg(test)]
mod log_tests;
