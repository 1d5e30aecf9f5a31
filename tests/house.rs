//! The house rules of ARCHITECTURE.md, checked on the source tree: small
//! files, a small root in `src/app/`, a core that knows no terminal and no app,
//! and no process-wide tricks.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name.ends_with("_tests.rs") || name == "tests.rs" || path.components().any(|c| c.as_os_str() == "tests")
}

fn sources(under: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(under), &mut files);
    files.sort();
    files
}

#[test]
fn no_source_file_is_over_400_lines() {
    let long: Vec<String> = sources("src")
        .into_iter()
        .filter(|p| !is_test_file(p))
        .filter_map(|p| {
            let lines = fs::read_to_string(&p).unwrap().lines().count();
            (lines > 400).then(|| format!("{} ({lines} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files (tests into a *_tests.rs beside them): {long:#?}");
}

#[test]
fn the_root_of_src_app_has_at_most_12_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let files: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    assert!(
        files.len() <= 12,
        "src/app/ has {} files at its root; put new features in a room (a folder): {files:#?}",
        files.len()
    );
}

#[test]
fn the_core_knows_no_terminal_and_no_app() {
    let core = ["journey", "format", "checks", "insights", "merge", "diff", "export", "report", "portfolio", "plan"];
    let upward = ["ratatui", "crossterm", "crate::app", "crate::ui", "crate::shell", "crate::term", "crate::config"];
    let mut bad = Vec::new();
    for room in core {
        for path in sources(&format!("src/{room}")) {
            let text = fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap();
                if let Some(name) = upward.iter().find(|u| code.contains(*u)) {
                    bad.push(format!("{}:{}: {name}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(bad.is_empty(), "the pure core imports a layer above it: {bad:#?}");
}

#[test]
fn no_process_wide_tricks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(!root.join("build.rs").exists(), "no build script: no linker tricks");
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("unsafe_code = \"forbid\""), "unsafe_code must be forbidden");
    for path in sources("src") {
        let text = fs::read_to_string(&path).unwrap();
        assert!(!text.contains("no_mangle"), "{}: no symbol may replace one of the C library", path.display());
    }
}
