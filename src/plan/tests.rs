use super::*;
use crate::journey::{Change, Opportunity};

fn scored(title: &str, cv: u8, bv: u8, effort: u8) -> Opportunity {
    Opportunity {
        title: title.into(),
        customer_value: Some(cv),
        business_value: Some(bv),
        effort: Some(effort),
        ..Opportunity::default()
    }
}

#[test]
fn every_quadrant_follows_the_documented_thresholds() {
    assert_eq!(Quadrant::of(&scored("a", 3, 3, 1)), Quadrant::LowHangingFruit);
    assert_eq!(Quadrant::of(&scored("a", 3, 1, 1)), Quadrant::LowHangingFruit, "value 2 is high");
    assert_eq!(Quadrant::of(&scored("a", 3, 3, 3)), Quadrant::HotIssue);
    assert_eq!(Quadrant::of(&scored("a", 2, 3, 2)), Quadrant::HotIssue, "effort 2 is high");
    assert_eq!(Quadrant::of(&scored("a", 1, 2, 1)), Quadrant::FillIn, "value 1.5 is low");
    assert_eq!(Quadrant::of(&scored("a", 1, 1, 3)), Quadrant::NotNow);
    let mut half = scored("a", 3, 3, 1);
    half.business_value = None;
    assert_eq!(Quadrant::of(&half), Quadrant::Unscored);
}

#[test]
fn evidence_counts_distinct_sources_on_lines_matched_without_mark_sources_case_and_spacing() {
    let mut j = Journey::new("T", "P", ["Need", "Message"], ["Wait", "Pay"]);
    let cell = "! Heard nothing for two weeks @sara\n+ heard  NOTHING for two weeks @tom @Sara\nother @ann";
    Change::SetCell { at: CellRef::new(0, 0), text: cell.into() }.apply(&mut j).unwrap();
    let why = vec![
        Why::Line { phase: "Wait".into(), row: "Need".into(), line: "heard nothing for two weeks".into() },
        Why::Line { phase: "Wait".into(), row: "Need".into(), line: "reworded".into() },
        Why::Finding { check: "handoff".into(), subject: None },
    ];
    j.opportunities = vec![
        Opportunity { why, ..scored("weak but cheap", 1, 1, 1) },
        scored("strong", 3, 3, 1),
        Opportunity::new("idea", Vec::new()),
        scored("big", 3, 3, 3),
    ];
    let ranked = rank(&j);
    let titles: Vec<&str> = ranked.iter().map(|r| j.opportunities[r.index].title.as_str()).collect();
    assert_eq!(titles, ["strong", "big", "weak but cheap", "idea"]);
    let weak = &ranked[2];
    assert_eq!(weak.sources, ["sara", "tom"]);
    assert_eq!(weak.evidence(), 2);
    assert_eq!(weak.lines.len(), 2, "the why matches two lines; the reworded one none");
}

#[test]
fn within_a_quadrant_value_then_evidence_decide() {
    let mut j = Journey::new("T", "P", ["Need"], ["Wait"]);
    Change::SetCell { at: CellRef::new(0, 0), text: "a @x\nb @y".into() }.apply(&mut j).unwrap();
    let link = |l: &str| vec![Why::Line { phase: "Wait".into(), row: "Need".into(), line: l.into() }];
    j.opportunities = vec![
        scored("lower value", 2, 2, 1),
        Opportunity { why: link("a"), ..scored("less evidence", 3, 3, 1) },
        Opportunity { why: [link("a"), link("b")].concat(), ..scored("more evidence", 3, 3, 1) },
    ];
    let titles: Vec<String> = rank(&j).iter().map(|r| j.opportunities[r.index].title.clone()).collect();
    assert_eq!(titles, ["more evidence", "less evidence", "lower value"]);
}
