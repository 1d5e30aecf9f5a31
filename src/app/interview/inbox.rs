//! Sorting the inbox: `I` shows the unsorted notes, oldest first; Enter picks
//! one up, the grid cursor chooses its cell and Enter drops it there as a new
//! line (with its `@source`); `x` deletes a note and `e` edits it. Each sort,
//! deletion or edit is one undoable change.

use crate::app::grid::moves::movement;
use crate::app::input::action::Action;
use crate::app::input::action::{Grid, Inbox};
use crate::app::msg::Effect;
use crate::app::state::{App, Mode};
use crate::app::text::line_input::{LineInput, LineKind};
use crate::journey::{Change, with_source};

/// `I`: show the inbox and move the focus to it.
pub fn open(app: &mut App) {
    if app.journey.inbox.is_empty() {
        app.info("The inbox is empty: c captures notes into it");
    } else {
        app.mode = Mode::Inbox { selected: 0 };
    }
}

/// An action while the inbox has the focus.
pub fn run(app: &mut App, selected: usize, action: Action) -> Vec<Effect> {
    let count = app.journey.inbox.len();
    let selected = selected.min(count.saturating_sub(1));
    let page = usize::from(app.height.saturating_sub(6));
    match action {
        Action::Move(m) => app.mode = Mode::Inbox { selected: m.select(selected, count, page) },
        Action::Inbox(_) if count == 0 => {}
        Action::Inbox(Inbox::PickNote) => {
            app.mode = Mode::Place { note: selected };
            app.info("Move to the cell for this note; Enter drops it there, Esc puts it back");
        }
        Action::Inbox(Inbox::DeleteNote) => {
            app.change(Change::RemoveNote { at: selected });
            app.info("Note deleted (u undoes)");
            after_change(app, selected);
        }
        Action::Inbox(Inbox::EditNote) => {
            let text = app.journey.inbox[selected].text.clone();
            app.mode = Mode::Line(Box::new(LineInput::new(LineKind::EditNote { index: selected }, &text)));
        }
        // A note is dropped once it is picked up (in place mode).
        Action::Inbox(Inbox::DropNote) => {}
        Action::Grid(Grid::Undo) => {
            app.undo();
            after_change(app, selected);
        }
        Action::Grid(Grid::Redo) => {
            app.redo();
            after_change(app, selected);
        }
        Action::Cancel | Action::Grid(Grid::ShowInbox) => app.mode = Mode::Normal,
        // The grid's other actions wait until the inbox is closed.
        Action::Grid(_) | Action::Edit(_) | Action::List(_) | Action::Answer(_) | Action::Submit | Action::Complete => {
        }
    }
    Vec::new()
}

/// An action while a picked-up note waits for its cell.
pub fn place(app: &mut App, note: usize, action: Action) -> Vec<Effect> {
    match action {
        Action::Inbox(Inbox::DropNote) => drop_note(app, note),
        Action::Cancel => app.mode = Mode::Inbox { selected: note },
        Action::Move(m) => app.cursor = movement(app, m),
        // Not bound while a note waits for its cell.
        Action::Inbox(Inbox::PickNote | Inbox::DeleteNote | Inbox::EditNote)
        | Action::Grid(_)
        | Action::Edit(_)
        | Action::List(_)
        | Action::Answer(_)
        | Action::Submit
        | Action::Complete => {}
    }
    Vec::new()
}

/// Drop the note at the end of the cursor's cell, with its source, in one step.
fn drop_note(app: &mut App, index: usize) {
    let Some(note) = app.journey.inbox.get(index).cloned() else {
        app.mode = Mode::Normal;
        return;
    };
    let at = app.cursor;
    let line = match &note.source {
        Some(source) => with_source(&note.text, source),
        None => note.text.clone(),
    };
    let old = app.journey.cell(at);
    let text = if old.is_empty() { line } else { format!("{old}\n{line}") };
    app.change(Change::Batch(vec![Change::RemoveNote { at: index }, Change::SetCell { at, text }]));
    let (phase, row) = app.cursor_names();
    app.info(format!("Sorted into {} {phase} › {row} (u undoes)", at.phase + 1));
    after_change(app, index);
}

/// Back to the inbox after it changed, or to the grid when it is empty.
fn after_change(app: &mut App, selected: usize) {
    let count = app.journey.inbox.len();
    app.mode = if count == 0 { Mode::Normal } else { Mode::Inbox { selected: selected.min(count - 1) } };
}

/// Enter after editing a note's text.
pub fn edited(app: &mut App, index: usize, typed: &str) {
    let text = typed.trim();
    match app.journey.inbox.get(index).cloned() {
        Some(mut note) if !text.is_empty() && note.text != text => {
            note.text = text.to_owned();
            app.change(Change::SetNote { at: index, note });
            app.info("Note changed (u undoes)");
        }
        Some(_) if text.is_empty() => app.error("A note needs text; x deletes it"),
        _ => {}
    }
    after_change(app, index);
}
