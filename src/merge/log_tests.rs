use super::*;
use crate::journey::{CellRef, Journey, Note, notes};
use crate::merge::{Labels, merge};

fn note(text: &str, at: &str) -> Note {
    Note { text: text.into(), source: Some("sara".into()), at: at.into() }
}

fn step(j: &mut Journey, f: impl FnOnce(&Journey) -> crate::journey::Change) {
    let c = f(j);
    c.apply(j).unwrap();
}

fn base() -> Journey {
    let mut j = Journey::default();
    step(&mut j, |j| notes::capture(j, note("waited 25 minutes", "2026-12-01T10:00:00Z")));
    j
}

#[test]
fn both_sides_notes_are_kept_once_each_in_time_order() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    step(&mut o, |j| notes::capture(j, note("ours later", "2026-12-01T10:05:00Z")));
    step(&mut t, |j| notes::capture(j, note("theirs between", "2026-12-01T10:02:00Z")));
    step(&mut t, |j| notes::sort(j, 0, CellRef::new(4, 0)).unwrap());
    let m = merge(&b, &o, &t, &Labels::default());
    let texts: Vec<&str> = m.journey.log.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["waited 25 minutes", "theirs between", "ours later"]);
    assert_eq!(m.journey.log[0].cell_ref(&m.journey), Some(CellRef::new(4, 0)), "sorted on theirs");
    assert!(m.conflicts.is_empty() && m.journey.unresolved.is_empty());
}

#[test]
fn a_note_sorted_into_two_cells_is_a_recorded_conflict_taken_with_take() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    step(&mut o, |j| notes::sort(j, 0, CellRef::new(4, 0)).unwrap());
    step(&mut t, |j| notes::sort(j, 0, CellRef::new(3, 1)).unwrap());
    let m = merge(&b, &o, &t, &Labels::default());
    assert_eq!(m.journey.log.len(), 1);
    assert_eq!(m.journey.log[0].cell_ref(&m.journey), Some(CellRef::new(4, 0)), "ours for now");
    assert!(matches!(&m.journey.unresolved[..], [Unresolved::Log { theirs: Some(c), .. }] if c.phase == "Use"));
    assert!(m.conflicts.iter().any(|c| c.to_string().contains("sorted into two cells")), "{:?}", m.conflicts);
    // It reads back from the file, and shows as a merge-conflict finding at ours' cell.
    let text = crate::format::to_toml(&m.journey);
    assert!(text.contains("about = \"log\"\ntext = \"waited 25 minutes\"\nsource = \"sara\"\nat = \"2026-12-01T10:00:00Z\"\ntheirs = { phase = \"Use\", row = \"Touchpoints\" }\n"), "{text}");
    let mut j = crate::format::parse(text.as_bytes()).unwrap();
    assert_eq!(j, m.journey);
    let at = CellRef::new(4, 0);
    assert!(
        j.cell(at).contains("waited 25 minutes @sara")
            && j.cell(CellRef::new(3, 1)).contains("waited 25 minutes @sara")
    );
    let mut ours = j.clone();
    let change = crate::merge::resolve_at(&j, at, crate::merge::Side::Theirs).unwrap();
    change.apply(&mut j).unwrap();
    assert!(j.unresolved.is_empty());
    assert_eq!(j.log[0].cell_ref(&j), Some(CellRef::new(3, 1)), "theirs taken");
    assert_eq!(j.cell(at), "", "the line left ours' cell");
    assert_eq!(j.cell(CellRef::new(3, 1)), "waited 25 minutes @sara");
    crate::merge::resolve_at(&ours, at, crate::merge::Side::Ours).unwrap().apply(&mut ours).unwrap();
    assert_eq!(ours.log[0].cell_ref(&ours), Some(at), "ours kept");
    assert_eq!(
        (ours.cell(at), ours.cell(CellRef::new(3, 1))),
        ("waited 25 minutes @sara", ""),
        "the line left theirs' cell"
    );
}

#[test]
fn a_rename_on_one_side_follows_the_other_sides_sorting() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    step(&mut o, |_| crate::journey::Change::RenamePhase { at: 4, name: "Aftercare".into() });
    step(&mut t, |j| notes::sort(j, 0, CellRef::new(4, 0)).unwrap());
    let m = merge(&b, &o, &t, &Labels::default());
    assert_eq!(m.journey.log[0].cell.as_ref().map(|c| c.phase.as_str()), Some("Aftercare"));
    assert!(m.journey.unresolved.is_empty());
}
