//! The manual (docs/src) says what exists: every `:` command (from the one
//! table), every bindable action, every check, every question's config table.

use jgrid::app::{Action, KeyMode, QuestionKind};

/// Every page of the manual, one after the other.
fn readme() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut text = String::new();
    walk(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/src")), &mut text);
    text
}

#[test]
fn the_readme_has_the_command_table_as_the_table_makes_it() {
    let table = jgrid::app::commands::markdown_table();
    assert!(
        readme().contains(&table),
        "README.md's : command table differs; paste the output of `cargo run --example commands_table`:\n{table}"
    );
}

#[test]
fn every_action_and_mode_is_named_in_the_readme() {
    let text = readme();
    for action in Action::all() {
        assert!(
            text.contains(&format!("`{}`", action.name())),
            "README.md does not name the action `{}`",
            action.name()
        );
    }
    for mode in KeyMode::all() {
        assert!(text.contains(&format!("`{}`", mode.name())), "README.md does not name the key mode `{}`", mode.name());
    }
    for &kind in QuestionKind::ALL {
        assert!(text.contains(&format!("[keys.{}]", kind.spec().id)), "README.md lacks [keys.{}]", kind.spec().id);
    }
}

#[test]
fn every_check_is_in_the_readme_checks_table() {
    let text = readme();
    for id in jgrid::checks::IDS {
        assert!(text.contains(&format!("| `{id}` |")), "README.md's checks table lacks `{id}`");
    }
}
