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
use crate::journey::{CellRef, Change, Note, is_source_name, readable};
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

pub fn quit_without_saving(app: &mut App, _: About) -> Vec<Effect> {
    files::quit_discarding(app)
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
    let About::Open { then, .. } = about else { return Vec::new() };
    files::ask_recovery(app, then);
    Vec::new()
}

pub fn open_read_only(app: &mut App, about: About) -> Vec<Effect> {
    let About::Open { then, .. } = about else { return Vec::new() };
    app.doc.read_only = true;
    app.info("Opened read-only: :w! saves anyway, :w FILE saves elsewhere");
    files::ask_recovery(app, then);
    Vec::new()
}

pub fn take_over(app: &mut App, about: About) -> Vec<Effect> {
    let About::Open { others, .. } = about else { return Vec::new() };
    files::asking_to_hand_over(app, &others);
    vec![Effect::TakeOver { others }]
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

pub fn use_merge(app: &mut App, about: About) -> Vec<Effect> {
    let About::Unmerged { conflicts, others, found, unreadable } = about else { return Vec::new() };
    conflicts::merge_taken(app, conflicts);
    files::opened(app, others, found, unreadable);
    Vec::new()
}

pub fn leave_conflict(app: &mut App, _: About) -> Vec<Effect> {
    app.info("The conflict is left as it is");
    Vec::new()
}

/// Take the recovered changes: one undoable change, the cursor where it
/// was, a half-typed note or prompt back where it was typed, changes that
/// were undone back on the redo stack. A save then asks first if the file
/// changed on disk since the changes were made. The recovery file becomes
/// this session's own; one with damaged parts is set aside whole instead,
/// after its parts are named, and text that has no place (a note typed in a
/// cell the journey no longer has) goes to the inbox: nothing is dropped.
fn take_recovered(app: &mut App, found: Found, more: usize) -> Vec<Effect> {
    let when = readable(found.recovery.written);
    let Some(journey) = found.journey else {
        let why = found.problems.first().map_or("it cannot be read".to_owned(), Clone::clone);
        app.error(format!("The recovery file is damaged ({why}) and was left as it is; see jgrid --recover-list"));
        return Vec::new();
    };
    let r = found.recovery;
    // A note half typed in a cell is part of what is recovered: it is in the
    // recovered journey (so `u` undoes it with the rest, and it stays
    // unsaved work until saved), and its cell opens for editing on it.
    let mut journey = journey;
    let typed_at = r.editing.as_ref().map(|e| CellRef::new(e.phase, e.row)).filter(|at| journey.contains(*at));
    if let (Some(at), Some(e)) = (typed_at, &r.editing) {
        let _ = Change::SetCell { at, text: e.text.clone() }.apply(&mut journey);
    }
    let before = app.doc.history.revision();
    app.change(Change::Replace(Box::new(journey.clone())));
    if app.doc.history.revision() != before {
        app.doc.recovered.add(app.doc.history.revision(), journey.clone(), when.clone());
    }
    for undone in r.undone.iter().filter_map(|t| crate::format::parse(t.as_bytes()).ok()) {
        let id = app.doc.history.record_undone(
            Change::Replace(Box::new(undone.clone())),
            Change::Replace(Box::new(app.doc.journey.clone())),
        );
        app.doc.recovered.add(id, undone, when.clone());
    }
    if app.doc.path.is_some() {
        app.doc.on_disk = match r.base_hash() {
            Some(hash) => OnDisk::Hash(hash),
            None => OnDisk::Unknown,
        };
    }
    let cursor = r.cursor();
    app.cursor = if app.doc.journey.contains(cursor) { cursor } else { CellRef::default() };
    app.scroll_to_cursor();
    // Text that has no place in the journey any more goes to the inbox.
    let mut homeless: Vec<String> = Vec::new();
    if let Some(a) = &r.abandoned {
        let at = CellRef::new(a.phase, a.row);
        if app.doc.journey.contains(at) {
            app.doc.history.record_abandoned(at, app.doc.journey.cell(at).to_owned(), a.text.clone());
        } else {
            homeless.push(a.text.clone());
        }
    }
    if let Some(source) = r.source.as_deref().map(|s| s.trim().trim_start_matches('@'))
        && is_source_name(source)
    {
        app.workspace.source = Some(source.to_owned());
    }
    // A prompt as it was; files from before `prompt` kept the command and capture lines apart.
    let legacy = [
        r.command.as_ref().map(|text| (LineKind::Command, text.clone())),
        r.capturing.as_ref().map(|text| (LineKind::Capture { source: app.workspace.source.clone() }, text.clone())),
    ];
    for (kind, text) in legacy.into_iter().flatten() {
        app.mode = Mode::Line(Box::new(LineInput::new(kind, &text)));
    }
    if let Some(prompt) = &r.prompt {
        match prompt_kind(app, &prompt.kind) {
            Some(kind) => app.mode = Mode::Line(Box::new(LineInput::new(kind, &prompt.text))),
            None => homeless.push(prompt.text.clone()),
        }
    }
    match (typed_at, &r.editing) {
        (Some(at), Some(_)) => {
            app.cursor = at;
            let text = app.doc.journey.cell(at).to_owned();
            app.mode = Mode::Edit(Box::new(Editor::new(at, &text, &text)));
        }
        (None, Some(e)) => homeless.push(e.text.clone()),
        _ => {}
    }
    if !homeless.is_empty() {
        let at = crate::journey::rfc3339(r.written.min(crate::recovery::LAST_TIME));
        let notes = homeless.into_iter().enumerate().map(|(i, text)| Change::InsertNote {
            at: app.doc.journey.inbox.len() + i,
            note: Note { text, source: None, at: at.clone() },
        });
        let batch = Change::Batch(notes.collect());
        let cursor = app.cursor;
        app.change(batch);
        app.cursor = cursor;
    }
    let later = match more {
        0 => String::new(),
        n => format!("; {n} more recovery file{} kept for later (jgrid --recover-list)", if n == 1 { "" } else { "s" }),
    };
    let abandoned = if r.abandoned.is_some() { "; u brings back the abandoned edit" } else { "" };
    let undone = if r.undone.is_empty() { "" } else { "; Ctrl-r brings back the changes that were undone" };
    if let Some(first) = found.problems.first() {
        let more = match found.problems.len() {
            1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        // What is damaged comes first: the status line cuts what does not fit.
        app.error(format!(
            "Damaged: {first}{more}. Recovered the rest (from {when}); the file is kept whole in recovery/damaged/ (jgrid --recover-list)"
        ));
        return vec![Effect::SetAsideRecovery { file: found.file }];
    }
    app.info(format!("Recovered the unsaved changes from {when}; Ctrl-s saves them{abandoned}{undone}{later}"));
    vec![Effect::AdoptRecovery { file: found.file }]
}

/// The prompt a recovery file's prompt was, when it still fits the journey:
/// an inbox note that is still there, a search from a cell it still has, a
/// capture by a source with a proper name. `None`: its text goes to the inbox.
fn prompt_kind(app: &App, kind: &toml::Table) -> Option<LineKind> {
    let kind: LineKind = toml::Value::Table(kind.clone()).try_into().ok()?;
    let fits = match &kind {
        LineKind::EditNote { index } => *index < app.doc.journey.inbox.len(),
        LineKind::Search { origin } => app.doc.journey.contains(*origin),
        LineKind::Capture { source: Some(source) } => is_source_name(source),
        _ => true,
    };
    fits.then_some(kind)
}
