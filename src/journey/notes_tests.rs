use super::*;
use crate::journey::LogCell;

fn note(text: &str, source: Option<&str>, at: &str) -> Note {
    Note { text: text.into(), source: source.map(Into::into), at: at.into() }
}

fn step(j: &mut Journey, f: impl FnOnce(&Journey) -> Change) -> Change {
    let c = f(j);
    c.apply(j).unwrap()
}

fn apply(j: &mut Journey, c: Change) -> Change {
    c.apply(j).unwrap()
}

#[test]
fn a_captured_note_is_logged_and_sorting_it_names_its_cell_and_undo_puts_it_back() {
    let mut j = Journey::default();
    let undo_capture = step(&mut j, |x| capture(x, note("waited 25 minutes", Some("sara"), "2026-12-01T10:00:00Z")));
    step(&mut j, |x| capture(x, note("got an SMS", Some("omar"), "2026-12-01T10:01:00Z")));
    assert_eq!(j.inbox.len(), 2);
    assert_eq!(j.log.len(), 2);
    assert_eq!(j.log[0].cell, None, "in the inbox");
    let at = CellRef::new(4, 1);
    let undo_sort = step(&mut j, |x| sort(x, 0, at).unwrap());
    assert_eq!(j.inbox.len(), 1);
    assert_eq!(j.cell(at), "waited 25 minutes @sara");
    assert_eq!(j.log[0].cell, Some(LogCell { phase: "Service".into(), row: "Touchpoints".into() }));
    assert_eq!(j.log[0].source.as_deref(), Some("sara"), "the log keeps the source");
    assert_eq!(j.log[0].at, "2026-12-01T10:00:00Z", "and the time");
    apply(&mut j, undo_sort);
    assert_eq!(j.log[0].cell, None, "undoing the sort moves it back");
    assert_eq!(j.cell(at), "");
    let mut k = j.clone();
    // Undoing the first capture (the second stays) removes its entry.
    k.inbox.remove(1);
    k.log.remove(1);
    apply(&mut k, undo_capture);
    assert!(k.log.is_empty() && k.inbox.is_empty());
}

#[test]
fn a_routed_note_is_logged_in_time_order_with_its_cell() {
    let mut j = Journey::default();
    step(&mut j, |x| capture(x, note("later", None, "2026-12-01T11:00:00Z")));
    let at = CellRef::new(1, 2);
    step(&mut j, |x| capture_into(x, note("3 weeks", Some("sara"), "2026-12-01T10:00:00Z"), at));
    assert_eq!(j.cell(at), "3 weeks @sara");
    assert_eq!(j.log[0].text, "3 weeks", "earlier first");
    assert_eq!(j.log[0].cell_ref(&j), Some(at));
    assert!(j.inbox.iter().all(|n| n.text != "3 weeks"));
}

#[test]
fn deleting_and_editing_an_unsorted_note_follow_in_the_log_and_a_note_from_before_the_log_gets_an_entry() {
    let mut j = Journey::default();
    step(&mut j, |x| capture(x, note("typo", None, "2026-12-01T10:00:00Z")));
    step(&mut j, |x| edit(x, 0, "fixed").unwrap());
    assert_eq!(j.log[0].text, "fixed");
    step(&mut j, |x| delete(x, 0).unwrap());
    assert!(j.log.is_empty() && j.inbox.is_empty());
    j.inbox.push(note("old note", Some("sara"), "2026-11-30T10:00:00Z"));
    step(&mut j, |x| sort(x, 0, CellRef::new(0, 0)).unwrap());
    assert_eq!(j.log.len(), 1);
    assert_eq!(j.log[0].cell_ref(&j), Some(CellRef::new(0, 0)));
    assert_eq!(sort(&j, 0, CellRef::new(0, 0)), None, "no such note");
}
