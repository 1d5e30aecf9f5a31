//! What each answer to a question does. The questions themselves, their
//! keys and labels, are data in `question.rs`.

use crate::app::grid::structure;
use crate::app::input::action::Action;
use crate::app::msg::Effect;
use crate::app::questions::{About, Question};
use crate::app::state::{App, Mode, OnDisk};
use crate::app::text::cell_editor::Editor;
use crate::app::text::line_input::{LineInput, LineKind};
use crate::app::{files, grid::conflicts};
use crate::journey::{CellRef, Change, readable};
use crate::merge::Side;

/// Carry out `action` as the answer to the question being asked.
pub fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    let Mode::Ask(question) = std::mem::replace(&mut app.mode, Mode::Normal) else { return Vec::new() };
    let Question { kind, about, .. } = *question.clone();
    if !question.offers(action) {
        // Not an answer to this question: the question's fallback, or wait.
        return match kind.spec().otherwise {
            Some(fallback) if fallback != action => {
                app.mode = Mode::Ask(question);
                answer(app, fallback)
            }
            _ => {
                app.mode = Mode::Ask(question);
                Vec::new()
            }
        };
    }
    match (action, about) {
        (Action::SaveAndQuit, _) => files::save(app, None, true),
        (Action::QuitWithoutSaving, _) => vec![Effect::Quit],
        (Action::Recover, About::Recovery { found, more }) => recover(app, *found, more.len()),
        (Action::Discard, About::Recovery { found, more }) => {
            app.info(format!("Discarded the unsaved changes from {}", readable(found.recovery.written)));
            files::ask_recovery(app, more);
            vec![Effect::DiscardRecovery { file: found.file }]
        }
        (Action::KeepForLater | Action::Quit, _) => vec![Effect::QuitKeepingRecovery],
        (Action::OpenAnyway, About::Unmerged { conflicts, others, found, unreadable }) => {
            conflicts::merge_taken(app, conflicts);
            files::opened(app, others, found, unreadable);
            Vec::new()
        }
        (Action::OpenAnyway, About::Open { then }) => {
            files::ask_recovery(app, then);
            Vec::new()
        }
        (Action::OpenReadOnly, About::Open { then }) => {
            app.read_only = true;
            app.info("Opened read-only: :w! saves anyway, :w FILE saves elsewhere");
            files::ask_recovery(app, then);
            Vec::new()
        }
        (Action::Overwrite, About::Save { path, then_quit, .. }) => vec![Effect::Save { path, then_quit, force: true }],
        (Action::Reload, _) => vec![Effect::Reload],
        (Action::SaveAs, About::Save { then_quit, .. }) => {
            files::ask_path(app, then_quit);
            Vec::new()
        }
        (Action::ConfirmDelete, About::Change(change)) => {
            let what = structure::describe(&change);
            app.change(change);
            app.info(format!("{what} (u undoes)"));
            Vec::new()
        }
        (Action::TakeOurs, _) => take(app, Side::Ours),
        (Action::TakeTheirs, _) => take(app, Side::Theirs),
        (Action::TakeBoth, _) => take(app, Side::Both),
        (Action::KeepIt, _) => {
            app.info("Nothing was deleted");
            Vec::new()
        }
        (Action::Cancel, About::Save { .. }) => {
            app.info("Not saved; your changes are kept. :w FILE saves them elsewhere");
            Vec::new()
        }
        (Action::Cancel, _) => {
            app.info("Quit cancelled");
            Vec::new()
        }
        // An answer that does not fit what the question is about: nothing to do.
        _ => Vec::new(),
    }
}

fn take(app: &mut App, side: Side) -> Vec<Effect> {
    conflicts::take(app, side);
    Vec::new()
}

/// Take the recovered changes: one undoable change, the cursor where it
/// was, a half-typed note back in edit mode. A save then asks first if the
/// file changed on disk since the changes were made. The recovery file
/// becomes this session's own.
fn recover(app: &mut App, found: crate::app::questions::Found, more: usize) -> Vec<Effect> {
    let when = readable(found.recovery.written);
    let Some(journey) = found.journey else {
        app.error("The recovery file is damaged and was left as it is; see jgrid --recover-list");
        return Vec::new();
    };
    app.change(Change::Replace(Box::new(journey)));
    if app.path.is_some() {
        app.on_disk = match found.recovery.base_hash() {
            Some(hash) => OnDisk::Hash(hash),
            None => OnDisk::Unknown,
        };
    }
    app.cursor = found.recovery.cursor();
    app.scroll_to_cursor();
    if let Some(a) = &found.recovery.abandoned {
        let at = CellRef::new(a.phase, a.row);
        if app.journey.contains(at) {
            app.history.record_abandoned(at, app.journey.cell(at).to_owned(), a.text.clone());
        }
    }
    if let Some(text) = &found.recovery.command {
        app.mode = Mode::Line(Box::new(LineInput::new(LineKind::Command, text)));
    }
    if let Some(source) = &found.recovery.source {
        app.source = Some(source.clone());
    }
    if let Some(text) = &found.recovery.capturing {
        let kind = LineKind::Capture { source: app.source.clone() };
        app.mode = Mode::Line(Box::new(LineInput::new(kind, text)));
    }
    if let Some(e) = &found.recovery.editing {
        let at = CellRef::new(e.phase, e.row);
        if app.journey.contains(at) {
            app.cursor = at;
            let original = app.journey.cell(at).to_owned();
            app.mode = Mode::Edit(Box::new(Editor::new(at, &original, &e.text)));
        }
    }
    let later = match more {
        0 => String::new(),
        n => format!("; {n} more recovery file{} kept for later (jgrid --recover-list)", if n == 1 { "" } else { "s" }),
    };
    let abandoned = if found.recovery.abandoned.is_some() { "; u brings back the abandoned edit" } else { "" };
    app.info(format!("Recovered the unsaved changes from {when}; Ctrl-s saves them{abandoned}{later}"));
    vec![Effect::AdoptRecovery { file: found.file }]
}
