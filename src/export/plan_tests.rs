use super::*;
use crate::journey::{CellRef, Change, Status};

fn journey() -> Journey {
    let mut j = Journey::new("T", "P", ["Need"], ["Wait"]);
    Change::SetCell { at: CellRef::new(0, 0), text: "! heard nothing @sara\n! no date @tom".into() }
        .apply(&mut j)
        .unwrap();
    let link = |l: &str| Why::Line { phase: "Wait".into(), row: "Need".into(), line: l.into() };
    j.opportunities = vec![
        Opportunity { title: "Unscored *idea*".into(), ..Opportunity::default() },
        Opportunity {
            title: "Tell the date \u{1b}[2J".into(),
            why: vec![link("Heard nothing"), link("no date"), link("gone")],
            gains: vec!["customer".into(), "Support".into()],
            customer_value: Some(3),
            business_value: Some(2),
            effort: Some(1),
            owner: "Support".into(),
            status: Status::Planned,
            solutions: "=SMS on the switch day\nswitch date in the app".into(),
        },
    ];
    j
}

fn items(j: &Journey) -> Vec<PlanItem<'_>> {
    plan_items(&[("energy.toml".to_owned(), j, crate::checks::review(j).open)])
}

#[test]
fn json_ranks_with_quadrant_value_evidence_and_stale_links() {
    let j = journey();
    let json: serde_json::Value = serde_json::from_str(&to_json(&items(&j))).unwrap();
    let first = &json[0];
    assert_eq!(first["title"], "Tell the date \u{1b}[2J");
    assert_eq!(first["quadrant"], "low-hanging-fruit");
    assert_eq!(first["value"], 2.5);
    assert_eq!(first["effort"], 1);
    assert_eq!(first["evidence"], 2);
    assert_eq!(first["gains"], serde_json::json!(["customer", "Support"]));
    assert_eq!(first["owner"], "Support");
    assert_eq!(first["status"], "planned");
    assert_eq!(first["why"][0]["line"], "Heard nothing");
    assert_eq!(first["why"][2]["stale"], true);
    assert_eq!(json[1]["quadrant"], "unscored");
    assert_eq!(json[1]["value"], serde_json::Value::Null);
    assert!(!to_json(&items(&j)).contains('\u{1b}'), "control characters are escaped");
}

#[test]
fn csv_has_the_issue_tracker_header_and_markdown_names_the_quadrants() {
    let j = journey();
    let csv = to_csv(&items(&j));
    assert!(csv.starts_with("\u{feff}title,description,labels,owner\r\n"), "{csv}");
    assert!(csv.contains("\"low-hanging-fruit,planned\",Support"), "{csv}");
    assert!(!csv.contains('\u{1b}'), "{csv}");
    let md = to_markdown(&items(&j));
    assert!(md.contains("## Low-hanging fruit (high value, low effort)"), "{md}");
    assert!(md.contains("## Unscored"), "{md}");
    assert!(md.contains("**Unscored \\*idea\\***"), "{md}");
    assert!(md.contains("evidence 2"), "{md}");
    assert!(md.contains("(no longer there)"), "{md}");
}
