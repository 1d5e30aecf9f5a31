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
use crate::journey::notes;

/// `I`: show the inbox and move the focus to it. Under `:only @NAME` it
/// shows that source's notes and the notes with no source.
pub fn open(app: &mut App) {
    let shown = app.inbox_shown();
    match shown.first() {
        Some(&first) => app.mode = Mode::Inbox { selected: first },
        None if app.doc.journey.inbox.is_empty() => app.info("The inbox is empty: c captures notes into it"),
        None => app.info(format!(
            "The inbox has no note of @{} ({} of other sources; :only alone shows them)",
            app.only_source().unwrap_or_default(),
            app.doc.journey.inbox.len()
        )),
    }
}

impl App {
    /// The indices of the inbox notes the panel shows: all of them, or under
    /// `:only @NAME` that source's and those with no source.
    pub fn inbox_shown(&self) -> Vec<usize> {
        let only = self.only_source();
        let shown = |source: &Option<String>| match (only, source) {
            (Some(name), Some(source)) => source.eq_ignore_ascii_case(name),
            _ => true,
        };
        self.doc.journey.inbox.iter().enumerate().filter(|(_, n)| shown(&n.source)).map(|(i, _)| i).collect()
    }
}

/// An action while the inbox has the focus.
pub fn run(app: &mut App, selected: usize, action: Action) -> Vec<Effect> {
    let shown = app.inbox_shown();
    let count = shown.len();
    // `selected` is an index into the inbox; it moves among the shown notes.
    let position = shown.iter().position(|&i| i >= selected).unwrap_or(count.saturating_sub(1));
    let selected = shown.get(position).copied().unwrap_or(0);
    let page = usize::from(app.viewport.height.saturating_sub(6));
    match action {
        Action::Move(m) => {
            app.mode = Mode::Inbox { selected: shown.get(m.select(position, count, page)).copied().unwrap_or(0) }
        }
        Action::Inbox(_) if count == 0 => {}
        Action::Inbox(Inbox::PickNote) => {
            app.mode = Mode::Place { note: selected };
            app.info("Move to the cell for this note; Enter drops it there, Esc puts it back");
        }
        Action::Inbox(Inbox::DeleteNote) => {
            if let Some(change) = notes::delete(&app.doc.journey, selected) {
                app.change(change);
            }
            app.info("Note deleted (u undoes)");
            after_change(app, selected);
        }
        Action::Inbox(Inbox::EditNote) => {
            let text = app.doc.journey.inbox[selected].text.clone();
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

/// Drop the note at the end of the cursor's cell, with its source, in one
/// step; its log entry names the cell.
fn drop_note(app: &mut App, index: usize) {
    let at = app.cursor;
    let Some(change) = notes::sort(&app.doc.journey, index, at) else {
        app.mode = Mode::Normal;
        return;
    };
    app.change(change);
    let (phase, row) = app.cursor_names();
    app.info(format!("Sorted into {} {phase} › {row} (u undoes)", at.phase + 1));
    after_change(app, index);
}

/// Back to the inbox after it changed (at the shown note nearest to where
/// the selection was), or to the grid when it shows none.
fn after_change(app: &mut App, selected: usize) {
    let shown = app.inbox_shown();
    let next = shown.iter().copied().find(|&i| i >= selected).or(shown.last().copied());
    app.mode = next.map_or(Mode::Normal, |selected| Mode::Inbox { selected });
}

/// Enter after editing a note's text.
pub fn edited(app: &mut App, index: usize, typed: &str) {
    let text = typed.trim();
    match app.doc.journey.inbox.get(index).cloned() {
        Some(note) if !text.is_empty() && note.text != text => {
            if let Some(change) = notes::edit(&app.doc.journey, index, text) {
                app.change(change);
            }
            app.info("Note changed (u undoes)");
        }
        Some(_) if text.is_empty() => app.error("A note needs text; x deletes it"),
        _ => {}
    }
    after_change(app, index);
}
