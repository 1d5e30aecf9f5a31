use crate::checks::review;
use crate::journey::{CellRef, Change, Journey, Opportunity, Why};

fn journey() -> Journey {
    let mut j =
        Journey::new("Switch", "P", ["Need", "Touchpoints", "Message", "Organization", "Systems"], ["Ask", "Sign"]);
    let set =
        |j: &mut Journey, p, r, t: &str| Change::SetCell { at: CellRef::new(p, r), text: t.into() }.apply(j).unwrap();
    set(&mut j, 0, 0, "! heard nothing @sara\n! heard nothing @tom");
    set(&mut j, 0, 2, "#phone switch time: 14 days @sara");
    set(&mut j, 1, 2, "#email switch time: 21 days");
    set(&mut j, 1, 1, "#web form \u{1b}[2J <script>x</script> @tom");
    j.sources.insert("tom".into(), "installer, 52".into());
    j.opportunities = vec![Opportunity {
        title: "Tell the date".into(),
        why: vec![Why::Line { phase: "Ask".into(), row: "Need".into(), line: "heard nothing".into() }],
        gains: vec!["customer".into()],
        customer_value: Some(3),
        business_value: Some(3),
        effort: Some(3),
        ..Opportunity::default()
    }];
    j
}

#[test]
fn the_client_report_names_no_source_tag_or_check_and_names_the_quadrants() {
    let j = journey();
    let r = review(&j);
    let all: Vec<_> = r.open.iter().chain(r.accepted.iter().map(|a| &a.finding)).cloned().collect();
    let html = super::client_html(&j, &all);
    // The page's own style sheet has `@page`; what follows is the report.
    let body = html.split("</style>").nth(1).unwrap().to_owned();
    for text in [super::client::to_markdown(&j, &all), body] {
        assert!(!text.contains('@'), "{text}");
        assert!(!text.contains("#phone") && !text.contains("#web"), "{text}");
        for id in crate::journey::IDS {
            assert!(!text.contains(id), "{id} in {text}");
        }
        assert!(text.contains("Interviewee 1") && text.contains("installer, 52"), "{text}");
        assert!(text.contains("Hot issues"), "{text}");
        assert!(text.contains("heard nothing (2 interviewees)"), "{text}");
        assert!(text.contains("switch time"), "{text}");
        assert!(!text.contains('\u{1b}') && !text.contains("<script>"), "{text}");
    }
    let html = super::client_html(&j, &all);
    assert!(html.contains("<svg") && html.contains("low effort"), "{html}");
}
