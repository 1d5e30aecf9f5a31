//! Tests of `Change`: inverses, refusals, and a property over any sequence.
use super::*;
use proptest::prelude::*;

pub(crate) fn sample() -> Journey {
    let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["A", "B", "C"]);
    Change::SetCell { at: CellRef::new(1, 0), text: "wants speed".into() }.apply(&mut j).unwrap();
    Change::SetCell { at: CellRef::new(2, 1), text: "#shop\n#web".into() }.apply(&mut j).unwrap();
    j
}

#[test]
fn set_cell_returns_the_old_text_as_inverse() {
    let mut j = sample();
    let inv = Change::SetCell { at: CellRef::new(1, 0), text: "new".into() }.apply(&mut j).unwrap();
    assert_eq!(j.cell(CellRef::new(1, 0)), "new");
    assert_eq!(inv, Change::SetCell { at: CellRef::new(1, 0), text: "wants speed".into() });
}

#[test]
fn out_of_range_cell_is_refused_and_journey_untouched() {
    let mut j = sample();
    let before = j.clone();
    let err = Change::SetCell { at: CellRef::new(3, 0), text: "x".into() }.apply(&mut j);
    assert_eq!(err, Err(ChangeError::OutOfRange("cell")));
    assert_eq!(j, before);
}

#[test]
fn duplicate_and_empty_names_are_refused() {
    let mut j = sample();
    let dup = Change::InsertPhase { at: 0, name: "B".into(), mood: None, cells: vec![] }.apply(&mut j);
    assert_eq!(dup, Err(ChangeError::Duplicate("phase", "B".into())));
    let empty = Change::RenameRow { at: 0, name: "  ".into() }.apply(&mut j);
    assert_eq!(empty, Err(ChangeError::EmptyName("row")));
    // Renaming to its own name is fine.
    assert!(Change::RenameRow { at: 0, name: "Need".into() }.apply(&mut j).is_ok());
}

#[test]
fn the_last_phase_and_row_cannot_be_removed() {
    let mut j = Journey::new("", "", ["Need"], ["Only"]);
    assert_eq!(Change::RemovePhase { at: 0 }.apply(&mut j), Err(ChangeError::LastOne("phase")));
    assert_eq!(Change::RemoveRow { at: 0 }.apply(&mut j), Err(ChangeError::LastOne("row")));
}

#[test]
fn a_batch_is_one_step_and_rolls_back_on_error() {
    let mut j = Journey::default();
    let before = j.clone();
    let batch = Change::Batch(vec![
        Change::RenameRow { at: 2, name: "Key message".into() },
        Change::SetRole { row: 2, role: Some(Role::Message) },
    ]);
    let inverse = batch.apply(&mut j).unwrap();
    assert_eq!(j.role_of(2), Some(Role::Message));
    inverse.apply(&mut j).unwrap();
    assert_eq!(j, before);
    let failing = Change::Batch(vec![Change::SetTitle("x".into()), Change::RemovePhase { at: 9 }]);
    assert!(failing.apply(&mut j).is_err());
    assert_eq!(j, before, "nothing of a failed batch stays");
}

#[test]
fn explicit_roles_move_and_return_with_their_rows() {
    let mut j = Journey::new("", "", ["Wants", "Channels"], ["A"]);
    j.set_explicit_role(0, Some(Role::Need));
    let before = j.clone();
    let inverse = Change::RemoveRow { at: 0 }.apply(&mut j).unwrap();
    assert_eq!(j.role_of(0), None);
    inverse.apply(&mut j).unwrap();
    assert_eq!(j, before);
    Change::MoveRow { from: 0, to: 1 }.apply(&mut j).unwrap();
    assert_eq!(j.role_of(1), Some(Role::Need));
}

#[test]
fn moving_a_row_carries_its_cells() {
    let mut j = sample();
    Change::MoveRow { from: 1, to: 0 }.apply(&mut j).unwrap();
    assert_eq!(j.rows(), ["Touchpoints", "Need"]);
    assert_eq!(j.cell(CellRef::new(2, 0)), "#shop\n#web");
    assert_eq!(j.cell(CellRef::new(1, 1)), "wants speed");
}

#[test]
fn a_source_mood_is_kept_by_its_lower_case_name_and_comes_back_with_its_phase() {
    let mut j = sample();
    let inverse = Change::SetSourceMood { phase: 1, source: "@Sara".into(), mood: Some(-2) }.apply(&mut j).unwrap();
    assert_eq!(j.phases()[1].mood_of("sara"), Some(-2));
    assert_eq!(j.phases()[1].mood, None, "the phase's own mood is another value");
    assert_eq!(inverse, Change::SetSourceMood { phase: 1, source: "sara".into(), mood: None });
    let bad = Change::SetSourceMood { phase: 1, source: "sara".into(), mood: Some(3) }.apply(&mut j);
    assert_eq!(bad, Err(ChangeError::Mood(3)));
    let bad = Change::SetSourceMood { phase: 1, source: "two words".into(), mood: Some(1) }.apply(&mut j);
    assert_eq!(bad, Err(ChangeError::SourceName("two words".into())));
    let with_mood = j.clone();
    let undo = Change::RemovePhase { at: 1 }.apply(&mut j).unwrap();
    undo.apply(&mut j).unwrap();
    assert_eq!(j, with_mood, "deleting a phase and undoing it brings its sources' moods back");
}

fn role() -> impl Strategy<Value = Role> {
    proptest::sample::select(Role::ALL.to_vec())
}

fn note() -> impl Strategy<Value = Note> {
    (".{0,8}", proptest::option::of("[a-z]{1,4}")).prop_map(|(text, source)| Note {
        text,
        source,
        at: "2026-12-01T14:03:12Z".into(),
    })
}

pub(crate) fn arb_change() -> impl Strategy<Value = Change> {
    let name = "[A-D]{1,2}|Need|Message|Behov|Systems";
    prop_oneof![
        (0..4usize, 0..3usize, ".{0,12}").prop_map(|(p, r, text)| Change::SetCell { at: CellRef::new(p, r), text }),
        ".{0,8}".prop_map(Change::SetTitle),
        ".{0,8}".prop_map(Change::SetPersona),
        (0..5usize, name, proptest::option::of(-3i8..=3), proptest::collection::vec(".{0,4}", 0..3))
            .prop_map(|(at, name, mood, cells)| Change::InsertPhase { at, name, mood, cells }),
        (0..4usize, proptest::option::of(-3i8..=3)).prop_map(|(phase, mood)| Change::SetMood { phase, mood }),
        (0..4usize, "sara|Omar|@åsa|bad name|", proptest::option::of(-3i8..=3))
            .prop_map(|(phase, source, mood)| Change::SetSourceMood { phase, source, mood }),
        (0..3usize, note()).prop_map(|(at, note)| Change::InsertNote { at, note }),
        (0..3usize).prop_map(|at| Change::RemoveNote { at }),
        (0..3usize, note()).prop_map(|(at, note)| Change::SetNote { at, note }),
        (0..3usize, "[a-c]{1,3}", ".{0,6}").prop_map(|(at, check, reason)| Change::InsertAcceptance {
            at,
            acceptance: Acceptance { check, phase: "A".into(), rows: vec!["Need".into()], subject: None, reason },
        }),
        (0..3usize).prop_map(|at| Change::RemoveAcceptance { at }),
        proptest::collection::vec("[a-z]{1,5}", 0..3).prop_map(Change::SetExternal),
        (0..4usize).prop_map(|at| Change::RemovePhase { at }),
        (0..4usize, name).prop_map(|(at, name)| Change::RenamePhase { at, name }),
        (0..4usize, 0..4usize).prop_map(|(from, to)| Change::MovePhase { from, to }),
        (0..4usize, name, proptest::collection::vec(".{0,4}", 0..5), proptest::option::of(role()))
            .prop_map(|(at, name, cells, role)| Change::InsertRow { at, name, cells, role }),
        (0..3usize, proptest::option::of(role())).prop_map(|(row, role)| Change::SetRole { row, role }),
        (0..3usize).prop_map(|at| Change::RemoveRow { at }),
        (0..3usize, name).prop_map(|(at, name)| Change::RenameRow { at, name }),
        (0..3usize, 0..3usize).prop_map(|(from, to)| Change::MoveRow { from, to }),
    ]
}

proptest! {
    /// Any sequence of changes, undone in reverse with the returned inverses,
    /// restores the original journey; redoing them restores the final one.
    #[test]
    fn inverses_undo_and_redo_exactly(changes in proptest::collection::vec(arb_change(), 0..30)) {
        let original = sample();
        let mut j = original.clone();
        let mut undo = Vec::new();
        for c in changes {
            let before = j.clone();
            match c.apply(&mut j) {
                Ok(inv) => undo.push(inv),
                Err(_) => prop_assert_eq!(&j, &before),
            }
            for p in j.phases() {
                prop_assert_eq!(p.cells().len(), j.row_count());
            }
        }
        let last = j.clone();
        let mut redo = Vec::new();
        while let Some(inv) = undo.pop() {
            redo.push(inv.apply(&mut j).unwrap());
        }
        prop_assert_eq!(&j, &original);
        while let Some(c) = redo.pop() {
            c.apply(&mut j).unwrap();
        }
        prop_assert_eq!(&j, &last);
    }
}
