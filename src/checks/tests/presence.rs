//! Presence checks fire, stay silent, and work by role in every language.

use super::*;
use crate::checks::Severity;

#[test]
fn empty_cell_fires_on_every_row_including_rows_without_a_role() {
    let mut j = Journey::new("T", "P", ["Need", "Notes"], ["Idea"]);
    set(&mut j, 0, 0, "x");
    let f = only(&j, "empty-cell");
    assert_eq!((f.severity, f.rows.clone(), f.cells.clone()), (Severity::Gap, vec![1], vec![CellRef::new(0, 1)]));
    assert_eq!(f.message, "In \"Idea\", Notes is empty.");
    // White space only counts as empty.
    set(&mut j, 0, 1, "  \n ");
    assert_eq!(ids(&j), ["empty-cell"]);
}

#[test]
fn empty_cell_is_silent_when_every_cell_has_text() {
    let mut j = Journey::new("T", "P", ["Need", "Notes"], ["Idea"]);
    set(&mut j, 0, 0, "x");
    set(&mut j, 0, 1, "y");
    assert_eq!(ids(&j), Vec::<&str>::new());
}

#[test]
fn unanswered_need_fires_and_names_the_rows() {
    for rows in [EN, NL, SV] {
        let j = with(rows, M, "");
        let f = only(&j, "unanswered-need");
        assert_eq!(f.rows, [N, M]);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(ids(&j), ["unanswered-need"], "one cause, one finding: no empty-cell beside it");
        assert!(f.message.contains(rows[N]) && f.message.contains(rows[M]), "{}", f.message);
    }
    let f = only(&with(NL, M, ""), "unanswered-need");
    assert_eq!(
        f.message,
        "In \"Service\", Behoefte has text but Boodschap is empty: no message answers the customer's need."
    );
}

#[test]
fn unanswered_need_is_silent_when_there_is_no_need_or_a_message() {
    assert!(!ids(&with(EN, N, "")).contains(&"unanswered-need"));
    assert!(!ids(&with(EN, M, "anything")).contains(&"unanswered-need"));
}

#[test]
fn unowned_touchpoint_fires_and_is_silent() {
    for rows in [EN, NL, SV] {
        let j = with(rows, O, "");
        let f = only(&j, "unowned-touchpoint");
        assert_eq!(f.rows, [T, O]);
        assert_eq!(f.cells, [CellRef::new(0, T), CellRef::new(0, O)]);
        // The tag check does not pile on: one cause, one finding.
        assert_eq!(ids(&j), ["unowned-touchpoint"]);
    }
    assert_eq!(
        only(&with(SV, O, ""), "unowned-touchpoint").message,
        "In \"Service\", Kontaktpunkter has text but Organisation is empty: no one in the organisation owns these touchpoints."
    );
    // An owner without tags is still an owner as far as presence goes.
    assert!(!ids(&with(EN, O, "Support team")).contains(&"unowned-touchpoint"));
}

#[test]
fn unsupported_touchpoint_fires_and_is_silent() {
    for rows in [EN, NL, SV] {
        let j = with(rows, S, "");
        assert_eq!(only(&j, "unsupported-touchpoint").rows, [T, S]);
        assert_eq!(ids(&j), ["unsupported-touchpoint"]);
    }
    let mut j = with(EN, S, "");
    set(&mut j, 0, T, "");
    set(&mut j, 0, M, "");
    set(&mut j, 0, O, "");
    assert!(!ids(&j).contains(&"unsupported-touchpoint"));
}

#[test]
fn message_without_channel_fires_and_is_silent() {
    for rows in [EN, NL, SV] {
        let j = with(rows, T, "");
        let f = only(&j, "message-without-channel");
        assert_eq!(f.rows, [T, M]);
        assert_eq!(
            f.message,
            format!(
                "In \"Service\", {} has text but {} is empty: no touchpoint carries the message.",
                rows[M], rows[T]
            )
        );
        // Tags in other rows are not called stray when there are no touchpoints at all.
        assert_eq!(ids(&j), ["message-without-channel"]);
    }
    let mut j = with(EN, T, "");
    set(&mut j, 0, M, "");
    assert!(!ids(&j).contains(&"message-without-channel"));
}

#[test]
fn inside_out_fires_and_lists_the_active_rows() {
    for rows in [EN, NL, SV] {
        let j = with(rows, N, "");
        let f = only(&j, "inside-out");
        assert_eq!(f.severity, Severity::Info);
        assert_eq!(f.rows, [N, T, M, O, S]);
        assert_eq!(ids(&j), ["empty-cell", "inside-out"]);
    }
    let mut j = Journey::new("T", "P", EN, ["Use"]);
    set(&mut j, 0, S, "ERP");
    let f = only(&j, "inside-out");
    assert_eq!(f.rows, [N, S]);
    assert_eq!(
        f.message,
        "In \"Use\", Systems has text but Need is empty: activity without a customer need (an inside-out phase)."
    );
    let f = only(&with(EN, N, ""), "inside-out");
    assert!(f.message.contains("Touchpoints, Message, Organization and Systems have text"), "{}", f.message);
}

#[test]
fn inside_out_is_silent_with_a_need_or_without_activity() {
    assert!(!ids(&consistent(EN)).contains(&"inside-out"));
    let j = Journey::new("T", "P", EN, ["Empty"]);
    assert_eq!(ids(&j), ["empty-cell"; 5]);
}

#[test]
fn a_missing_role_row_silences_the_checks_that_need_it() {
    // No Message row: no unanswered-need, no message-without-channel, no conflicts.
    let mut j = Journey::new("T", "P", ["Need", "Touchpoints", "Organization", "Systems"], ["A", "B"]);
    set(&mut j, 0, 0, "wants");
    set(&mut j, 0, 1, "#web");
    set(&mut j, 0, 2, "owns #web");
    set(&mut j, 0, 3, "#web cms");
    assert_eq!(ids(&j), ["empty-cell"; 4]);
    // No Need row: no inside-out, whatever the activity.
    let mut j = Journey::new("T", "P", ["Touchpoints", "Message"], ["A"]);
    set(&mut j, 0, 0, "#web");
    set(&mut j, 0, 1, "#web hi");
    assert_eq!(ids(&j), Vec::<&str>::new());
}

#[test]
fn the_customer_acting_is_no_inside_out_phase() {
    let mut j = Journey::new("T", "P", EN, ["Move"]);
    set(&mut j, 0, T, "#chat I asked the chat bot to change the address");
    assert!(!ids(&j).contains(&"inside-out"), "the customer is the actor");
    set(&mut j, 0, T, "#chat bot changes addresses @omar");
    assert!(!ids(&j).contains(&"inside-out"), "a source's words are the customer's");
    set(&mut j, 0, T, "#chat bot changes addresses");
    assert!(ids(&j).contains(&"inside-out"));
}

#[test]
fn an_empty_cell_a_pair_check_names_comes_back_when_that_check_is_off() {
    let mut j = with(EN, M, "");
    j.checks_off = vec!["unanswered-need".into()];
    assert_eq!(ids(&j), ["empty-cell"]);
}
