//! `jgrid plan`: the ranked plan of journeys in Markdown, CSV and JSON.

use std::fs;
use std::process::{Command, Output};

const SAMPLE: &str = "journeys/energy-switch-interview.toml";

fn jgrid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jgrid")).args(args).output().unwrap()
}

fn with_plan(dir: &std::path::Path) -> String {
    let mut text = fs::read_to_string(SAMPLE).unwrap();
    text.push_str(
        "\n[[opportunity]]\ntitle = \"Someday\"\ncustomer_value = 1\nbusiness_value = 1\neffort = 3\n\
         \n[[opportunity]]\ntitle = \"Tell the switch date\"\nwhy = [\n  \
         { phase = \"Ask\", row = \"Need\", line = \"know when the switch happens\" },\n  \
         { phase = \"Ask\", row = \"Touchpoints\", line = \"the man on the phone was FRIENDLY\" },\n]\n\
         gains = [\"customer\"]\ncustomer_value = 3\nbusiness_value = 3\neffort = 1\n",
    );
    let file = dir.join("energy.toml");
    fs::write(&file, text).unwrap();
    file.to_str().unwrap().to_owned()
}

#[test]
fn plan_json_ranks_low_hanging_fruit_first_with_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_plan(dir.path());
    let out = jgrid(&["plan", &file, "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["title"], "Tell the switch date");
    assert_eq!(json[0]["quadrant"], "low-hanging-fruit");
    assert_eq!(json[0]["evidence"], 1, "both lines are Sara's: one source");
    assert_eq!(json[1]["quadrant"], "not-now");
    let check = jgrid(&["check", &file]);
    let said = String::from_utf8(check.stdout).unwrap();
    assert!(said.contains("warning[unjustified-change]") && said.contains("Someday"), "{said}");
}

#[test]
fn plan_csv_goes_to_a_file_and_never_over_the_journey() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_plan(dir.path());
    let csv = dir.path().join("plan.csv");
    assert!(jgrid(&["plan", &file, "--format", "csv", "-o", csv.to_str().unwrap()]).status.success());
    let text = fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}title,description,labels,owner\r\n"), "{text}");
    let refused = jgrid(&["plan", &file, "-o", &file]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(fs::read_to_string(&file).unwrap().contains("[[opportunity]]"), "the journey is untouched");
}

#[test]
fn export_xlsx_writes_a_workbook_to_a_file_and_refuses_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_plan(dir.path());
    let out = dir.path().join("energy.xlsx");
    let done = jgrid(&["export", &file, "--to", "xlsx", "-o", out.to_str().unwrap()]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let bytes = fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
    let refused = jgrid(&["export", &file, "--to", "xlsx"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty(), "nothing binary on the terminal");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("-o"));
}

#[test]
fn report_for_the_client_names_no_source_tag_or_check() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_plan(dir.path());
    for format in ["markdown", "html"] {
        let out = jgrid(&["report", &file, "--for", "client", "--format", format]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let body = text.split("</style>").last().unwrap();
        assert!(!body.contains("@sara") && !body.contains("#phone"), "{body}");
        assert!(!body.contains("conflicting-message") && !body.contains("channel-without-owner"), "{body}");
        assert!(body.contains("Low-hanging fruit") && body.contains("Interviewee 1"), "{body}");
    }
    assert_eq!(jgrid(&["report", &file, "--format", "html"]).status.code(), Some(2), "the team's report has no HTML");
}
