//! Every export of the broadband sample, compared byte for byte with the
//! golden files in `tests/golden/`. After a deliberate change, rewrite them
//! with `UPDATE_GOLDEN=1 cargo test --test export_golden` and review the diff.

use std::fs;
use std::path::PathBuf;

use jgrid::export::{ExportFormat, export, import_csv};
use jgrid::format;
use jgrid::journey::Journey;
use serde_json::json;

const SAMPLE: &str = "journeys/broadband-moving-house.toml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> Journey {
    let bytes = fs::read(root().join(SAMPLE)).unwrap();
    format::parse(&bytes).unwrap_or_else(|e| panic!("{}", e.render(SAMPLE)))
}

fn golden_path(format: ExportFormat) -> PathBuf {
    root().join("tests/golden").join(format!("broadband.{}", format.extension()))
}

/// Compare the export with its golden file, or rewrite the file when `UPDATE_GOLDEN=1`.
fn check_golden(format: ExportFormat) -> String {
    let actual = export(&sample(), format);
    let path = golden_path(format);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        fs::write(&path, &actual).unwrap();
        return actual;
    }
    let expected = fs::read(&path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}; create it with UPDATE_GOLDEN=1 cargo test --test export_golden", path.display())
    });
    if actual.as_bytes() != expected.as_slice() {
        let expected = String::from_utf8_lossy(&expected);
        let line = actual.split('\n').zip(expected.split('\n')).position(|(a, e)| a != e);
        let line = line.map_or_else(|| "the length".to_owned(), |l| format!("line {}", l + 1));
        panic!(
            "the {format} export differs from {} at {line}; if the change is deliberate, run \
             UPDATE_GOLDEN=1 cargo test --test export_golden and review the diff",
            path.display()
        );
    }
    actual
}

#[test]
fn markdown_matches_golden() {
    check_golden(ExportFormat::Markdown);
}

#[test]
fn csv_matches_golden() {
    check_golden(ExportFormat::Csv);
}

#[test]
fn html_matches_golden() {
    check_golden(ExportFormat::Html);
}

#[test]
fn mermaid_matches_golden() {
    check_golden(ExportFormat::Mermaid);
}

#[test]
fn json_matches_golden() {
    check_golden(ExportFormat::Json);
}

/// Number of `|` not escaped by a backslash (an even run of backslashes escapes nothing).
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        match c {
            '\\' => backslashes += 1,
            '|' if backslashes % 2 == 0 => {
                count += 1;
                backslashes = 0;
            }
            _ => backslashes = 0,
        }
    }
    count
}

#[test]
fn markdown_golden_is_one_well_formed_table() {
    let md = check_golden(ExportFormat::Markdown);
    let table: Vec<&str> = md.lines().skip_while(|l| !l.starts_with('|')).collect();
    let journey = sample();
    assert_eq!(table.len(), 3 + journey.row_count(), "header, delimiter, Mood and one line per row, nothing after");
    assert_eq!(table[2], "| Mood | +1 happy | -1 unhappy | -2 very unhappy | +1 happy | -2 very unhappy |  |");
    let columns = journey.phase_count() + 1;
    for line in &table {
        assert!(line.starts_with("| ") && line.ends_with(" |"), "{line}");
        assert_eq!(unescaped_pipes(line), columns + 1, "{line}");
    }
    assert_eq!(table[1], format!("|{}", " --- |".repeat(columns)));
}

#[test]
fn csv_golden_imports_as_the_same_grid() {
    let csv = check_golden(ExportFormat::Csv);
    let imported = import_csv(&csv).unwrap();
    let journey = sample();
    assert_eq!(imported.rows(), journey.rows());
    // CSV holds the grid only (phase names and cells); moods stay in the journey file.
    let grid = |j: &Journey| -> Vec<(String, Vec<String>)> {
        j.phases().iter().map(|p| (p.name.clone(), p.cells().to_vec())).collect()
    };
    assert_eq!(grid(&imported), grid(&journey));
    assert!(imported.phases().iter().all(|p| p.mood.is_none()));
}

#[test]
fn json_golden_is_valid_json_with_the_documented_keys() {
    let json = check_golden(ExportFormat::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = [
        "format",
        "title",
        "persona",
        "lang",
        "rows",
        "roles",
        "checks_off",
        "external",
        "accepted",
        "phases",
        "inbox",
        "sources",
        "opportunities",
        "log",
        "findings",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected, "serde_json::Value sorts keys");
    let order: Vec<usize> =
        ["\"format\"", "\"title\"", "\"persona\"", "\"lang\"", "\"rows\"", "\"roles\"", "\"checks_off\""]
            .iter()
            .map(|k| json.find(k).unwrap())
            .collect();
    assert!(order.is_sorted(), "top-level keys in the documented order");
    assert_eq!(value["phases"].as_array().unwrap().len(), sample().phase_count());
    let moods: Vec<&serde_json::Value> = value["phases"].as_array().unwrap().iter().map(|p| &p["mood"]).collect();
    assert_eq!(moods, [&json!(1), &json!(-1), &json!(-2), &json!(1), &json!(-2), &json!(null)]);
    assert_eq!(value["inbox"], json!([]), "the sample has no unsorted notes");
}

#[test]
fn html_golden_is_self_contained() {
    let html = check_golden(ExportFormat::Html);
    for forbidden in ["<script", "src=", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("@page { size: A4 landscape; margin: 10mm; }"));
    assert!(!html.contains('\u{1b}'));
}

#[test]
fn html_golden_draws_the_mood_curve_above_the_grid_and_sets_marked_lines_apart() {
    let html = check_golden(ExportFormat::Html);
    let svg = html.find("<svg class=\"curve\"").expect("a mood curve");
    let first_row = html.find("<th scope=\"row\">Need</th>").unwrap();
    assert!(svg < first_row, "the curve comes before the first row of the grid");
    let curve = &html[svg..html[svg..].find("</svg>").unwrap() + svg];
    assert_eq!(curve.matches("<circle ").count(), 5, "one point per phase with a mood");
    assert_eq!(curve.matches(">?</text>").count(), 1, "Support's mood is unknown");
    for label in [">+1</text>", ">-1</text>", ">-2</text>"] {
        assert!(curve.contains(label), "points are labelled with their mood: {label}");
    }
    assert!(html.contains("<span class=\"pain\"><span class=\"glyph\">!</span> waited 25 minutes on the phone"));
    assert!(html.contains("<span class=\"quote\"><span class=\"glyph\">&gt;</span>"));
    assert!(html.contains("<span class=\"source\">@sara</span>"));
}

#[test]
fn mermaid_golden_has_a_section_per_phase() {
    let mmd = check_golden(ExportFormat::Mermaid);
    assert!(mmd.starts_with("journey\n"));
    assert_eq!(mmd.lines().filter(|l| l.starts_with("  section ")).count(), sample().phase_count());
}
