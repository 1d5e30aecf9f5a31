//! The plan's checks: unjustified-change, stale-link, unscored.

use crate::checks::review;
use crate::journey::{CellRef, Change, Journey, Opportunity, Why};

fn journey() -> Journey {
    let mut j = Journey::new("T", "P", ["Need", "Touchpoints", "Message", "Organization", "Systems"], ["Wait", "Pay"]);
    Change::SetCell { at: CellRef::new(0, 0), text: "! Heard nothing for two weeks @sara".into() }
        .apply(&mut j)
        .unwrap();
    Change::SetCell { at: CellRef::new(0, 2), text: "#mail switch time: 14 days".into() }.apply(&mut j).unwrap();
    Change::SetCell { at: CellRef::new(1, 2), text: "#web switch time: 21 days".into() }.apply(&mut j).unwrap();
    let why = vec![
        Why::Line { phase: "Wait".into(), row: "Need".into(), line: "heard nothing for two weeks".into() },
        Why::Finding { check: "conflicting-message".into(), subject: Some("Switching time".into()) },
    ];
    j.opportunities = vec![
        Opportunity {
            title: "Tell the date".into(),
            why: why.clone(),
            gains: vec!["customer".into()],
            customer_value: Some(3),
            business_value: Some(2),
            effort: Some(1),
            ..Opportunity::default()
        },
        Opportunity { title: "Nobody gains".into(), why, ..Opportunity::default() },
    ];
    j
}

fn plan_findings(j: &Journey) -> Vec<(&'static str, String)> {
    review(j)
        .open
        .into_iter()
        .filter(|f| crate::checks::PLAN_IDS.contains(&f.id))
        .map(|f| (f.id, f.subjects.join(",")))
        .collect()
}

#[test]
fn a_justified_scored_opportunity_is_clean_and_one_without_gains_is_unjustified_and_unscored() {
    let j = journey();
    assert_eq!(
        plan_findings(&j),
        [("unjustified-change", "Nobody gains".to_owned()), ("unscored", "Nobody gains".to_owned())]
    );
    let f = review(&j).open.into_iter().find(|f| f.id == "unjustified-change").unwrap();
    assert!(f.message.contains("who gains"), "{}", f.message);
    assert_eq!(f.severity, crate::checks::Severity::Warning);
}

#[test]
fn a_reworded_line_and_a_resolved_finding_make_stale_links() {
    let mut j = journey();
    j.opportunities.truncate(1);
    Change::SetCell { at: CellRef::new(0, 0), text: "! Heard nothing for three weeks @sara".into() }
        .apply(&mut j)
        .unwrap();
    Change::SetCell { at: CellRef::new(1, 2), text: "#web switch time: 14 days".into() }.apply(&mut j).unwrap();
    let found = review(&j).open;
    let stale: Vec<&str> = found.iter().filter(|f| f.id == "stale-link").map(|f| f.message.as_str()).collect();
    assert_eq!(stale.len(), 2, "{stale:?}");
    assert!(stale[0].contains("Heard nothing for two weeks") || stale[0].contains("heard nothing"), "{}", stale[0]);
    assert!(stale[1].contains("conflicting-message"), "{}", stale[1]);
}

#[test]
fn the_plan_checks_can_be_switched_off() {
    let mut j = journey();
    j.checks_off = vec!["unjustified-change".into(), "unscored".into()];
    assert!(plan_findings(&j).is_empty());
}
