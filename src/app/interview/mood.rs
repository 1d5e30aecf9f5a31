//! What the interviews say of each phase and cell: the customer's mood per
//! phase (`{`, `}`, `:mood`) and the evidence view (`E`: how many sources
//! back each cell).

use crate::app::state::App;
use crate::insights::mood;
use crate::journey::Change;

/// `E`: show or hide how many sources back each cell.
pub fn toggle_evidence(app: &mut App) {
    let on = app.derived.evidence().is_none();
    let text = match app.derived.set_evidence(&app.journey, on) {
        Some(evidence) => format!("Evidence: {}; cells marked unbacked name no source", evidence.summary()),
        None => "Evidence off".to_owned(),
    };
    app.info(text);
}

/// Set the cursor phase's mood (one undoable change) and say so.
pub fn set_mood(app: &mut App, mood: Option<i8>) {
    let phase = app.cursor.phase;
    app.change(Change::SetMood { phase, mood });
    let name = app.journey.phases().get(phase).map_or("", |p| p.name.as_str()).to_owned();
    app.info(format!("Mood of {} {name}: {} (u undoes)", phase + 1, mood::label(mood)));
}

/// `}` and `{`: one step happier or unhappier, from unknown to ±1, within ±2.
pub fn step_mood(app: &mut App, happier: bool) {
    let now = app.journey.phases().get(app.cursor.phase).and_then(|p| p.mood);
    set_mood(app, if happier { mood::raise(now) } else { mood::lower(now) });
}

/// `:mood N` sets the cursor phase's mood; `:mood` alone clears it.
pub fn mood_command(app: &mut App, arg: &str) {
    match mood::parse(arg) {
        Ok(m) => set_mood(app, m),
        Err(e) => app.error(format!(":mood: {e}")),
    }
}
