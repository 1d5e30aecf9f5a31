//! Each source's mood on every output path: one curve per source in the
//! HTML export (told apart without colour), the JSON, the Markdown table,
//! the report's phase × source table and the client report's curves, named
//! as the client report names interviewees.

use crate::journey::{CellRef, Change, Journey, only};

/// Wait and Use; the overall mood in Wait, Sara's and Omar's in both, and a
/// hostile source name that only has a mood.
fn sample() -> Journey {
    let mut j = Journey::new("Switch", "", ["Need"], ["Wait", "Use"]);
    let lines = "! nobody told me when the switch happened @sara\n+ got an SMS on the day @omar";
    Change::SetCell { at: CellRef::new(0, 0), text: lines.into() }.apply(&mut j).unwrap();
    Change::SetMood { phase: 0, mood: Some(-1) }.apply(&mut j).unwrap();
    for (phase, source, mood) in [(0, "sara", -2), (1, "sara", 1), (0, "omar", 2), (1, "omar", 2)] {
        Change::SetSourceMood { phase, source: source.into(), mood: Some(mood) }.apply(&mut j).unwrap();
    }
    j
}

fn hostile(j: &mut Journey) {
    // A source name is letters, digits, - and _: the worst it can hold is markup-like `_` and wide letters.
    Change::SetSourceMood { phase: 1, source: "a_b_漢".into(), mood: Some(0) }.apply(j).unwrap();
}

#[test]
fn the_html_export_draws_one_curve_per_source_with_a_legend_that_reads_without_colour() {
    let mut j = sample();
    hostile(&mut j);
    let html = super::to_html(&j, &[]);
    assert_eq!(html.matches("<g class=\"source\"").count(), 3, "one curve per source");
    for (who, dash, marker) in [("@a_b_漢", "6 3", "■"), ("@omar", "2 3", "▲"), ("@sara", "9 3 2 3", "◆")] {
        assert!(html.contains(&format!("<title>Mood of {who} per phase: ")), "{who}");
        assert!(html.contains(&format!("stroke-dasharray=\"{dash}\"")), "{who}: its own dash pattern");
        assert!(html.contains(&format!("<text class=\"marker\" x=\"20\" y=\"10\">{marker}</text></svg> {who}</span>")));
    }
    assert!(html.contains("<title>Mood of @sara per phase: Wait -2 very unhappy, Use +1 happy</title>"), "{html}");
    assert!(html.contains("</svg> overall</span>"));
    // Without source moods the curve is as it was: no legend.
    let plain = Journey::new("T", "", ["Need"], ["Wait"]);
    let mut plain_mood = plain.clone();
    Change::SetMood { phase: 0, mood: Some(1) }.apply(&mut plain_mood).unwrap();
    assert!(!super::to_html(&plain_mood, &[]).contains("<p class=\"curve-legend\">"));
    assert!(!super::to_html(&plain, &[]).contains("<svg class=\"curve\""));
}

#[test]
fn only_one_source_keeps_that_sources_curve_beside_the_overall_one() {
    let html = super::to_html(&only(&sample(), "omar"), &[]);
    assert_eq!(html.matches("<g class=\"source\"").count(), 1);
    assert!(html.contains("Mood of @omar per phase") && !html.contains("@sara per phase"));
    assert!(html.contains("<title>Mood per phase: Wait -1 unhappy, Use unknown</title>"), "the overall curve stays");
    let report = crate::report::to_markdown(&only(&sample(), "@Omar"), &[]);
    assert!(report.contains("| # | Phase | Mood | @omar |\n"), "{report}");
}

#[test]
fn json_and_markdown_exports_carry_each_sources_mood() {
    let j = sample();
    let json: serde_json::Value = serde_json::from_str(&super::to_json(&j, &[])).unwrap();
    assert_eq!(json["phases"][0]["moods"], serde_json::json!({"omar": 2, "sara": -2}));
    assert_eq!(json["phases"][0]["mood"], -1);
    let md = super::to_markdown(&j);
    assert!(md.contains("| Mood @omar | +2 very happy | +2 very happy |\n"), "{md}");
    assert!(md.contains("| Mood @sara | -2 very unhappy | +1 happy |\n"), "{md}");
    let mut j = j;
    hostile(&mut j);
    assert!(super::to_markdown(&j).contains("| Mood @a\\_b\\_漢 |  | 0 neutral |"), "markdown escaped");
}

#[test]
fn the_report_has_a_phase_by_source_table_and_its_json_the_moods() {
    let j = sample();
    let md = crate::report::to_markdown(&j, &[]);
    assert!(md.contains("| # | Phase | Mood | @omar | @sara |\n| ---: | --- | --- | --- | --- |\n"), "{md}");
    assert!(md.contains("| 1 | Wait | -1 unhappy | +2 very happy | -2 very unhappy |\n"), "{md}");
    assert!(md.contains("| 2 | Use | unknown | +2 very happy | +1 happy |\n"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&crate::report::to_json(&j, &[])).unwrap();
    assert_eq!(json["moods"][1]["sources"], serde_json::json!({"omar": 2, "sara": 1}));
}

#[test]
fn the_client_report_draws_one_curve_per_interviewee_named_as_it_names_them() {
    let mut j = sample();
    j.sources.insert("omar".into(), "customer, <b>61</b>".into());
    let md = crate::report::client::to_markdown(&j, &[]);
    // Sara speaks first in the grid: Interviewee 1; Omar has a description.
    assert!(md.contains("Interviewee 1:\n\n```text\n"), "{md}");
    assert!(md.contains("customer, &lt;b&gt;61&lt;/b&gt;:\n\n```text\n"), "{md}");
    assert!(md.contains("1. Wait: -1 unhappy (Interviewee 1: -2 very unhappy; customer, "), "{md}");
    assert!(!md.contains("sara") && !md.contains("omar"), "no source is named: {md}");
    let html = crate::report::client_html(&j, &[]);
    assert!(html.contains("Mood of Interviewee 1 per phase"), "{html}");
    assert!(html.contains("</svg> customer, &lt;b&gt;61&lt;/b&gt;</span>"), "escaped: {html}");
    assert!(!html.contains("sara") && !html.contains("omar"), "no source is named");
}
