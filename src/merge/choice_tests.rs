//! Merge scenarios whose outcome is a choice for a person, recorded in the
//! journey (`Journey::unresolved`): values changed two ways, deletions
//! against renames or moods, orders moved two ways; and taking a side.

use super::tests::{base, names, reopened, run};
use super::{ConflictAt, Side, conflict_at, resolve_at};
use crate::journey::{Axis, CellRef, Change, Journey, Language, Role, Unresolved, Version};

#[test]
fn a_phase_deleted_on_both_sides_is_gone_and_deleted_against_a_rename_or_mood_is_kept_as_a_choice() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RemovePhase { at: 1 }.apply(&mut o).unwrap();
    Change::RemovePhase { at: 1 }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert!(m.conflicts.is_empty() && m.journey.unresolved.is_empty());
    assert_eq!(names(&m.journey), ["Orientation", "Delivery"]);
    let mut t = b.clone();
    Change::RenamePhase { at: 1, name: "Buying".into() }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert_eq!(names(&m.journey), ["Orientation", "Buying", "Delivery"], "kept under theirs' name");
    assert_eq!(
        m.journey.unresolved,
        [Unresolved::Deleted { axis: Axis::Phase, name: "Buying".into(), by: Version::Ours }]
    );
    assert_eq!(m.conflicts.len(), 1);
    let want = "phase \"Buying\": the phase \"Buying\" was deleted on ours and changed on theirs: it is kept for now";
    assert_eq!(m.conflicts[0].to_string(), want);
    let mut t = b.clone();
    Change::SetMood { phase: 1, mood: Some(-2) }.apply(&mut t).unwrap();
    let m = run(&b, &t, &o);
    assert_eq!(m.journey.phases()[1].mood, Some(-2));
    assert_eq!(
        m.journey.unresolved,
        [Unresolved::Deleted { axis: Axis::Phase, name: "Purchase".into(), by: Version::Theirs }]
    );
}

#[test]
fn moods_roles_and_lang_changed_two_ways_keep_ours_and_record_theirs() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::SetMood { phase: 1, mood: Some(2) }.apply(&mut o).unwrap();
    Change::SetMood { phase: 1, mood: Some(-2) }.apply(&mut t).unwrap();
    Change::SetRole { row: 1, role: Some(Role::Need) }.apply(&mut o).unwrap();
    Change::SetRole { row: 1, role: Some(Role::Systems) }.apply(&mut t).unwrap();
    o.lang = Some(Language::Dutch);
    t.lang = Some(Language::Swedish);
    let m = run(&b, &o, &t);
    assert_eq!(m.journey.phases()[1].mood, Some(2));
    assert_eq!(m.journey.explicit_role(1), Some(Role::Need));
    assert_eq!(m.journey.lang, Some(Language::Dutch));
    assert_eq!(
        m.journey.unresolved,
        [
            Unresolved::Lang { theirs: Some(Language::Swedish) },
            Unresolved::Role { row: "Touchpoints".into(), theirs: Some(Role::Systems) },
            Unresolved::Mood { phase: "Purchase".into(), theirs: Some(-2) },
        ]
    );
    let said: Vec<String> = m.conflicts.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 3);
    assert_eq!(
        said[2],
        "phase \"Purchase\": the mood of \"Purchase\" changed on both sides: 2 (ours, kept for now) or -2 (theirs)"
    );
    let reopened = crate::format::parse(crate::format::to_toml(&m.journey).as_bytes()).unwrap();
    assert_eq!(reopened, m.journey, "the choices round-trip through the file");
}

#[test]
fn phases_moved_two_ways_keep_ours_order_and_record_theirs_across_a_rename() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::MovePhase { from: 2, to: 0 }.apply(&mut o).unwrap();
    Change::MovePhase { from: 0, to: 2 }.apply(&mut t).unwrap();
    Change::RenamePhase { at: 0, name: "Buying".into() }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert_eq!(names(&m.journey), ["Delivery", "Orientation", "Buying"]);
    let theirs = vec!["Buying".to_owned(), "Delivery".to_owned(), "Orientation".to_owned()];
    assert_eq!(m.journey.unresolved, [Unresolved::Order { axis: Axis::Phase, theirs }]);
    assert_eq!(m.conflicts.len(), 1);
    // Merging again, with the choice still open on one side, keeps it once.
    let again = run(&b, &m.journey, &b);
    assert_eq!(again.journey.unresolved, m.journey.unresolved);
}

#[test]
fn when_each_side_deletes_the_phases_the_other_kept_all_stay() {
    let b = Journey::new("T", "P", ["Need"], ["A", "B"]);
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RemovePhase { at: 1 }.apply(&mut o).unwrap();
    Change::RemovePhase { at: 0 }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert_eq!(names(&m.journey), ["A", "B"]);
    assert_eq!(
        m.journey.unresolved,
        [
            Unresolved::Deleted { axis: Axis::Phase, name: "A".into(), by: Version::Theirs },
            Unresolved::Deleted { axis: Axis::Phase, name: "B".into(), by: Version::Ours },
        ]
    );
    assert_eq!(m.conflicts.len(), 2);
    reopened(&m);
}

/// Take `side` at `at` and apply it; the inverse undoes it exactly.
fn take_at(j: &mut Journey, at: CellRef, side: Side) {
    let before = j.clone();
    let change = resolve_at(j, at, side).unwrap_or_else(|| panic!("no conflict at {at:?}"));
    let undo = change.apply(j).unwrap();
    let mut undone = j.clone();
    undo.apply(&mut undone).unwrap();
    assert_eq!(undone, before, "one undoable step");
}

#[test]
fn each_recorded_choice_is_a_finding_where_it_is_and_take_resolves_it() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::SetMood { phase: 1, mood: Some(2) }.apply(&mut o).unwrap();
    Change::SetMood { phase: 1, mood: Some(-2) }.apply(&mut t).unwrap();
    Change::SetRole { row: 1, role: Some(Role::Need) }.apply(&mut o).unwrap();
    Change::SetRole { row: 1, role: Some(Role::Systems) }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    let findings = crate::checks::merge_conflicts(&m.journey);
    let places: Vec<(usize, Vec<usize>)> = findings.iter().map(|f| (f.phase, f.rows.clone())).collect();
    assert_eq!(places, [(0, vec![1]), (1, vec![0])], "role on its row, mood on its phase");
    assert!(findings[1].message.contains("2 (ours, kept for now) or -2 (theirs)"), "{}", findings[1].message);
    assert!(findings[1].message.contains(":take theirs"), "{}", findings[1].message);

    let mut j = m.journey.clone();
    // Any cell of the phase holds the mood's conflict; the row's first cell its role's.
    assert_eq!(conflict_at(&j, CellRef::new(1, 1)), Some(ConflictAt::Recorded(1)));
    assert_eq!(ConflictAt::Recorded(1).words(&j), "the mood of this phase");
    take_at(&mut j, CellRef::new(1, 1), Side::Theirs);
    assert_eq!((j.phases()[1].mood, j.unresolved.len()), (Some(-2), 1));
    take_at(&mut j, CellRef::new(0, 1), Side::Ours);
    assert_eq!((j.explicit_role(1), j.unresolved.len()), (Some(Role::Need), 0));
    assert!(crate::checks::merge_conflicts(&j).is_empty());
}

#[test]
fn taking_the_deleting_side_deletes_and_taking_theirs_order_moves() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::RemovePhase { at: 1 }.apply(&mut o).unwrap();
    Change::SetMood { phase: 1, mood: Some(-1) }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    let mut kept = m.journey.clone();
    take_at(&mut kept, CellRef::new(1, 0), Side::Theirs);
    assert_eq!(names(&kept), ["Orientation", "Purchase", "Delivery"]);
    assert!(kept.unresolved.is_empty());
    let mut gone = m.journey.clone();
    take_at(&mut gone, CellRef::new(1, 0), Side::Ours);
    assert_eq!(names(&gone), ["Orientation", "Delivery"]);
    assert!(gone.unresolved.is_empty());

    let (mut o, mut t) = (b.clone(), b.clone());
    Change::MovePhase { from: 2, to: 0 }.apply(&mut o).unwrap();
    Change::MovePhase { from: 0, to: 2 }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert_eq!(names(&m.journey), ["Delivery", "Orientation", "Purchase"]);
    let finding = &crate::checks::merge_conflicts(&m.journey)[0];
    assert_eq!((finding.phase, finding.rows.as_slice()), (0, &[0][..]), "at the first phase theirs would move");
    let mut j = m.journey.clone();
    take_at(&mut j, CellRef::new(0, 0), Side::Theirs);
    assert_eq!(names(&j), ["Purchase", "Delivery", "Orientation"]);
    assert_eq!(cell_text(&j, "Purchase", 0), "Fast order", "cells move with their phase");
    assert!(j.unresolved.is_empty());
}

fn cell_text<'a>(j: &'a Journey, phase: &str, row: usize) -> &'a str {
    j.cell(CellRef::new(j.phase_index(phase).unwrap(), row))
}

#[test]
fn taking_a_side_everywhere_leaves_no_conflict() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    super::tests::set(&mut o, 1, 0, "Order in one go");
    super::tests::set(&mut t, 1, 0, "Order without paperwork, fast");
    Change::RenamePhase { at: 0, name: "Looking".into() }.apply(&mut o).unwrap();
    Change::RenamePhase { at: 0, name: "Searching".into() }.apply(&mut t).unwrap();
    Change::SetMood { phase: 2, mood: Some(1) }.apply(&mut o).unwrap();
    Change::SetMood { phase: 2, mood: Some(-1) }.apply(&mut t).unwrap();
    Change::RemovePhase { at: 1 }.apply(&mut t).unwrap();
    Change::SetTitle("Ours".into()).apply(&mut o).unwrap();
    Change::SetTitle("Theirs".into()).apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert!(m.conflicts.len() >= 4, "{:?}", m.conflicts);
    let mut ours = m.journey.clone();
    assert!(super::take_everywhere(&mut ours, Side::Ours) >= 4);
    assert!(crate::checks::merge_conflicts(&ours).is_empty(), "{:?}", crate::checks::merge_conflicts(&ours));
    assert_eq!((ours.title.as_str(), names(&ours)), ("Ours", vec!["Looking", "Purchase", "Delivery"]));
    assert_eq!(ours.phases()[2].mood, Some(1));
    let mut theirs = m.journey.clone();
    super::take_everywhere(&mut theirs, Side::Theirs);
    assert!(crate::checks::merge_conflicts(&theirs).is_empty());
    assert_eq!((theirs.title.as_str(), names(&theirs)), ("Theirs", vec!["Searching", "Delivery"]), "theirs deleted it");
    assert_eq!(theirs.phases()[1].mood, Some(-1));
}

#[test]
fn a_source_mood_changed_two_ways_keeps_ours_records_theirs_and_take_resolves_it() {
    let mut b = base();
    Change::SetSourceMood { phase: 1, source: "sara".into(), mood: Some(0) }.apply(&mut b).unwrap();
    let (mut o, mut t) = (b.clone(), b.clone());
    Change::SetSourceMood { phase: 1, source: "sara".into(), mood: Some(-1) }.apply(&mut o).unwrap();
    Change::SetSourceMood { phase: 1, source: "sara".into(), mood: Some(2) }.apply(&mut t).unwrap();
    Change::SetSourceMood { phase: 1, source: "omar".into(), mood: Some(1) }.apply(&mut t).unwrap();
    let m = run(&b, &o, &t);
    assert_eq!(m.journey.phases()[1].mood_of("sara"), Some(-1), "ours is kept for now");
    assert_eq!(m.journey.phases()[1].mood_of("omar"), Some(1), "a change on one side is clean");
    let record = Unresolved::SourceMood { phase: "Purchase".into(), source: "sara".into(), theirs: Some(2) };
    assert_eq!(m.journey.unresolved, [record]);
    let want = "phase \"Purchase\": the mood of @sara in \"Purchase\" changed on both sides: -1 (ours, kept for now) or 2 (theirs)";
    assert_eq!(m.conflicts.iter().map(ToString::to_string).collect::<Vec<_>>(), [want]);
    let mut j = reopened(&m);
    let at = CellRef::new(1, 0);
    assert_eq!(conflict_at(&j, at), Some(ConflictAt::Recorded(0)));
    assert_eq!(ConflictAt::Recorded(0).question(&j), "Mood of @sara: ours -1, theirs 2?");
    let undo = resolve_at(&j, at, Side::Theirs).unwrap().apply(&mut j).unwrap();
    assert_eq!((j.phases()[1].mood_of("sara"), j.unresolved.len()), (Some(2), 0));
    undo.apply(&mut j).unwrap();
    assert_eq!(j, m.journey, "taking a side is one undoable step");
    // A phase deleted on one side and given a source's mood on the other is kept, as a choice.
    let mut gone = b.clone();
    Change::RemovePhase { at: 1 }.apply(&mut gone).unwrap();
    let m = run(&b, &gone, &t);
    assert_eq!(m.journey.phases()[1].mood_of("sara"), Some(2));
    assert_eq!(
        m.journey.unresolved,
        [Unresolved::Deleted { axis: Axis::Phase, name: "Purchase".into(), by: Version::Ours }]
    );
}
