//! Merge scenarios, one per thing a team does at the same time.

use super::*;
use crate::journey::{CellRef, Change, Journey};

pub(crate) fn set(j: &mut Journey, p: usize, r: usize, text: &str) {
    Change::SetCell { at: CellRef::new(p, r), text: text.into() }.apply(j).unwrap();
}

/// Three phases, two rows, four cells filled; also the diff tests' base.
pub(crate) fn base() -> Journey {
    let mut j = Journey::new("Moving", "Anna", ["Need", "Touchpoints"], ["Orientation", "Purchase", "Delivery"]);
    set(&mut j, 0, 0, "Working internet");
    set(&mut j, 0, 1, "#web compare\n#shop advice");
    set(&mut j, 1, 0, "Fast order");
    set(&mut j, 2, 1, "#mail date");
    j
}

fn cell(j: &Journey, phase: &str, row: &str) -> String {
    j.cell(CellRef::new(j.phase_index(phase).unwrap(), j.row_index(row).unwrap())).to_owned()
}

pub(crate) fn run(b: &Journey, o: &Journey, t: &Journey) -> Merged {
    merge(b, o, t, &Labels::default())
}

#[test]
fn appends_to_the_same_cell_are_both_kept_ours_first() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    set(&mut o, 0, 1, "#web compare\n#shop advice\n#phone call");
    set(&mut t, 0, 1, "#web compare\n#shop advice\n#chat bot");
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(cell(&m.journey, "Orientation", "Touchpoints"), "#web compare\n#shop advice\n#phone call\n#chat bot");
}

pub(crate) fn names(j: &Journey) -> Vec<&str> {
    j.phases().iter().map(|p| p.name.as_str()).collect()
}

/// The merged journey written and read back: the file opens.
pub(crate) fn reopened(m: &Merged) -> Journey {
    let text = crate::format::to_toml(&m.journey);
    let j = crate::format::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{}\n{text}", e.render("merged")));
    assert_eq!(j, m.journey);
    j
}

#[test]
fn edits_of_different_cells_both_land() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    set(&mut o, 0, 0, "Working internet on moving day");
    set(&mut t, 2, 0, "Know the date");
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(cell(&m.journey, "Orientation", "Need"), "Working internet on moving day");
    assert_eq!(cell(&m.journey, "Delivery", "Need"), "Know the date");
}

#[test]
fn edits_of_different_lines_of_one_cell_merge() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    set(&mut o, 0, 1, "#web compare plans\n#shop advice");
    set(&mut t, 0, 1, "#web compare\n#shop advice in person");
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(cell(&m.journey, "Orientation", "Touchpoints"), "#web compare plans\n#shop advice in person");
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let b = base();
    let mut o = b.clone();
    set(&mut o, 1, 0, "Fast order\n! slow checkout");
    o.title = "Moving house".into();
    let m = run(&b, &o, &o);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.journey, o);
}

#[test]
fn a_rename_on_one_side_takes_the_other_sides_edits_along() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RenamePhase { at: 1, name: "Buying".into() }.apply(&mut o).unwrap();
    set(&mut t, 1, 0, "Fast order\nClear price");
    set(&mut t, 1, 1, "#web checkout");
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(names(&m.journey), ["Orientation", "Buying", "Delivery"]);
    assert_eq!(cell(&m.journey, "Buying", "Need"), "Fast order\nClear price");
    assert_eq!(cell(&m.journey, "Buying", "Touchpoints"), "#web checkout");
}

#[test]
fn a_renamed_empty_phase_is_recognised_by_its_place() {
    let mut b = base();
    set(&mut b, 2, 1, "");
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RenamePhase { at: 2, name: "Installation".into() }.apply(&mut o).unwrap();
    set(&mut t, 2, 1, "#mail date\n#sms reminder");
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(names(&m.journey), ["Orientation", "Purchase", "Installation"]);
    assert_eq!(cell(&m.journey, "Installation", "Touchpoints"), "#mail date\n#sms reminder");
}

#[test]
fn a_renamed_row_takes_the_other_sides_edits_along() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RenameRow { at: 0, name: "Needs".into() }.apply(&mut o).unwrap();
    set(&mut t, 1, 0, "Fast order\nNo paperwork");
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.journey.rows(), ["Needs", "Touchpoints"]);
    assert_eq!(cell(&m.journey, "Purchase", "Needs"), "Fast order\nNo paperwork");
}

#[test]
fn phases_added_on_both_sides_are_both_kept_ours_first_at_the_same_place() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::InsertPhase { at: 2, name: "Payment".into(), mood: None, cells: vec!["Pay once".into()] }
        .apply(&mut o)
        .unwrap();
    Change::InsertPhase { at: 2, name: "Contract".into(), mood: Some(-1), cells: vec![] }.apply(&mut t).unwrap();
    Change::InsertPhase { at: 4, name: "Use".into(), mood: None, cells: vec![] }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(names(&m.journey), ["Orientation", "Purchase", "Payment", "Contract", "Delivery", "Use"]);
    assert_eq!(cell(&m.journey, "Payment", "Need"), "Pay once");
    assert_eq!(m.journey.phases()[3].mood, Some(-1));
    reopened(&m);
}

#[test]
fn a_phase_added_on_both_sides_under_one_name_is_one_phase_with_both_texts() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::InsertPhase { at: 3, name: "Use".into(), mood: None, cells: vec!["Stable line".into()] }
        .apply(&mut o)
        .unwrap();
    Change::InsertPhase { at: 3, name: "Use".into(), mood: None, cells: vec!["Fast line".into()] }
        .apply(&mut t)
        .unwrap();
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(names(&m.journey), ["Orientation", "Purchase", "Delivery", "Use"]);
    assert_eq!(cell(&m.journey, "Use", "Need"), "Stable line\nFast line");
}

#[test]
fn a_move_on_one_side_and_an_edit_on_the_other_both_apply() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::MovePhase { from: 2, to: 0 }.apply(&mut o).unwrap();
    set(&mut t, 2, 1, "#mail date\n#sms on the day");
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(names(&m.journey), ["Delivery", "Orientation", "Purchase"]);
    assert_eq!(cell(&m.journey, "Delivery", "Touchpoints"), "#mail date\n#sms on the day");
}

#[test]
fn the_same_line_changed_two_ways_is_a_marked_conflict_that_opens_and_resolves() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    set(&mut o, 0, 0, "Working internet from day one");
    set(&mut t, 0, 0, "Internet that works on moving day");
    let m = run(&b, &o, &t);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].to_string(), "Orientation › Need: the same lines changed in two ways");
    let text = cell(&m.journey, "Orientation", "Need");
    assert_eq!(
        text,
        "<<<<<<< ours\nWorking internet from day one\n=======\nInternet that works on moving day\n>>>>>>> theirs"
    );
    let j = reopened(&m);
    let at = CellRef::new(0, 0);
    for (side, want) in [
        (Side::Ours, "Working internet from day one"),
        (Side::Theirs, "Internet that works on moving day"),
        (Side::Both, "Working internet from day one\nInternet that works on moving day"),
    ] {
        let mut k = j.clone();
        let undo = resolve_at(&k, at, side).unwrap().apply(&mut k).unwrap();
        assert_eq!(k.cell(at), want);
        undo.apply(&mut k).unwrap();
        assert_eq!(k, j, "one undoable step");
    }
}

#[test]
fn labels_replace_the_words_after_the_markers() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    set(&mut o, 1, 0, "Quick order");
    set(&mut t, 1, 0, "Order online");
    let labels = Labels { ours: "HEAD".into(), theirs: "feature/anna".into(), ..Labels::default() };
    let m = merge(&b, &o, &t, &labels);
    assert_eq!(
        cell(&m.journey, "Purchase", "Need"),
        "<<<<<<< HEAD\nQuick order\n=======\nOrder online\n>>>>>>> feature/anna"
    );
}

#[test]
fn a_phase_deleted_on_one_side_and_edited_on_the_other_stays_with_the_edit_marked() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RemovePhase { at: 2 }.apply(&mut o).unwrap();
    set(&mut t, 2, 1, "#mail date\n#sms reminder");
    let m = run(&b, &o, &t);
    assert_eq!(names(&m.journey), ["Orientation", "Purchase", "Delivery"]);
    assert_eq!(
        cell(&m.journey, "Delivery", "Touchpoints"),
        "<<<<<<< ours (deleted this phase)\n=======\n#mail date\n#sms reminder\n>>>>>>> theirs"
    );
    assert_eq!(m.conflicts.len(), 2, "the cell, and the deletion itself");
    assert_eq!(m.conflicts[0].to_string(), "Delivery › Touchpoints: the phase was deleted on ours, changed on theirs");
    let mut swapped = run(&b, &t, &o);
    assert_eq!(
        cell(&swapped.journey, "Delivery", "Touchpoints"),
        "<<<<<<< ours\n#mail date\n#sms reminder\n=======\n>>>>>>> theirs (deleted this phase)"
    );
    // Taking theirs: first the cell (emptied), then the deletion (the phase goes).
    let at = CellRef::new(2, 1);
    resolve_at(&swapped.journey, at, Side::Theirs).unwrap().apply(&mut swapped.journey).unwrap();
    assert_eq!(swapped.journey.cell(at), "");
    resolve_at(&swapped.journey, at, Side::Theirs).unwrap().apply(&mut swapped.journey).unwrap();
    assert_eq!(names(&swapped.journey), ["Orientation", "Purchase"]);
}

#[test]
fn a_phase_renamed_two_ways_keeps_both_names_in_one_that_resolves() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RenamePhase { at: 1, name: "Buying".into() }.apply(&mut o).unwrap();
    Change::RenamePhase { at: 1, name: "Ordering".into() }.apply(&mut t).unwrap();
    set(&mut t, 1, 0, "Fast order\nClear price");
    let m = run(&b, &o, &t);
    assert_eq!(names(&m.journey)[1], "<<<<<<< Buying ======= Ordering >>>>>>>");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(cell(&m.journey, names(&m.journey)[1], "Need"), "Fast order\nClear price");
    let mut j = reopened(&m);
    resolve_at(&j, CellRef::new(1, 1), Side::Theirs).unwrap().apply(&mut j).unwrap();
    assert_eq!(names(&j), ["Orientation", "Ordering", "Delivery"]);
}

#[test]
fn a_rename_onto_a_name_the_other_side_added_keeps_names_apart() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RenamePhase { at: 2, name: "Payment".into() }.apply(&mut o).unwrap();
    Change::InsertPhase { at: 3, name: "Payment".into(), mood: None, cells: vec!["Pay".into()] }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    let j = reopened(&m);
    assert_eq!(names(&j), ["Orientation", "Purchase", "<<<<<<< Payment ======= Delivery >>>>>>>", "Payment"]);
    assert_eq!(m.conflicts.len(), 1);
}

#[test]
fn a_cell_whose_text_looks_like_markers_gets_longer_markers() {
    let mut b = base();
    set(&mut b, 0, 0, "=======\nnotes\n<<<<<<< not a conflict");
    let (mut o, mut t) = (b.clone(), b.clone());
    set(&mut o, 0, 0, "=======\nnotes A\n<<<<<<< not a conflict");
    set(&mut t, 0, 0, "=======\nnotes B\n<<<<<<< not a conflict");
    assert!(!has_conflict(b.cell(CellRef::new(0, 0))));
    let m = run(&b, &o, &t);
    let text = cell(&m.journey, "Orientation", "Need");
    assert_eq!(text, "=======\n<<<<<<<< ours\nnotes A\n========\nnotes B\n>>>>>>>> theirs\n<<<<<<< not a conflict");
    assert_eq!(blocks(&text).len(), 1);
    assert_eq!(take(&text, Side::Ours), o.cell(CellRef::new(0, 0)));
    assert_eq!(take(&text, Side::Theirs), t.cell(CellRef::new(0, 0)));
}

#[test]
fn inbox_notes_captured_on_both_sides_are_kept_once_each_in_time_order() {
    let note =
        |text: &str, at: &str| crate::journey::Note { text: text.into(), source: Some("sara".into()), at: at.into() };
    let mut b = base();
    b.inbox.push(note("first", "2026-12-01T09:00:00Z"));
    let (mut o, mut t) = (b.clone(), b.clone());
    o.inbox.push(note("from ours", "2026-12-01T10:30:00Z"));
    o.inbox.push(note("same on both", "2026-12-01T11:00:00Z"));
    t.inbox.push(note("from theirs", "2026-12-01T10:00:00Z"));
    t.inbox.push(note("same on both", "2026-12-01T11:00:00Z"));
    let m = run(&b, &o, &t);
    let texts: Vec<&str> = m.journey.inbox.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["first", "from theirs", "from ours", "same on both"]);
}

#[test]
fn accepted_findings_follow_a_rename_from_the_other_side() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RenamePhase { at: 1, name: "Buying".into() }.apply(&mut o).unwrap();
    let acceptance = crate::journey::Acceptance {
        check: "empty-cell".into(),
        phase: "Purchase".into(),
        rows: vec!["Touchpoints".into()],
        subject: None,
        reason: "comes later".into(),
    };
    t.accepted.push(acceptance.clone());
    let m = run(&b, &o, &t);
    assert_eq!(m.journey.accepted, [crate::journey::Acceptance { phase: "Buying".into(), ..acceptance }]);
}

#[test]
fn two_new_files_merge_against_an_empty_base() {
    let empty = Journey::new("", "", Vec::<String>::new(), Vec::<String>::new());
    let mut o = base();
    let mut t = base();
    set(&mut o, 1, 1, "#web");
    set(&mut t, 1, 1, "#shop");
    let m = run(&empty, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(cell(&m.journey, "Purchase", "Touchpoints"), "#web\n#shop");
    reopened(&m);
}

#[test]
fn title_changed_two_ways_is_an_inline_conflict_resolved_from_any_cell() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    o.title = "Moving house".into();
    t.title = "Broadband move".into();
    let m = run(&b, &o, &t);
    assert_eq!(m.journey.title, "<<<<<<< Moving house ======= Broadband move >>>>>>>");
    let mut j = reopened(&m);
    assert_eq!(conflict_at(&j, CellRef::new(2, 1)), Some(ConflictAt::Title));
    resolve_at(&j, CellRef::new(2, 1), Side::Both).unwrap().apply(&mut j).unwrap();
    assert_eq!(j.title, "Moving house / Broadband move");
}
