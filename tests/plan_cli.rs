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
