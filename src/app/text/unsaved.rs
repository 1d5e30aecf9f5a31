//! What is being typed and not in the journey yet (a cell being edited,
//! the capture line, the command line), whether anything would be lost,
//! and what the recovery file keeps of it.

use std::path::PathBuf;

use crate::app::state::{App, Mode};
use crate::app::text::cell_editor::Editor;
use crate::app::text::line_input::LineKind;
use crate::recovery::{Editing, Recovery};

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

    /// A half-typed note in the capture line.
    pub fn capturing(&self) -> Option<String> {
        match &self.mode {
            Mode::Line(line) if matches!(line.kind, LineKind::Capture { .. }) => {
                Some(line.text()).filter(|t| !t.trim().is_empty())
            }
            _ => None,
        }
    }

    /// A command half-typed on the `:` line.
    pub fn commanding(&self) -> Option<String> {
        match &self.mode {
            Mode::Line(line) if line.kind == LineKind::Command => Some(line.text()).filter(|t| !t.trim().is_empty()),
            _ => None,
        }
    }

    /// True while text is being typed that is not in the journey yet (a cell
    /// being edited, the capture line, the command line): the shell keeps it
    /// in the recovery file within a second.
    pub fn is_typing(&self) -> bool {
        self.editor().is_some()
            || matches!(&self.mode, Mode::Line(l) if matches!(l.kind, LineKind::Capture { .. } | LineKind::Command))
    }

    /// True when something would be lost if jgrid stopped now (an abandoned
    /// edit counts while it is one undo away).
    pub fn has_unsaved(&self) -> bool {
        self.is_modified()
            || self.editor().is_some_and(Editor::is_changed)
            || self.capturing().is_some()
            || self.commanding().is_some()
            || self.history.abandoned().is_some()
    }

    /// What the recovery file should hold now.
    pub fn recovery_snapshot(&self) -> Option<(PathBuf, Recovery)> {
        let target = self.recovery.as_ref()?;
        let mut recovery = Recovery::new(&target.key, &self.journey, self.cursor, self.editing())
            .of_session(&target.session, self.on_disk.hash());
        recovery.capturing = self.capturing();
        recovery.command = self.commanding();
        recovery.source = self.source.clone();
        recovery.abandoned =
            self.history.abandoned().map(|(at, text)| Editing { phase: at.phase, row: at.row, text: text.to_owned() });
        Some((target.file.clone(), recovery))
    }
}
