//! What the interviews say of each phase and cell: the customer's mood per
//! phase (`{`, `}`, `:mood`) and the evidence view (`E`: how many sources
//! back each cell).
//!
//! Whose mood the keys change is the one the header shows: the source shown
//! alone (`:only @omar`), else the current source (`:source sara`), each as
//! that source's own mood in the phase (`[phase.moods]`); with neither, the
//! phase's own `mood`.

use crate::app::state::App;
use crate::insights::mood;
use crate::journey::Change;

/// `E`: show or hide how many sources back each cell.
pub fn toggle_evidence(app: &mut App) {
    let on = app.derived.evidence().is_none();
    let text = match app.derived.set_evidence(&app.doc.journey, on) {
        Some(evidence) => format!("Evidence: {}; cells marked unbacked name no source", evidence.summary()),
        None => "Evidence off".to_owned(),
    };
    app.info(text);
}

impl App {
    /// Whose mood the header shows and `{`, `}` and `:mood` change: the
    /// source of `:only`, else the current source; `None`: the phase's own.
    pub fn mood_source(&self) -> Option<&str> {
        self.workspace.only.as_ref().map(|o| o.name.as_str()).or(self.workspace.source.as_deref())
    }

    /// The mood the header shows for a phase: [`App::mood_source`]'s, else the phase's own.
    pub fn shown_mood(&self, phase: usize) -> Option<i8> {
        let phase = self.doc.journey.phases().get(phase)?;
        match self.mood_source() {
            Some(source) => phase.mood_of(source),
            None => phase.mood,
        }
    }
}

/// Set the cursor phase's mood, or the current source's mood in it (one
/// undoable change), and say so.
pub fn set_mood(app: &mut App, mood: Option<i8>) {
    let phase = app.cursor.phase;
    let source = app.mood_source().map(crate::journey::source_key);
    let change = match &source {
        Some(source) => Change::SetSourceMood { phase, source: source.clone(), mood },
        None => Change::SetMood { phase, mood },
    };
    app.change(change);
    let name = app.doc.journey.phases().get(phase).map_or("", |p| p.name.as_str());
    let name = crate::text::one_line(name).into_owned();
    let whose = source.map_or_else(String::new, |s| format!("@{s} in "));
    app.info(format!("Mood of {whose}{} {name}: {} (u undoes)", phase + 1, mood::label(mood)));
}

/// `}` and `{`: one step happier or unhappier, from unknown to ±1, within ±2.
/// At +2 (-2) it changes nothing and says so: no empty step to undo.
pub fn step_mood(app: &mut App, happier: bool) {
    let now = app.shown_mood(app.cursor.phase);
    let next = if happier { mood::raise(now) } else { mood::lower(now) };
    if next == now {
        let whose = app.mood_source().map_or_else(|| "The mood".to_owned(), |s| format!("The mood of @{s}"));
        let end = if happier { "happiest" } else { "unhappiest" };
        app.info(format!("{whose} is already {}, the {end}", mood::label(now)));
        return;
    }
    set_mood(app, next);
}

/// `:mood N` sets the cursor phase's mood; `:mood` alone clears it.
pub fn mood_command(app: &mut App, arg: &str) {
    match mood::parse(arg) {
        Ok(m) => set_mood(app, m),
        Err(e) => app.error(format!(":mood: {e}")),
    }
}
