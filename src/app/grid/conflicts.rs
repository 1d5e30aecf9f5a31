//! Merge conflicts in the editor: a cell (or a phase or row name, the title,
//! the persona) holding `<<<<<<<` / `=======` / `>>>>>>>` after `jgrid merge`,
//! or a choice the merge recorded (a mood, a role, the language, an order, a
//! deletion: the file's `[[conflict]]`).
//! They are marked even with highlight mode off, `]` visits them first, and
//! `M` or `:take ours|theirs|both` resolves one in one undoable step.

use crate::app::History;
use crate::app::questions::{About, Question};
use crate::app::state::App;
use crate::merge::{Side, conflict_at, resolve_at};

/// `M`: ask which side to take, when there is a conflict at the cursor.
pub fn ask(app: &mut App) {
    match conflict_at(&app.doc.journey, app.cursor) {
        Some(at) => {
            let text = at.question(&app.doc.journey);
            app.ask(Question::new(text, About::Take));
        }
        None => app.info("No merge conflict here; ] goes to the next one"),
    }
}

/// Take a side of the conflict at the cursor.
pub fn take(app: &mut App, side: Side) {
    let Some(at) = conflict_at(&app.doc.journey, app.cursor) else {
        app.info("No merge conflict here; ] goes to the next one");
        return;
    };
    let Some(change) = resolve_at(&app.doc.journey, app.cursor, side) else { return };
    let what = at.words(&app.doc.journey);
    app.change(change);
    if app.status.as_ref().is_none_or(|s| !s.error) {
        let left = crate::checks::merge_conflicts(&app.doc.journey).len();
        let more = match left {
            0 => "no conflicts left".to_owned(),
            1 => "1 conflict left (] goes there)".to_owned(),
            n => format!("{n} conflicts left (] goes there)"),
        };
        app.info(format!("Took {} in {what} (u undoes); {more}", side.word()));
    }
}

/// `:take ours|theirs|both`.
pub fn take_command(app: &mut App, arg: &str) {
    match Side::from_word(arg) {
        Some(side) => take(app, side),
        None => app.error(":take needs ours, theirs or both"),
    }
}

/// At start: the journey is jgrid's merge of a file git left with its
/// conflict markers. It is unsaved work (the file on disk is as git left
/// it); ask whether to use it.
pub fn unmerged(app: &mut App, text: String, about: About) {
    app.doc.history = History::unsaved();
    app.ask(Question::new(text, about));
}

/// The merge was taken: say what is left to do.
pub fn merge_taken(app: &mut App, conflicts: usize) {
    let left = match conflicts {
        0 => "no conflict left".to_owned(),
        1 => "1 conflict left (] goes there, M or :take resolves it)".to_owned(),
        n => format!("{n} conflicts left (] goes to each, M or :take resolves it)"),
    };
    app.info(format!("Merged cell by cell: {left}; Ctrl-s saves it, then git add the file"));
}
