//! The interview log in the reports: an appendix of the team's report (and
//! its JSON), filtered by `--only`, left out of the client's report.

use crate::journey::{CellRef, Journey, LogCell, LogEntry, only};

fn journey() -> Journey {
    let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["Order", "Bill"]);
    let at = CellRef::new(0, 1);
    crate::journey::Change::SetCell { at, text: "waited 25 minutes @sara".into() }.apply(&mut j).unwrap();
    let entry = |text: &str, source: Option<&str>, at: &str, cell: Option<(&str, &str)>| LogEntry {
        text: text.into(),
        source: source.map(Into::into),
        at: at.into(),
        cell: cell.map(|(phase, row)| LogCell { phase: phase.into(), row: row.into() }),
    };
    j.log = vec![
        entry("waited 25 minutes", Some("sara"), "2026-12-01T14:03:12Z", Some(("Order", "Touchpoints"))),
        entry("got an SMS | *bold* \u{1b}[2J", Some("omar"), "2026-12-01T14:05:00Z", None),
        entry("my own note", None, "2026-12-01T14:06:00Z", Some(("Gone", "Need"))),
    ];
    j
}

#[test]
fn the_team_report_ends_with_the_interview_log_escaped() {
    let md = super::to_markdown(&journey(), &[]);
    let appendix = &md[md.find("## Appendix: interview log").expect("an appendix")..];
    assert!(appendix.contains("3 notes captured, oldest first"), "{appendix}");
    assert!(
        appendix.contains("| 1 | 2026-12-01 14:03 UTC | @sara | waited 25 minutes | Order / Touchpoints |"),
        "{appendix}"
    );
    assert!(
        appendix.contains("| 2 | 2026-12-01 14:05 UTC | @omar | got an SMS \\| \\*bold\\* ␛\\[2J | inbox |"),
        "{appendix}"
    );
    assert!(appendix.contains("| no source | my own note | Gone / Need (no longer in the grid) |"), "{appendix}");
    assert!(!md.contains('\u{1b}'));
    let empty = super::to_markdown(&Journey::default(), &[]);
    assert!(!empty.contains("interview log"), "no appendix when nothing was captured");
}

#[test]
fn only_keeps_that_sources_notes_and_the_notes_with_no_source() {
    let md = super::to_markdown(&only(&journey(), "omar"), &[]);
    assert!(md.contains("got an SMS") && md.contains("my own note"));
    assert!(!md.contains("| @sara |"), "{md}");
    let v: serde_json::Value = serde_json::from_str(&super::to_json(&only(&journey(), "sara"), &[])).unwrap();
    assert_eq!(v["log"].as_array().unwrap().len(), 2);
    assert_eq!(v["log"][0]["phase"], "Order");
    assert_eq!(v["log"][1]["source"], serde_json::Value::Null);
}

#[test]
fn the_client_report_leaves_the_log_out() {
    let md = super::client::to_markdown(&journey(), &[]);
    assert!(!md.contains("got an SMS") && !md.contains("my own note") && !md.contains("14:03"), "{md}");
    let html = super::client_html(&journey(), &[]);
    assert!(!html.contains("got an SMS") && !html.contains("my own note"));
}

#[test]
fn the_json_export_carries_the_log() {
    let v: serde_json::Value = serde_json::from_str(&crate::export::to_json(&journey(), &[])).unwrap();
    assert_eq!(
        v["log"][1],
        serde_json::json!({"text": "got an SMS | *bold* \u{1b}[2J", "source": "omar", "at": "2026-12-01T14:05:00Z", "phase": null, "row": null})
    );
}
