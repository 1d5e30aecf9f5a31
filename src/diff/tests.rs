//! What `jgrid diff` reports for each kind of change.

use super::*;
use crate::journey::{Change, Note};
use crate::merge::tests::{base, set};

fn text(old: &Journey, new: &Journey) -> String {
    to_text(&diff(old, new))
}

#[test]
fn the_same_journey_has_no_changes() {
    assert_eq!(diff(&base(), &base()), []);
    assert_eq!(text(&base(), &base()), "");
    let v: serde_json::Value = serde_json::from_str(&to_json(&[])).unwrap();
    assert_eq!(v, serde_json::json!({"equal": true, "changes": []}));
}

#[test]
fn an_edited_cell_shows_its_phase_row_old_and_new_line() {
    let mut new = base();
    set(&mut new, 0, 1, "#web compare plans\n#shop advice\n#phone");
    assert_eq!(text(&base(), &new), "Orientation › Touchpoints\n-#web compare\n+#web compare plans\n+#phone\n");
}

#[test]
fn a_renamed_and_edited_phase_shows_as_renamed_with_its_cell_under_the_new_name() {
    let mut new = base();
    Change::RenamePhase { at: 1, name: "Buying".into() }.apply(&mut new).unwrap();
    set(&mut new, 1, 0, "Fast order\nClear price");
    assert_eq!(text(&base(), &new), "phase renamed: \"Purchase\" → \"Buying\"\nBuying › Need\n+Clear price\n");
}

#[test]
fn added_removed_and_moved_phases_rows_and_moods() {
    let mut new = base();
    Change::MovePhase { from: 2, to: 0 }.apply(&mut new).unwrap();
    Change::InsertPhase { at: 3, name: "Use".into(), mood: Some(1), cells: vec!["Stable line".into()] }
        .apply(&mut new)
        .unwrap();
    Change::RemovePhase { at: 2 }.apply(&mut new).unwrap();
    Change::InsertRow { at: 2, name: "Notes".into(), cells: vec![], role: None }.apply(&mut new).unwrap();
    assert_eq!(
        text(&base(), &new),
        "row added: \"Notes\" (position 3)\n\
         phase added: \"Use\" (position 3)\n\
         phase removed: \"Purchase\"\n\
         phase moved: \"Delivery\" (position 3 → 1)\n\
         mood of \"Use\": unknown → +1\n\
         Use › Need\n+Stable line\n\
         Purchase › Need\n-Fast order\n"
    );
}

#[test]
fn title_persona_and_inbox_notes_are_shown() {
    let mut new = base();
    new.title = "Moving house".into();
    new.inbox.push(Note {
        text: "chat bot failed".into(),
        source: Some("sara".into()),
        at: "2026-12-01T14:03:12Z".into(),
    });
    assert_eq!(
        text(&base(), &new),
        "title: \"Moving\" → \"Moving house\"\ninbox: +\"chat bot failed\" @sara 2026-12-01T14:03:12Z\n"
    );
}

#[test]
fn json_names_each_change_by_kind() {
    let mut new = base();
    set(&mut new, 1, 0, "Quick order");
    let v: serde_json::Value = serde_json::from_str(&to_json(&diff(&base(), &new))).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"equal": false, "changes": [{"kind": "cell", "phase": "Purchase", "row": "Need",
            "lines": [{"sign": "-", "text": "Fast order"}, {"sign": "+", "text": "Quick order"}]}]})
    );
}

#[test]
fn control_characters_from_the_file_never_reach_the_output_raw() {
    let mut new = base();
    set(&mut new, 0, 0, "evil \u{1b}[2J\u{9b}31m");
    let out = text(&base(), &new);
    assert!(out.contains("evil ␛[2J"), "{out}");
    assert!(!out.chars().any(|c| c != '\n' && (c.is_control() || c == '\u{9b}')));
    let json = to_json(&diff(&base(), &new));
    assert!(json.contains("\\u009b") && !json.contains('\u{9b}'));
}

#[test]
fn a_plain_line_diff_for_files_that_are_not_journeys() {
    assert_eq!(unified("a\n", "a\n", "x", "x"), "");
    assert_eq!(unified("", "new\n", "x", "x"), "--- a/x\n+++ b/x\n@@ -0,0 +1,1 @@\n+new\n");
    let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    let new = "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n";
    assert_eq!(
        unified(old, new, "x", "x"),
        "--- a/x\n+++ b/x\n@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n@@ -9,4 +10,3 @@\n 9\n 10\n 11\n-12\n"
    );
}

proptest::proptest! {
    #[test]
    fn a_diff_is_empty_exactly_when_nothing_changed((b, x, _) in crate::merge::proptests::scenario()) {
        let edits = diff(&b, &x);
        proptest::prop_assert_eq!(edits.is_empty(), b == x, "{}", to_text(&edits));
        proptest::prop_assert!(diff(&x, &x).is_empty());
    }
}

#[test]
fn choices_a_merge_recorded_show_when_they_come_and_go() {
    use crate::journey::{Axis, Unresolved, Version};
    let mut new = base();
    new.unresolved = vec![
        Unresolved::Mood { phase: "Purchase".into(), theirs: Some(-2) },
        Unresolved::Deleted { axis: Axis::Phase, name: "Delivery".into(), by: Version::Ours },
        Unresolved::Order { axis: Axis::Row, theirs: vec!["Touchpoints".into(), "Need".into()] },
    ];
    assert_eq!(
        text(&base(), &new),
        "merge conflict: +mood of \"Purchase\", theirs -2\n\
         merge conflict: +deleted-phase of \"Delivery\" (deleted on ours)\n\
         merge conflict: +row-order, theirs Touchpoints, Need\n"
    );
    assert_eq!(text(&new, &base()).lines().next(), Some("merge conflict: -mood of \"Purchase\", theirs -2"));
    let v: serde_json::Value = serde_json::from_str(&to_json(&diff(&base(), &new))).unwrap();
    assert_eq!(
        v["changes"][0],
        serde_json::json!({"kind": "conflict-added", "conflict": {"about": "mood", "subject": "Purchase", "theirs": "-2", "by": null}})
    );
}

#[test]
fn the_interview_log_shows_notes_logged_gone_and_sorted() {
    use crate::journey::{CellRef, notes};
    let mut old = base();
    let capture = notes::capture(
        &old,
        Note { text: "waited".into(), source: Some("sara".into()), at: "2026-12-01T14:03:12Z".into() },
    );
    capture.apply(&mut old).unwrap();
    let mut new = old.clone();
    notes::sort(&new, 0, CellRef::new(0, 0)).unwrap().apply(&mut new).unwrap();
    let shown = text(&old, &new);
    assert!(shown.contains("log: \"waited\" @sara 2026-12-01T14:03:12Z: the inbox → Orientation › Need\n"), "{shown}");
    let later =
        notes::capture(&new, Note { text: "\u{1b}[2J".into(), source: None, at: "2026-12-01T15:00:00Z".into() });
    let mut newer = new.clone();
    later.apply(&mut newer).unwrap();
    let shown = text(&new, &newer);
    assert!(shown.contains("log: +\"␛[2J\" 2026-12-01T15:00:00Z → the inbox\n"), "{shown}");
    assert!(text(&newer, &new).contains("log: -\"␛[2J\""));
    assert!(!diff(&new, &newer).is_empty(), "a journey whose log differs is not the same");
}
