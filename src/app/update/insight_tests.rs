//! Moods, the insights list and the evidence view, as key sequences.

use super::tests::{keys, sample};
use super::*;
use crate::journey::{CellRef, Change};

#[test]
fn braces_step_the_mood_from_unknown_and_clamp_at_two() {
    let mut app = sample();
    keys(&mut app, "l}");
    assert_eq!(app.journey.phases()[1].mood, Some(1), "unknown to +1");
    keys(&mut app, "}}}");
    assert_eq!(app.journey.phases()[1].mood, Some(2), "clamped");
    keys(&mut app, "{{{{{{");
    assert_eq!(app.journey.phases()[1].mood, Some(-2));
    keys(&mut app, "h{");
    assert_eq!(app.journey.phases()[0].mood, Some(-1), "unknown to -1");
    keys(&mut app, "u");
    assert_eq!(app.journey.phases()[0].mood, None, "undoable");
    assert!(app.status.is_some());
}

#[test]
fn the_mood_command_sets_clears_and_explains() {
    let mut app = sample();
    keys(&mut app, ":mood -2<Enter>");
    assert_eq!(app.journey.phases()[0].mood, Some(-2));
    keys(&mut app, ":mood<Enter>");
    assert_eq!(app.journey.phases()[0].mood, None);
    keys(&mut app, ":mood 5<Enter>");
    let status = app.status.clone().unwrap();
    assert!(status.error && status.text.contains("-2 to 2"), "{status:?}");
    assert_eq!(app.journey.phases()[0].mood, None);
}

#[test]
fn the_insights_list_ranks_pains_and_jumps_to_the_cell() {
    let mut app = sample();
    let set = |app: &mut App, p, r, text: &str| {
        Change::SetCell { at: CellRef::new(p, r), text: text.into() }.apply(&mut app.journey).unwrap();
    };
    set(&mut app, 0, 0, "! slow @sara");
    set(&mut app, 3, 1, "+ an app\n! waited 25 minutes @sara\n! Waited 25 minutes. @tom");
    keys(&mut app, "L");
    let Mode::Insights(list) = &app.mode else { panic!("the list is open") };
    let texts: Vec<&str> = list.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["waited 25 minutes", "slow", "an app"], "most-cited pain first");
    keys(&mut app, "jj<Enter>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.cursor, CellRef::new(3, 1), "Enter jumps to the opportunity's cell");
    keys(&mut app, "LGk<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.cursor, CellRef::new(3, 1), "Esc closes without moving");
}

#[test]
fn the_evidence_view_counts_sources_and_follows_changes() {
    let mut app = sample();
    keys(&mut app, "E");
    let summary = app.evidence.as_ref().unwrap().summary();
    assert!(summary.starts_with("0 of 1 cell"), "{summary}");
    keys(&mut app, "lji @sara<Esc>");
    let summary = app.evidence.as_ref().unwrap().summary();
    assert!(summary.starts_with("1 of 1 cell") && summary.contains("1 source"), "{summary}");
    keys(&mut app, "E");
    assert!(app.evidence.is_none());
}
