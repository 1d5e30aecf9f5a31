//! `merge-conflict`: what a merge left in the journey.

use super::*;
use crate::checks::{Severity, merge_conflicts};

fn conflicts(j: &Journey) -> Vec<(usize, usize, String)> {
    check(j)
        .into_iter()
        .filter(|f| f.id == "merge-conflict")
        .map(|f| (f.cells[0].phase, f.cells[0].row, f.message))
        .collect()
}

#[test]
fn a_cell_with_conflict_markers_is_a_warning_that_cannot_be_switched_off() {
    let mut j = consistent(EN);
    set(&mut j, 0, N, "Quick help\n<<<<<<< ours\nwithin a day\n=======\nwithin an hour\n>>>>>>> theirs");
    j.checks_off = vec!["merge-conflict".into()];
    let found = check(&j);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].cells, [CellRef::new(0, N)]);
    assert_eq!(
        found[0].message,
        "In \"Service\", Need has 1 conflict from a merge (both sides changed the same lines): keep one version \
         with :take ours, :take theirs or :take both, or edit the cell."
    );
    assert_eq!(merge_conflicts(&j), found);
}

#[test]
fn a_deletion_against_an_edit_says_so() {
    let mut j = consistent(EN);
    set(&mut j, 0, T, "#web form\n<<<<<<< ours (deleted this phase)\n=======\n#phone line\n>>>>>>> theirs");
    let (_, _, message) = &conflicts(&j)[0];
    assert!(message.contains("one side deleted this phase or row, the other changed the cell"), "{message}");
}

#[test]
fn a_separator_line_in_notes_is_no_conflict() {
    let mut j = consistent(EN);
    set(&mut j, 0, N, "Quick help\n=======\nlater: a second line");
    assert_eq!(conflicts(&j), []);
    assert_eq!(merge_conflicts(&j), []);
}

#[test]
fn names_title_and_persona_with_two_versions_are_found_at_a_cell_of_theirs() {
    let mut j = consistent(EN);
    Change::InsertPhase { at: 1, name: "<<<<<<< Buying ======= Ordering >>>>>>>".into(), mood: None, cells: vec![] }
        .apply(&mut j)
        .unwrap();
    Change::RenameRow { at: M, name: "<<<<<<< Message ======= Messages >>>>>>>".into() }.apply(&mut j).unwrap();
    j.title = "<<<<<<< Moving ======= Broadband >>>>>>>".into();
    let found = conflicts(&j);
    let at: Vec<(usize, usize)> = found.iter().map(|(p, r, _)| (*p, *r)).collect();
    assert_eq!(at, [(0, N), (0, M), (1, N)]);
    assert!(found[2].2.starts_with("The phase \"<<<<<<< Buying ======= Ordering >>>>>>>\" has two names"));
    assert!(found.iter().any(|f| f.2.starts_with("The title has two versions after a merge: \"Moving\" (ours)")));
}
