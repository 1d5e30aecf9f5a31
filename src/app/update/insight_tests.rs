//! Moods, the insights list and the evidence view, as key sequences.

use super::tests::{keys, sample};
use super::*;
use crate::app::lists::items::ListKind;
use crate::journey::{CellRef, Change};

#[test]
fn braces_step_the_mood_from_unknown_and_clamp_at_two() {
    let mut app = sample();
    keys(&mut app, "l}");
    assert_eq!(app.doc.journey.phases()[1].mood, Some(1), "unknown to +1");
    keys(&mut app, "}}}");
    assert_eq!(app.doc.journey.phases()[1].mood, Some(2), "clamped");
    keys(&mut app, "{{{{{{");
    assert_eq!(app.doc.journey.phases()[1].mood, Some(-2));
    keys(&mut app, "h{");
    assert_eq!(app.doc.journey.phases()[0].mood, Some(-1), "unknown to -1");
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.phases()[0].mood, None, "undoable");
    assert!(app.status.is_some());
}

#[test]
fn the_mood_command_sets_clears_and_explains() {
    let mut app = sample();
    keys(&mut app, ":mood -2<Enter>");
    assert_eq!(app.doc.journey.phases()[0].mood, Some(-2));
    keys(&mut app, ":mood<Enter>");
    assert_eq!(app.doc.journey.phases()[0].mood, None);
    keys(&mut app, ":mood 5<Enter>");
    let status = app.status.clone().unwrap();
    assert!(status.error && status.text.contains("-2 to 2"), "{status:?}");
    assert_eq!(app.doc.journey.phases()[0].mood, None);
}

#[test]
fn the_insights_list_ranks_pains_and_jumps_to_the_cell() {
    let mut app = sample();
    let set = |app: &mut App, p, r, text: &str| {
        Change::SetCell { at: CellRef::new(p, r), text: text.into() }.apply(&mut app.doc.journey).unwrap();
    };
    set(&mut app, 0, 0, "! slow @sara");
    set(&mut app, 3, 1, "+ an app\n! waited 25 minutes @sara\n! Waited 25 minutes. @tom");
    keys(&mut app, "L");
    let Mode::List(list) = &app.mode else { panic!("the list is open") };
    let crate::app::lists::ListKind::Insights(items) = &list.kind else { panic!("the insights") };
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
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
    let summary = app.evidence().as_ref().unwrap().summary();
    assert!(summary.starts_with("0 of 1 cell"), "{summary}");
    keys(&mut app, "lji @sara<Esc>");
    let summary = app.evidence().as_ref().unwrap().summary();
    assert!(summary.starts_with("1 of 1 cell") && summary.contains("1 source"), "{summary}");
    keys(&mut app, "E");
    assert!(app.evidence().is_none());
}

/// The broadband sample's first bill phase: Need has text, Message is empty.
fn first_bill() -> App {
    let text = include_str!("../../../journeys/broadband-moving-house.toml");
    let journey = crate::format::parse(text.as_bytes()).unwrap();
    let mut app = App::new(journey, Some("j.toml".into()), crate::app::History::saved());
    update(&mut app, Msg::Resize(100, 30));
    app
}

#[test]
fn a_accepts_a_finding_with_a_reason_and_the_list_takes_it_back() {
    let mut app = first_bill();
    keys(&mut app, "H");
    let open = app.findings().len();
    // Order move's Message holds the conflicting lead times.
    keys(&mut app, "ljjA");
    assert!(matches!(&app.mode, Mode::Line(l) if matches!(l.kind, LineKind::Reason { .. })), "{:?}", app.status);
    keys(&mut app, "phone says the contract date<Enter>");
    assert_eq!(app.doc.journey.accepted.len(), 1);
    assert_eq!(app.doc.journey.accepted[0].check, "conflicting-message");
    assert_eq!(app.doc.journey.accepted[0].reason, "phone says the contract date");
    assert_eq!(app.findings().len(), open - 1, "it leaves the marks and counts");
    assert!(app.review().as_ref().unwrap().to_words().ends_with("· 1 accepted"));
    keys(&mut app, ":accepted<Enter>");
    assert!(matches!(app.mode, Mode::List(_)));
    keys(&mut app, "x");
    assert!(app.doc.journey.accepted.is_empty(), "x accepts it no more");
    assert!(matches!(app.mode, Mode::Normal), "the empty list closes");
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.accepted.len(), 1, "undoable like any change");
    keys(&mut app, "u");
    assert!(app.doc.journey.accepted.is_empty());
}

#[test]
fn a_picks_from_a_list_when_the_cell_has_several_findings_and_esc_accepts_nothing() {
    let mut app = first_bill();
    // First bill: Need has text and Message is empty (an unanswered need),
    // and a Need line is a dead end.
    let at = crate::journey::CellRef::new(app.doc.journey.phase_index("First bill").unwrap(), 0);
    let need = format!("{}\nthe app couldn't explain the bill, told me to call @tom", app.doc.journey.cell(at));
    crate::journey::Change::SetCell { at, text: need }.apply(&mut app.doc.journey).unwrap();
    keys(&mut app, "$hA");
    let Mode::List(list) = &app.mode else { panic!("a pick list: {:?}", app.status) };
    assert!(list.len() >= 2);
    keys(&mut app, "j<Enter><Esc>");
    assert!(app.doc.journey.accepted.is_empty(), "Esc at the reason accepts nothing");
    keys(&mut app, "A<Enter><Enter>");
    assert_eq!(app.doc.journey.accepted.len(), 1, "an empty reason is fine");
}

#[test]
fn external_toggles_a_channel_and_is_undoable() {
    let mut app = sample();
    keys(&mut app, ":external #search<Enter>");
    assert_eq!(app.doc.journey.external, ["search"]);
    keys(&mut app, ":external Search<Enter>");
    assert!(app.doc.journey.external.is_empty());
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.external, ["search"]);
    keys(&mut app, ":external no way<Enter>");
    assert!(app.status.as_ref().unwrap().error);
}

/// Highlight mode's marks, counts and merge conflicts are those of checking
/// the journey from scratch after every kind of change: cell edits (checked
/// incrementally), undo and redo, structure changes, acceptances.
#[test]
fn highlight_mode_stays_what_checking_from_scratch_gives() {
    let mut app = first_bill();
    let current = |app: &App| {
        if let Some(review) = &app.review() {
            assert_eq!(review, &crate::checks::review(&app.doc.journey));
        }
        assert_eq!(app.conflicts(), crate::checks::merge_conflicts(&app.doc.journey));
    };
    keys(&mut app, "H");
    current(&app);
    // Order move's Message: its lead times conflict with other phases'.
    keys(&mut app, "ljjAthe contract date<Enter>");
    assert_eq!(app.doc.journey.accepted.len(), 1);
    current(&app);
    for spec in ["x", "u", "<C-r>", "u", "jji#chat Retail owns it<Esc>", "kxlx", "uu", "a#shop<Esc>", "hh"] {
        keys(&mut app, spec);
        current(&app);
    }
    update(&mut app, Msg::Paste("<<<<<<< ours\nfast\n=======\nslow\n>>>>>>> theirs".into()));
    keys(&mut app, "<Esc>");
    current(&app);
    assert_eq!(app.conflicts().len(), 1);
    for spec in ["H", "x", "H", "u", "Mt", ">", "X", "y", "u", "u"] {
        keys(&mut app, spec);
        current(&app);
    }
    assert!(app.highlight());
}

#[test]
fn after_x_in_the_accepted_list_the_stale_marks_stay_on_their_findings() {
    let mut app = first_bill();
    // A finding that occurs, then one that occurs no more (stale).
    keys(&mut app, "HljjA");
    keys(&mut app, "real<Enter>");
    let stale = crate::journey::Acceptance {
        check: "empty-cell".into(),
        phase: "No such phase".into(),
        rows: vec!["Systems".into()],
        subject: None,
        reason: "gone".into(),
    };
    app.change(Change::InsertAcceptance { at: 1, acceptance: stale });
    app.recheck();
    keys(&mut app, ":accepted<Enter>");
    let Mode::List(list) = &app.mode else { panic!("{:?}", app.status) };
    let ListKind::Accepted(items) = &list.kind else { panic!() };
    assert_eq!(items.iter().map(|i| i.stale).collect::<Vec<_>>(), [false, true]);
    keys(&mut app, "x");
    let Mode::List(list) = &app.mode else { panic!("{:?}", app.status) };
    let ListKind::Accepted(items) = &list.kind else { panic!() };
    assert_eq!(items.len(), 1);
    assert!(items[0].stale, "the one left is still the stale one");
}

#[test]
fn accepting_a_stale_finding_again_offers_the_old_reason_and_replaces_it() {
    let mut app = first_bill();
    keys(&mut app, "HljjA");
    keys(&mut app, "phone says the contract date<Enter>");
    assert_eq!(app.doc.journey.accepted.len(), 1);
    // Its phase renamed outside jgrid: the acceptance goes stale (HH checks again).
    app.doc.journey.accepted[0].phase = "Gone".into();
    keys(&mut app, "HH");
    keys(&mut app, "A");
    let Mode::Line(line) = &app.mode else { panic!("a reason prompt: {:?}", app.status) };
    assert_eq!(line.text(), "phone says the contract date", "the old reason is offered");
    keys(&mut app, "<Enter>");
    assert_eq!(app.doc.journey.accepted.len(), 1, "the stale acceptance is replaced");
    assert_eq!(app.doc.journey.accepted[0].phase, "Order move");
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.accepted[0].phase, "Gone", "one undo step");
}
