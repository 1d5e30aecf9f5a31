//! The manual (docs/src, an mdBook) says what exists: its generated tables
//! are what the code's tables make (`cargo run --example docgen` writes
//! them), every page is in SUMMARY.md, every include resolves, and it names
//! every action, key mode, question and check.

use std::fs;
use std::path::{Path, PathBuf};

use jgrid::app::{Action, KeyMode, QuestionKind};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/src")
}

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            pages(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// A page with its `{{#include …}}` lines replaced by what they include, as
/// mdBook shows it.
fn expanded(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        match line.trim().strip_prefix("{{#include ").and_then(|l| l.strip_suffix("}}")) {
            Some(target) => {
                let included = path.parent().unwrap().join(target.trim());
                let text = fs::read_to_string(&included)
                    .unwrap_or_else(|e| panic!("{} includes {}: {e}", path.display(), included.display()));
                out.push_str(&text);
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The whole manual as a reader sees it.
fn manual() -> String {
    let mut all = Vec::new();
    pages(&src(), &mut all);
    all.iter().filter(|p| !p.starts_with(src().join("generated"))).map(|p| expanded(p)).collect()
}

#[test]
fn the_generated_tables_are_what_the_code_makes() {
    for (name, text) in jgrid::manual::pages() {
        let path = src().join("generated").join(&name);
        let written = fs::read_to_string(&path).unwrap_or_default();
        assert!(written == text, "{} is stale: run `cargo run --example docgen` and commit it", path.display());
    }
}

#[test]
fn every_page_is_in_the_summary_and_every_generated_table_is_used() {
    let summary = fs::read_to_string(src().join("SUMMARY.md")).unwrap();
    let mut all = Vec::new();
    pages(&src(), &mut all);
    let mut includes = String::new();
    for page in &all {
        let relative = page.strip_prefix(src()).unwrap().to_string_lossy().into_owned();
        if relative.starts_with("generated/") {
            continue;
        }
        if relative != "SUMMARY.md" {
            assert!(summary.contains(&format!("]({relative})")), "SUMMARY.md does not list {relative}");
        }
        includes.push_str(&fs::read_to_string(page).unwrap());
    }
    for (name, _) in jgrid::manual::pages() {
        assert!(includes.contains(&format!("generated/{name}}}}}")), "no page includes generated/{name}");
    }
    for line in summary.lines().filter(|l| l.contains("](")) {
        let target = line.split("](").nth(1).unwrap().trim_end_matches(')');
        assert!(src().join(target).exists(), "SUMMARY.md lists {target}, which does not exist");
    }
}

#[test]
fn every_action_mode_and_question_is_in_the_manual() {
    let text = manual();
    for action in Action::all() {
        assert!(
            text.contains(&format!("`{}`", action.name())),
            "the manual does not name the action `{}`",
            action.name()
        );
    }
    for mode in KeyMode::all() {
        assert!(
            text.contains(&format!("`{}`", mode.name())),
            "the manual does not name the key mode `{}`",
            mode.name()
        );
    }
    for &kind in QuestionKind::ALL {
        assert!(text.contains(&format!("[keys.{}]", kind.spec().id)), "the manual lacks [keys.{}]", kind.spec().id);
    }
}

#[test]
fn every_check_is_in_the_manual_checks_table() {
    let text = manual();
    for id in jgrid::checks::IDS {
        assert!(text.contains(&format!("| `{id}` |")), "the manual's checks table lacks `{id}`");
    }
}
