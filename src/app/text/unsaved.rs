//! What is being typed and not in the journey yet (a cell being edited, or
//! any one-line prompt), whether anything would be lost, and what the
//! recovery file keeps of it.
//!
//! Every prompt is kept the same way, whatever it is for: `App::prompt` is
//! the open prompt's kind and text, and `is_typing` is true while any prompt
//! or cell is open, so the shell writes the recovery file at most a second
//! after a keystroke. A prompt added later needs nothing here.

use std::path::PathBuf;

use crate::app::state::{App, Mode};
use crate::app::text::cell_editor::Editor;
use crate::app::text::line_input::LineKind;
use crate::format;
use crate::recovery::{Editing, Prompt, Recovery};

impl App {
    /// The cell being edited, if any.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.mode {
            Mode::Edit(e) => Some(e),
            _ => None,
        }
    }

    /// The cell being edited and its text as typed, when it differs from the cell.
    pub fn editing(&self) -> Option<Editing> {
        let e = self.editor()?;
        e.is_changed().then(|| Editing { phase: e.at.phase, row: e.at.row, text: e.text() })
    }

    /// The open prompt with its text, when anything is typed in it: what the
    /// recovery file keeps of it.
    pub fn prompt(&self) -> Option<Prompt> {
        let Mode::Line(line) = &self.mode else { return None };
        let text = line.text();
        if text.trim().is_empty() {
            return None;
        }
        // A kind that serde cannot write as a table would be a bug; the text is kept all the same.
        let kind = match toml::Value::try_from(&line.kind) {
            Ok(toml::Value::Table(kind)) => kind,
            _ => toml::Table::new(),
        };
        Some(Prompt { text, kind })
    }

    /// A half-typed note in the capture line.
    pub fn capturing(&self) -> Option<String> {
        match &self.mode {
            Mode::Line(line) if matches!(line.kind, LineKind::Capture { .. }) => {
                Some(line.text()).filter(|t| !t.trim().is_empty())
            }
            _ => None,
        }
    }

    /// True while text is being typed that is not in the journey yet (a cell
    /// being edited, any prompt): the shell keeps it in the recovery file
    /// within a second.
    pub fn is_typing(&self) -> bool {
        matches!(self.mode, Mode::Edit(_) | Mode::Line(_))
    }

    /// True when text that is in no file would be lost if jgrid stopped now,
    /// apart from the journey's own changes: an abandoned edit while it is
    /// one undo away, or recovered changes that were undone.
    pub fn holds_unsaved_text(&self) -> bool {
        self.doc.history.abandoned().is_some() || self.doc.recovered.undone(&self.doc.history).next().is_some()
    }

    /// True when something would be lost if jgrid stopped now.
    pub fn has_unsaved(&self) -> bool {
        self.is_modified()
            || self.editor().is_some_and(Editor::is_changed)
            || self.prompt().is_some()
            || self.holds_unsaved_text()
    }

    /// What the recovery file should hold now.
    pub fn recovery_snapshot(&self) -> Option<(PathBuf, Recovery)> {
        let target = self.workspace.recovery.as_ref()?;
        let mut recovery = Recovery::new(&target.key, &self.doc.journey, self.cursor, self.editing())
            .of_session(&target.session, self.doc.on_disk.hash());
        recovery.prompt = self.prompt();
        recovery.source = self.workspace.source.clone();
        recovery.abandoned = self.doc.history.abandoned().map(|(at, text)| Editing {
            phase: at.phase,
            row: at.row,
            text: text.to_owned(),
        });
        recovery.modified = self.is_modified();
        recovery.undone = self.doc.recovered.undone(&self.doc.history).map(format::to_toml).collect();
        Some((target.file.clone(), recovery))
    }
}
