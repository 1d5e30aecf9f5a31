//! End-to-end: `jgrid DIR` in a pseudo-terminal at 80x24: the list of
//! journeys, Enter opens one in the editor, Esc comes back, the save guard
//! on the way back, the panels, a signal while a journey is open.

mod support;

use std::fs;
use std::path::Path;

use support::{Pty, TIMEOUT};

const NORTHWIND: &str = "tests/portfolio/northwind";

/// A copy of the Northwind folder to change.
fn northwind() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(NORTHWIND).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn open(dir: &Path) -> Pty {
    let mut pty = Pty::jgrid(&[dir.to_str().unwrap()], 80, 24, &[]);
    pty.assert_screen_contains("Northwind Telecom · 6 journeys · 3 across journeys", TIMEOUT);
    pty
}

#[test]
fn the_list_opens_a_journey_and_esc_comes_back() {
    let dir = northwind();
    let mut pty = open(dir.path());
    for title in ["Cancelling", "Complaint about a b", "Moving house", "New contract", "Repair", "Travelling abroad"] {
        pty.assert_screen_contains(title, TIMEOUT);
    }
    pty.assert_screen_contains("Enter open", TIMEOUT);
    pty.keys("jj<Enter>");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.assert_screen_contains("Checks follow the portfolio's rules in", TIMEOUT);
    pty.assert_screen_contains("Order move", TIMEOUT);
    pty.keys("l");
    pty.assert_screen_contains("q back to list", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_contains("6 journeys", TIMEOUT);
    pty.assert_screen_lacks("NORMAL", TIMEOUT);
    // The same journey is still selected; q in the list quits jgrid.
    pty.assert_screen_contains("moving-house.toml · Orientation → Order move → Installation", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn unsaved_changes_are_asked_about_on_the_way_back_and_the_list_follows_the_save() {
    let dir = northwind();
    let mut pty = open(dir.path());
    pty.keys("jjjj<Enter>");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys(":");
    pty.type_text("title Repair at home");
    pty.keys("<Enter>");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    pty.keys("q");
    pty.assert_screen_contains("Unsaved changes", TIMEOUT);
    pty.keys("y");
    pty.assert_screen_contains("Repair at home", TIMEOUT);
    pty.assert_screen_contains("6 journeys", TIMEOUT);
    assert!(fs::read_to_string(dir.path().join("repair.toml")).unwrap().contains("title = \"Repair at home\""));
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn sort_filter_and_panels_work_at_80x24() {
    let dir = northwind();
    let mut pty = open(dir.path());
    pty.keys("/");
    pty.type_text("partner");
    pty.assert_screen_contains("filter: partner", TIMEOUT);
    pty.assert_screen_lacks("Repair", TIMEOUT);
    pty.keys("<Enter>");
    pty.assert_screen_contains("filter \"partner\": 1 of 6 journeys", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_contains("Repair", TIMEOUT);
    pty.keys("ss");
    pty.assert_screen_contains("Sorted by open findings, most first", TIMEOUT);
    pty.keys("f");
    pty.assert_screen_contains("Findings across journeys (3)", TIMEOUT);
    pty.assert_screen_contains("portfolio-conflict", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_lacks("Findings across journeys (3)", TIMEOUT);
    pty.keys("b");
    pty.assert_screen_contains("#phone (also #hotline, #call-centre) · 4 journeys", TIMEOUT);
    pty.keys("q");
    pty.assert_screen_contains("Enter open", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn a_hangup_while_a_journey_is_open_keeps_what_was_typed() {
    let dir = northwind();
    let mut pty = open(dir.path());
    pty.keys("<Enter>");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("a");
    pty.type_text("half a note");
    pty.assert_screen_contains("half a note", TIMEOUT);
    assert!(pty.kill_with("HUP"));
    // 128 + SIGHUP; the journey on disk is as it was, the note is in a recovery file.
    pty.assert_exit_code(129, TIMEOUT);
    assert!(!fs::read_to_string(dir.path().join("cancelling.toml")).unwrap().contains("half a note"));
}

#[test]
fn a_journey_opened_alone_in_the_folder_follows_its_rules() {
    let dir = northwind();
    let roaming = dir.path().join("roaming.toml");
    let mut pty = Pty::jgrid(&[roaming.to_str().unwrap()], 80, 24, &[]);
    pty.assert_screen_contains("Checks follow the portfolio's rules in", TIMEOUT);
    // #search is external by the folder's jgrid.toml: no owner or system is asked for it.
    pty.keys("H");
    pty.assert_screen_contains("No findings", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    // Alone, the same journey has findings about #search.
    let alone = tempfile::tempdir().unwrap();
    fs::copy(&roaming, alone.path().join("roaming.toml")).unwrap();
    let mut pty = Pty::jgrid(&[alone.path().join("roaming.toml").to_str().unwrap()], 80, 24, &[]);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("H");
    pty.assert_screen_contains("2 warnings", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}
