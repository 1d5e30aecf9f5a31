//! `topic: statement` lines and conflicting-message.

use super::*;
use crate::checks::messages::{Statement, parse_line};

fn two_phases(rows: [&str; 5], first: &str, second: &str) -> Journey {
    let mut j = consistent(rows);
    Change::InsertPhase { at: 1, name: "Order move".into(), mood: None, cells: vec![] }.apply(&mut j).unwrap();
    for r in [N, T, M, O, S] {
        let text = j.cell(CellRef::new(0, r)).to_owned();
        set(&mut j, 1, r, &text);
    }
    set(&mut j, 0, M, first);
    set(&mut j, 1, M, second);
    j
}

#[test]
fn lines_split_into_tag_topic_and_statement() {
    let s = |tag, topic, statement| Some(Statement { tag, topic, statement });
    assert_eq!(
        parse_line("#portal order lead time: at least 3 weeks"),
        s(Some("#portal"), "order lead time", "at least 3 weeks")
    );
    assert_eq!(parse_line("  - fee:  45 EUR "), s(None, "fee", "45 EUR"));
    assert_eq!(
        parse_line("#sms parts delivery: supplier says \"next week\": maybe"),
        s(Some("#sms"), "parts delivery", "supplier says \"next week\": maybe")
    );
    for no in [
        "see https://x.y",
        "http: //x.y",
        "see http://x.y: now",
        "#web: closed",
        "fee:",
        "fee:10",
        ": 10",
        "plain text",
        "#portal",
    ] {
        assert_eq!(parse_line(no), None, "{no}");
    }
}

#[test]
fn conflicting_message_fires_across_phases_and_quotes_both() {
    for rows in [EN, NL, SV] {
        let j = two_phases(rows, "#web Lead  Time: 3 weeks", "#phone lead time: 10 working days");
        let f = only(&j, "conflicting-message");
        assert_eq!((f.phase, f.rows.clone()), (0, vec![M]));
        assert_eq!(f.cells, [CellRef::new(0, M), CellRef::new(1, M)]);
        assert_eq!(
            f.message,
            format!(
                "{} gives \"Lead  Time\" different answers: \"3 weeks\" (Service, #web) vs \"10 working days\" (Order move, #phone).",
                rows[M]
            )
        );
        assert_eq!(ids(&j), ["conflicting-message"]);
    }
}

#[test]
fn conflicting_message_groups_equal_statements_and_marks_every_cell() {
    let mut j = two_phases(EN, "#web hours: 8-22\nhours: 9-17", "#phone Hours:  8-22.\n#web hours: 8-22");
    Change::InsertPhase { at: 2, name: "Later".into(), mood: None, cells: vec![] }.apply(&mut j).unwrap();
    let f = only(&j, "conflicting-message");
    assert_eq!(f.cells, [CellRef::new(0, M), CellRef::new(1, M)]);
    assert_eq!(
        f.message,
        "Message gives \"hours\" different answers: \"8-22\" (Service, #web; Order move, #phone; Order move, #web) vs \"9-17\" (Service)."
    );
}

#[test]
fn conflicting_message_gives_one_finding_per_topic_within_one_cell_too() {
    let j =
        with(EN, M, "#web fee: 5\n#phone fee: 6\n#web time: 1 day\n#phone time: 2 days\n#web x: same\n#phone X: SAME");
    let found: Vec<_> = check(&j).into_iter().filter(|f| f.id == "conflicting-message").collect();
    assert_eq!(found.len(), 2);
    assert!(found[0].message.contains("\"fee\""), "{}", found[0].message);
    assert!(found[1].message.contains("\"time\""), "{}", found[1].message);
}

#[test]
fn conflicting_message_is_silent_for_same_statements_urls_and_plain_lines() {
    let j = two_phases(
        EN,
        "#web opening hours: 8-22 every day\nsee https://x.y/#web",
        "#phone Opening  hours: 8-22 Every day\nsee http://a.b/c for more",
    );
    assert_eq!(ids(&j), Vec::<&str>::new());
}

#[test]
fn conflicting_message_needs_a_message_row_and_ignores_other_rows() {
    let mut j = Journey::new("T", "P", ["Notes", "Other"], ["A", "B"]);
    set(&mut j, 0, 0, "fee: 5");
    set(&mut j, 1, 0, "fee: 6");
    set(&mut j, 0, 1, "fee: 5");
    set(&mut j, 1, 1, "fee: 6");
    assert_eq!(ids(&j), Vec::<&str>::new());
}
