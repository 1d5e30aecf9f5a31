//! Changes recovered from an earlier session, until their text is in a
//! file: recovered changes that were undone are still unsaved work (issue
//! 27), so the recovery file keeps them, quitting asks about them, and they
//! are dropped only once they are saved or discarded in words.

use crate::app::history::History;
use crate::journey::Journey;

/// The recovered changes of this session that are not in a file yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recovered {
    /// Each recovered journey, with the history step that applies it (the
    /// `Replace` made by recovering, or a step on the redo stack for
    /// changes that came back already undone).
    steps: Vec<(u64, Box<Journey>, String)>,
}

impl Recovered {
    /// Remember recovered changes, applied (or redoable) by history step `id`;
    /// `when` says when they were made, for questions.
    pub fn add(&mut self, id: u64, journey: Journey, when: String) {
        self.steps.push((id, Box::new(journey), when));
    }

    /// The recovered changes that are undone now: in no file but the recovery file.
    pub fn undone<'a>(&'a self, history: &'a History) -> impl Iterator<Item = &'a Journey> + 'a {
        self.steps.iter().filter(|(id, _, _)| !history.is_applied(*id)).map(|(_, j, _)| &**j)
    }

    /// When the first undone change was made ("2026-12-07 04:15 UTC").
    pub fn first_undone(&self, history: &History) -> Option<&str> {
        self.steps.iter().find(|(id, _, _)| !history.is_applied(*id)).map(|(_, _, when)| when.as_str())
    }

    /// A save just wrote the journey: the changes applied in it are in a file now.
    pub fn saved(&mut self, history: &History) {
        self.steps.retain(|(id, _, _)| !history.is_applied(*id));
    }

    /// The user discarded them in words.
    pub fn discard(&mut self) {
        self.steps.clear();
    }
}
