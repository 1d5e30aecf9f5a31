//! Operations every part of `update` shares: status messages, applying a
//! change, starting and finishing an edit, and running the checks again.
//! A neutral home, so the handlers never import each other.

use crate::app::grid::structure::{self, Outcome};
use crate::app::questions::{About, Question};
use crate::app::state::{App, Mode, Status};
use crate::app::text::cell_editor::Editor;
use crate::journey::Change;

impl App {
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: false });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: true });
    }

    /// Apply a change as one undoable step; the cursor goes to what changed.
    pub(super) fn change(&mut self, change: Change) {
        let focus = change.focus(self.cursor);
        self.derived.note(&change);
        match self.doc.history.apply(&mut self.doc.journey, change) {
            Ok(()) => self.cursor = focus,
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Undo the last change; the cursor goes to what it changed.
    pub(super) fn undo(&mut self) {
        match self.doc.history.undo(&mut self.doc.journey) {
            Some(applied) => {
                self.derived.note(&applied);
                self.cursor = applied.focus(self.cursor);
                self.info("Undone");
            }
            None => self.info("Nothing to undo"),
        }
    }

    /// Redo what was undone last.
    pub(super) fn redo(&mut self) {
        match self.doc.history.redo(&mut self.doc.journey) {
            Some(applied) => {
                self.derived.note(&applied);
                self.cursor = applied.focus(self.cursor);
                self.info("Redone");
            }
            None => self.info("Nothing to redo"),
        }
    }

    /// Carry out a structure operation: apply it, ask first, or say why not.
    pub(super) fn shape(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Apply(change) => {
                let what = structure::describe(&change);
                self.change(change);
                if self.status.as_ref().is_none_or(|s| !s.error) {
                    self.info(format!("{what} (u undoes)"));
                }
            }
            Outcome::Confirm { question, change } => {
                self.ask(Question::new(question, About::Delete(change)));
            }
            Outcome::Error(e) => self.error(e),
        }
    }

    /// Ask a question; its answer comes back as an action.
    pub(crate) fn ask(&mut self, question: Question) {
        self.mode = Mode::Ask(Box::new(question));
    }

    /// Edit the cursor's cell; `append` starts a new line at its end.
    pub(super) fn start_edit(&mut self, append: bool) {
        let at = self.cursor;
        let original = self.doc.journey.cell(at);
        let text = if append && !original.is_empty() { format!("{original}\n") } else { original.to_owned() };
        self.mode = Mode::Edit(Box::new(Editor::new(at, original, &text)));
        if let Some(name) = self.only_source().filter(|_| self.hidden_lines(at) > 0) {
            let note = format!("Editing the whole cell: the lines :only @{name} hides are shown while you edit");
            self.info(note);
        }
    }

    /// Leave edit mode. A kept edit that changed the text is one change; an
    /// abandoned one leaves the cell as it was, one undo away.
    pub(super) fn finish_edit(&mut self, keep: bool) {
        let Mode::Edit(editor) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return;
        };
        if !editor.is_changed() {
            return;
        }
        if keep {
            let text = self.tagged(&editor.original, editor.text());
            self.change(Change::SetCell { at: editor.at, text });
        } else {
            self.doc.history.record_abandoned(editor.at, editor.original.clone(), editor.text());
            self.info("Edit abandoned; the cell is as it was (u brings back what you typed)");
        }
    }

    /// A cell's new text, with the current source added to every line that
    /// is new (not in `before`) and names no source of its own.
    pub(super) fn tagged(&self, before: &str, after: String) -> String {
        match &self.workspace.source {
            Some(source) => crate::journey::tag_new_lines(before, &after, source),
            None => after,
        }
    }

    /// Turn highlight mode off; true when it was on.
    pub(super) fn highlight_off(&mut self) -> bool {
        self.derived.set_highlight(false)
    }

    /// Turn highlight mode on (and run the checks).
    pub(super) fn highlight_on(&mut self) {
        self.derived.set_highlight(true);
        self.recheck();
    }

    /// Run the checks and the search again from scratch (when highlight
    /// mode starts, or after the journey changed other than by `change`,
    /// undo or redo).
    pub(super) fn refresh_findings(&mut self) {
        self.derived.touch_all();
        self.recheck();
    }

    /// Bring what is derived from the journey and the search up to date
    /// after changes (see `Derived::refresh`).
    pub(super) fn recheck(&mut self) {
        self.derived.refresh(&self.doc.journey);
        self.refresh_only();
        if let Some(search) = &mut self.search {
            search.refresh(&self.doc.journey);
        }
    }
}
