//! What each answer to a question does, one function per answer; the
//! question table (`table.rs`) names them beside their keys and labels.

use crate::app::files;
use crate::app::grid::{conflicts, structure};
use crate::app::input::action::Action;
use crate::app::msg::Effect;
use crate::app::questions::{About, Found};
use crate::app::state::{App, Mode, OnDisk};
use crate::app::text::cell_editor::Editor;
use crate::app::text::line_input::{LineInput, LineKind};
use crate::journey::{CellRef, Change, readable};
use crate::merge::Side;

/// Carry out `action` as the answer to the question being asked: the
/// answer's own function, or what the question does with any other key.
pub fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    let Mode::Ask(question) = std::mem::replace(&mut app.mode, Mode::Normal) else { return Vec::new() };
    let spec = question.spec();
    let chosen = if question.offers(action) { Some(action) } else { spec.otherwise };
    match chosen.and_then(|a| spec.answers.iter().find(|s| s.action == a)) {
        Some(answer) => (answer.run)(app, question.about),
        // Not an answer to this question, and it waits for one.
        None => {
            app.mode = Mode::Ask(question);
            Vec::new()
        }
    }
}

pub fn save_and_quit(app: &mut App, _: About) -> Vec<Effect> {
    files::save(app, None, true)
}

pub fn quit_without_saving(_: &mut App, _: About) -> Vec<Effect> {
    vec![Effect::Quit]
}

pub fn quit_keeping_recovery(_: &mut App, _: About) -> Vec<Effect> {
    vec![Effect::QuitKeepingRecovery]
}

pub fn stay(app: &mut App, _: About) -> Vec<Effect> {
    app.info("Quit cancelled");
    Vec::new()
}

pub fn recover(app: &mut App, about: About) -> Vec<Effect> {
    let About::Recovery { found, more } = about else { return Vec::new() };
    take_recovered(app, *found, more.len())
}

pub fn discard(app: &mut App, about: About) -> Vec<Effect> {
    let About::Recovery { found, more } = about else { return Vec::new() };
    app.info(format!("Discarded the unsaved changes from {}", readable(found.recovery.written)));
    files::ask_recovery(app, more);
    vec![Effect::DiscardRecovery { file: found.file }]
}

pub fn open_anyway(app: &mut App, about: About) -> Vec<Effect> {
    let About::Open { then } = about else { return Vec::new() };
    files::ask_recovery(app, then);
    Vec::new()
}

pub fn open_read_only(app: &mut App, about: About) -> Vec<Effect> {
    let About::Open { then } = about else { return Vec::new() };
    app.read_only = true;
    app.info("Opened read-only: :w! saves anyway, :w FILE saves elsewhere");
    files::ask_recovery(app, then);
    Vec::new()
}

pub fn overwrite(_: &mut App, about: About) -> Vec<Effect> {
    let About::Save { path, then_quit, .. } = about else { return Vec::new() };
    vec![Effect::Save { path, then_quit, force: true }]
}

pub fn reload(_: &mut App, _: About) -> Vec<Effect> {
    vec![Effect::Reload]
}

pub fn save_as(app: &mut App, about: About) -> Vec<Effect> {
    let About::Save { then_quit, .. } = about else { return Vec::new() };
    files::ask_path(app, then_quit);
    Vec::new()
}

pub fn not_saved(app: &mut App, _: About) -> Vec<Effect> {
    app.info("Not saved; your changes are kept. :w FILE saves them elsewhere");
    Vec::new()
}

pub fn delete(app: &mut App, about: About) -> Vec<Effect> {
    let About::Delete(change) = about else { return Vec::new() };
    let what = structure::describe(&change);
    app.change(change);
    app.info(format!("{what} (u undoes)"));
    Vec::new()
}

pub fn keep_it(app: &mut App, _: About) -> Vec<Effect> {
    app.info("Nothing was deleted");
    Vec::new()
}

pub fn take_ours(app: &mut App, _: About) -> Vec<Effect> {
    conflicts::take(app, Side::Ours);
    Vec::new()
}

pub fn take_theirs(app: &mut App, _: About) -> Vec<Effect> {
    conflicts::take(app, Side::Theirs);
    Vec::new()
}

pub fn take_both(app: &mut App, _: About) -> Vec<Effect> {
    conflicts::take(app, Side::Both);
    Vec::new()
}

pub fn leave_conflict(app: &mut App, _: About) -> Vec<Effect> {
    app.info("The conflict is left as it is");
    Vec::new()
}

/// Take the recovered changes: one undoable change, the cursor where it
/// was, a half-typed note back in edit mode. A save then asks first if the
/// file changed on disk since the changes were made. The recovery file
/// becomes this session's own.
fn take_recovered(app: &mut App, found: Found, more: usize) -> Vec<Effect> {
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
