use std::path::Path;

use super::super::{Portfolio, blueprint, load};
use super::*;

fn northwind() -> (Portfolio, super::super::Blueprint) {
    let p = load(Path::new("tests/portfolio/northwind"), |_, _| ()).unwrap();
    let b = blueprint::of(&p.journeys, p.rules.as_deref());
    (p, b)
}

/// A folder of one journey whose names are hostile: HTML, Markdown, control
/// characters and a bidi override in every name.
fn hostile() -> (tempfile::TempDir, Portfolio, super::super::Blueprint) {
    let dir = tempfile::tempdir().unwrap();
    let text = "format = 1\ntitle = \"<script>alert(1)</script> | *x* \\u001b[31m\\u202e\"\nrows = [\"Touchpoints\", \"Organization\", \"Systems\"]\n\n\
                [[phase]]\nname = \"A|<b>\\u001b\"\n\n[phase.cells]\nTouchpoints = \"#web\"\nOrganization = \"<i>Te\\u009bam</i> owns #web\"\nSystems = \"#web runs on `x` & y\"\n\n\
                [[phase]]\nname = \"B\"\n\n[phase.cells]\nTouchpoints = \"#web\"\nOrganization = \"Other owns #web\"\nSystems = \"#web runs on z\"\n";
    std::fs::write(dir.path().join("evil.toml"), text).unwrap();
    let p = load(dir.path(), |_, _| ()).unwrap();
    assert_eq!(p.journeys.len(), 1, "{:?}", p.broken);
    let b = blueprint::of(&p.journeys, None);
    (dir, p, b)
}

fn no_controls(text: &str) {
    assert!(!text.chars().any(|c| (c.is_control() && c != '\n' && c != '\r') || c == '\u{202e}'), "{text:?}");
}

#[test]
fn markdown_lists_channels_then_the_walls() {
    let (p, b) = northwind();
    let md = to_markdown(&p, &b);
    assert!(md.starts_with("# Blueprint: Northwind Telecom\n\n6 journeys · 8 channels · 2 walls between teams"));
    assert!(md.contains(
        "| #phone (also #hotline, #call-centre) | 4 | Customer service (4), Billing (1), Provisioning (1) |"
    ));
    let walls = md.find("## Walls between teams").unwrap();
    assert!(md.find("### #phone").unwrap() < walls);
    assert!(md.contains("| Billing · Customer service | 1 | Complaint about a bill: #phone Contact → Resolution (Customer service → Billing) |"), "{md}");
}

#[test]
fn hostile_names_stay_text_in_every_format() {
    let (_dir, p, b) = hostile();
    let md = to_markdown(&p, &b);
    no_controls(&md);
    assert!(!md.contains("<script>") && !md.contains("<i>") && md.contains("&lt;i&gt;Te�am&lt;/i&gt;"), "{md}");
    assert!(md.contains("A\\|&lt;b&gt;␛"), "{md}");
    let html = to_html(&p, &b);
    no_controls(&html);
    assert!(!html.contains("<script") && !html.contains("<i>"), "{html}");
    assert!(html.contains("&lt;i&gt;Te�am&lt;/i&gt;"), "{html}");
    let csv = to_csv(&p, &b);
    no_controls(&csv);
    let json = to_json(&p, &b);
    assert!(!json.contains('\u{9b}') && !json.contains('\u{202e}'));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["journeys"][0]["journey"].as_str().unwrap(), "<script>alert(1)</script> | *x* \u{1b}[31m\u{202e}");
}

#[test]
fn csv_has_one_fact_per_record() {
    let (p, b) = northwind();
    let csv = to_csv(&p, &b);
    let mut reader = ::csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["kind", "channel", "name", "journey", "file", "phases"]);
    let records: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    let has = |fields: [&str; 6]| records.iter().any(|r| r == &fields);
    assert!(has(["channel", "phone", "", "Moving house", "moving-house.toml", "Order move; Installation"]));
    assert!(has(["team", "phone", "Customer service", "Moving house", "moving-house.toml", "Order move"]));
    assert!(has(["system", "app", "Ticketing", "Repair", "repair.toml", "Report"]));
    assert!(has([
        "handoff",
        "phone",
        "Customer service → Provisioning",
        "Moving house",
        "moving-house.toml",
        "Order move → Installation"
    ]));
    assert!(has([
        "seam",
        "phone",
        "CRM → billing system",
        "Complaint about a bill",
        "complaint.toml",
        "Contact → Resolution"
    ]));
    assert!(csv.contains("\r\n"));
}

#[test]
fn json_names_each_channel_with_its_teams_systems_and_journeys_and_ranks_the_walls() {
    let (p, b) = northwind();
    let doc: serde_json::Value = serde_json::from_str(&to_json(&p, &b)).unwrap();
    assert_eq!(doc["portfolio"], "Northwind Telecom");
    assert!(doc["rules"].as_str().unwrap().ends_with("jgrid.toml"));
    let phone = &doc["channels"][0];
    assert_eq!(phone["channel"], "phone");
    assert_eq!(phone["spellings"], serde_json::json!(["hotline", "call-centre"]));
    assert_eq!(phone["teams"][0]["name"], "Customer service");
    assert_eq!(
        phone["teams"][0]["journeys"][1],
        serde_json::json!({"file": "moving-house.toml", "journey": "Moving house", "phases": ["Order move"]})
    );
    assert_eq!(phone["systems"][0]["name"], "CRM");
    let walls = &doc["walls"]["teams"];
    assert_eq!(walls[0]["between"], serde_json::json!(["Billing", "Customer service"]));
    assert_eq!(walls[0]["count"], 1);
    assert_eq!(
        walls[0]["places"][0],
        serde_json::json!({"file": "complaint.toml", "journey": "Complaint about a bill", "channel": "phone",
            "from": "Contact", "to": "Resolution", "before": "Customer service", "after": "Billing"})
    );
    assert_eq!(doc["walls"]["systems"].as_array().unwrap().len(), 2);
}

#[test]
fn an_empty_portfolio_renders_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let p = load(dir.path(), |_, _| ()).unwrap();
    let b = blueprint::of(&p.journeys, None);
    assert!(to_markdown(&p, &b).contains("No journey names a channel"));
    assert!(to_html(&p, &b).contains("No channel changes teams"));
    let doc: serde_json::Value = serde_json::from_str(&to_json(&p, &b)).unwrap();
    assert_eq!(doc["channels"], serde_json::json!([]));
}
