//! `:only @omar`: the grid as one interviewee said it. The view keeps a
//! filtered copy of the journey (that source's lines and the lines with no
//! source), brought up to date after every change; the grid, the overview
//! and zoom draw it. The journey itself is never filtered: editing a cell
//! shows the whole cell, and what would replace a cell's hidden lines
//! (clear, cut, paste) is refused while the cell has any.

use crate::app::state::App;
use crate::journey::{CellRef, Journey, is_source_name, only};

/// The source shown alone and the journey as that source said it.
#[derive(Debug, Clone)]
pub struct Only {
    pub name: String,
    pub shown: Journey,
}

/// `:only @NAME` (or `:only NAME`) shows only that source's lines; `:only` alone shows everyone again.
pub fn only_command(app: &mut App, arg: &str) {
    let name = arg.trim().trim_start_matches('@');
    if name.is_empty() {
        if app.workspace.only.take().is_some() {
            app.info("Every source's lines are shown again");
        } else {
            app.info("Every source's lines are shown (:only @NAME shows one source's)");
        }
    } else if is_source_name(name) {
        let name = name.to_lowercase();
        let shown = only(&app.doc.journey, &name);
        let known = crate::journey::text_sources(&all_text(&app.doc.journey)).contains(&name);
        app.workspace.only = Some(Only { name: name.clone(), shown });
        if known {
            app.info(format!("Only @{name}'s lines and lines with no source are shown (:only alone shows all)"));
        } else {
            app.info(format!("No line names @{name} yet: only lines with no source are shown (:only alone shows all)"));
        }
    } else {
        app.error(format!(
            ":only needs a source name of letters, digits, - and _ (for example :only @omar), not \"{}\"",
            crate::text::sanitize(name)
        ));
    }
}

fn all_text(journey: &Journey) -> String {
    let mut all = String::new();
    for phase in 0..journey.phase_count() {
        for row in 0..journey.row_count() {
            all.push_str(journey.cell(CellRef::new(phase, row)));
            all.push('\n');
        }
    }
    all
}

impl App {
    /// The journey as the grid shows it: filtered by `:only`, else the journey.
    pub fn shown(&self) -> &Journey {
        self.workspace.only.as_ref().map_or(&self.doc.journey, |o| &o.shown)
    }

    /// The source `:only` shows alone, if any.
    pub fn only_source(&self) -> Option<&str> {
        self.workspace.only.as_ref().map(|o| o.name.as_str())
    }

    /// Bring the filtered copy up to date with the journey (after a change).
    pub(in crate::app) fn refresh_only(&mut self) {
        if let Some(o) = &mut self.workspace.only {
            o.shown = only(&self.doc.journey, &o.name);
        }
    }

    /// How many lines of the cell `:only` hides (0 when it is off).
    pub(in crate::app) fn hidden_lines(&self, at: CellRef) -> usize {
        let Some(o) = &self.workspace.only else { return 0 };
        let all = self.doc.journey.cell(at);
        if all.is_empty() {
            return 0;
        }
        let shown = o.shown.cell(at);
        let shown_count = if shown.is_empty() { 0 } else { shown.split('\n').count() };
        all.split('\n').count().saturating_sub(shown_count)
    }

    /// True (and says why) when replacing the cell at `at` would drop lines `:only` hides.
    pub(in crate::app) fn refuse_hidden(&mut self, at: CellRef, what: &str) -> bool {
        let hidden = self.hidden_lines(at);
        if hidden == 0 {
            return false;
        }
        let name = self.only_source().unwrap_or_default().to_owned();
        let lines = if hidden == 1 { "1 line" } else { "lines" };
        self.error(format!(
            "Not {what}: this cell has {lines} of other sources that :only @{name} hides (:only alone shows them)"
        ));
        true
    }
}
