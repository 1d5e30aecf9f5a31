//! The insights list (`L`): every pain (most sources first), opportunity,
//! open question and quote, over the grid; Enter jumps to the cell that says
//! it. And the evidence view (`E`) and the mood keys (`{`, `}`, `:mood`).

use super::action::Action;
pub use super::insight_list::InsightList;
use super::msg::Effect;
use super::state::{App, Mode};
use crate::insights::{Evidence, Insight, Insights, mood};
use crate::journey::Change;

/// `L`: open the list of insights.
pub fn open(app: &mut App) {
    let items: Vec<Insight> = Insights::of(&app.journey).iter().cloned().collect();
    if items.is_empty() {
        app.info("No marked lines yet: start a line with ! (pain), + (opportunity), ? (question) or > (quote)");
        return;
    }
    app.mode = Mode::Insights(Box::new(InsightList { items, selected: 0 }));
}

/// An action in the insights list.
pub fn run(app: &mut App, action: Action) -> Vec<Effect> {
    let Mode::Insights(list) = &mut app.mode else { return Vec::new() };
    let last = list.items.len().saturating_sub(1);
    let page = usize::from(app.height.saturating_sub(6)).max(1);
    match action {
        Action::MoveUp => list.selected = list.selected.saturating_sub(1),
        Action::MoveDown => list.selected = (list.selected + 1).min(last),
        Action::FirstRow => list.selected = 0,
        Action::LastRow => list.selected = last,
        Action::PageUp => list.selected = list.selected.saturating_sub(page),
        Action::PageDown => list.selected = (list.selected + page).min(last),
        Action::Submit => {
            let at = list.items.get(list.selected).map(Insight::at);
            app.mode = Mode::Normal;
            if let Some(at) = at.filter(|&at| app.journey.contains(at)) {
                app.cursor = at;
            }
        }
        Action::Cancel | Action::ShowInsights => app.mode = Mode::Normal,
        _ => {}
    }
    Vec::new()
}

/// `E`: show or hide how many sources back each cell.
pub fn toggle_evidence(app: &mut App) {
    if app.evidence.take().is_some() {
        app.info("Evidence off");
        return;
    }
    let evidence = Evidence::of(&app.journey);
    app.info(format!("Evidence: {}; cells marked unbacked name no source", evidence.summary()));
    app.evidence = Some(evidence);
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
