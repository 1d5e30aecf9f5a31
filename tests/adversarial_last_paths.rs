//! Adversarial end-to-end tests of issue 27, "Never lose a note, the last
//! paths": each reproduction of the issue, on the real binary in a pty, as
//! a user meets it. Undo after recovering, the two prompts that lost their
//! text on a hang-up, damaged recovery files, a garbled date, and exports
//! whose size grew with the square of the journey.

mod adversarial;
mod support;

use std::fs;

use adversarial::{Home, stdout, stop_with};
use jgrid::journey::CellRef;
use support::{Pty, TIMEOUT};

#[path = "../benches/common/generator.rs"]
mod generator;

/// Type MINE in the first cell and kill jgrid with SIGKILL once it is in
/// the recovery file: the issue's starting point.
fn killed_typing_mine(home: &Home) {
    let mut pty = home.ready();
    pty.keys("i");
    pty.type_text(" MINE");
    pty.assert_screen_contains("MINE", TIMEOUT);
    adversarial::let_recovery_catch_up();
    assert!(pty.kill_with("KILL"));
    pty.wait_for_exit(TIMEOUT);
    assert!(home.recovery_text().contains("MINE"));
}

/// Start, recover, leave the cell; MINE is in the grid.
fn recovered(home: &Home) -> Pty {
    let mut pty = home.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty
}

/// Issue 27.1: `r`, `u`, then each way of quitting of the issue: jgrid asks,
/// nothing is lost, and MINE comes back at the next start.
#[test]
fn undo_after_recovering_then_quitting_asks_and_keeps_the_text() {
    for quit in ["q", ":q<Enter>", "<C-s>q", "<C-r>u q"] {
        let home = Home::new();
        killed_typing_mine(&home);
        let mut pty = recovered(&home);
        pty.keys("u");
        pty.assert_screen_contains("Undone", TIMEOUT);
        pty.keys("u");
        pty.assert_screen_contains("Nothing to undo", TIMEOUT);
        pty.keys(quit);
        pty.assert_screen_contains("Text in no file", TIMEOUT);
        assert!(pty.is_running(), "{quit}: jgrid quit without asking");
        assert!(home.recovery_text().contains("MINE"), "{quit}: the recovery file lost MINE while asking");
        pty.keys("k");
        pty.assert_exit_code(0, TIMEOUT);
        assert!(!home.text().contains("MINE"));
        assert!(stdout(&home.run(&["--recover-list"])).contains("journey.toml"), "{quit}: listed for later");
        // The next start offers it; Ctrl-r brings MINE back, and it saves.
        let mut pty = home.start();
        pty.assert_screen_contains("undone", TIMEOUT);
        pty.keys("r");
        pty.assert_screen_contains("Recovered", TIMEOUT);
        pty.keys("<Esc>");
        pty.keys("<C-r>");
        pty.assert_screen_contains("Redone", TIMEOUT);
        pty.keys("<C-s>");
        pty.assert_screen_contains("Saved", TIMEOUT);
        pty.keys("q");
        pty.assert_exit_code(0, TIMEOUT);
        assert!(home.text().contains("MINE"), "{quit}: MINE was saved at last");
        assert!(home.recovery_files().is_empty(), "{quit}: {:?}", home.recovery_files());
    }
}

/// Discarding in words (`d`) is the one way to lose recovered text.
#[test]
fn recovered_text_goes_only_when_discarded_in_words() {
    let home = Home::new();
    killed_typing_mine(&home);
    let mut pty = recovered(&home);
    pty.keys("uu");
    pty.keys("q");
    pty.assert_screen_contains("Text in no file", TIMEOUT);
    // A signal at the question keeps it, too.
    stop_with(&mut pty, "HUP");
    assert!(home.recovery_text().contains("MINE"));
    let mut pty = home.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("Recovered", TIMEOUT);
    pty.keys("<Esc>q");
    pty.assert_screen_contains("Text in no file", TIMEOUT);
    pty.keys("d");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(home.recovery_files().is_empty());
}

/// Issue 27.2: the inbox note edit (`I`, `e`) and the accept reason (`H`,
/// `]`, `A`) keep their half-typed text over a hang-up, back where it was typed.
#[test]
fn the_inbox_note_edit_and_the_accept_reason_survive_a_hang_up() {
    let cases: [(&str, &str, &str); 2] = [("capture", "I", "note: "), ("", "H]A", "accepted because:")];
    for (setup, open, prompt) in cases {
        let home = Home::new();
        let mut pty = home.ready();
        if !setup.is_empty() {
            pty.keys("cfirst note<Enter><Esc><C-s>");
            pty.assert_screen_contains("Saved", TIMEOUT);
        }
        pty.keys(open);
        if open == "I" {
            pty.keys("e");
        }
        pty.assert_screen_contains(prompt, TIMEOUT);
        pty.type_text(" HALF-TYPED");
        pty.assert_screen_contains("HALF-TYPED", TIMEOUT);
        adversarial::let_recovery_catch_up();
        stop_with(&mut pty, "HUP");
        assert!(home.recovery_text().contains("HALF-TYPED"), "{prompt}: not in the recovery file");
        let mut pty = home.start();
        pty.assert_screen_contains("a note was being typed", TIMEOUT);
        pty.keys("r");
        pty.assert_screen_contains(prompt, TIMEOUT);
        pty.assert_screen_contains("HALF-TYPED", TIMEOUT);
        pty.keys("<Enter>");
        pty.keys("<Esc>:wq<Enter>");
        pty.assert_exit_code(0, TIMEOUT);
        assert!(home.text().contains("HALF-TYPED"), "{prompt}: the text was saved:\n{}", home.text());
    }
}

/// Write a recovery file for `home`'s journey by hand: the sample journey
/// with MINE in the first cell, plus `extra` lines, after `cursor`.
fn damaged_recovery(home: &Home, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    killed_typing_mine(home);
    let file = home.recovery_files().pop().unwrap();
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, edit(text)).unwrap();
    file
}

/// Issue 27.3, first case: `source = "bad name"` is named and not taken;
/// Ctrl-s writes a journey `jgrid check` reads.
#[test]
fn a_recovery_file_with_a_bad_source_never_makes_a_journey_jgrid_refuses() {
    let home = Home::new();
    let file = damaged_recovery(&home, |t| t.replacen("\ncursor = ", "\nsource = \"bad name\"\ncursor = ", 1));
    let mut pty = home.start();
    pty.assert_screen_contains("damaged", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("is not a source name", TIMEOUT);
    pty.keys("<Esc>cx<Enter><Esc><C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    let check = home.run(&["check", "journey.toml"]);
    assert_ne!(
        check.status.code(),
        Some(2),
        "jgrid check cannot read what jgrid wrote: {}",
        adversarial::stderr(&check)
    );
    assert!(home.text().contains("MINE"));
    let kept = home.recovery_dir().join("damaged").join(file.file_name().unwrap());
    assert!(fs::read_to_string(&kept).unwrap().contains("bad name"), "the damaged file is kept whole");
    assert!(stdout(&home.run(&["--recover-list"])).contains("damaged parts"));
}

/// Issue 27.3, second case: `[editing] phase = 999`: the typed text goes to
/// the inbox, named on screen, and is saved; nothing is dropped.
#[test]
fn a_note_typed_in_a_phase_that_is_gone_goes_to_the_inbox() {
    let home = Home::new();
    damaged_recovery(&home, |t| t.replacen("[editing]\nphase = 0", "[editing]\nphase = 999", 1));
    let mut pty = home.start();
    pty.assert_screen_contains("damaged", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("phase 1000", TIMEOUT);
    pty.keys(":wq<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    let journey = jgrid::store::load(&home.file).unwrap();
    assert!(journey.inbox.iter().any(|n| n.text.contains("MINE")), "the typed text is in the inbox");
    assert!(!journey.cell(CellRef::new(0, 0)).contains("MINE"));
}

/// Issue 27.7: `written = 18446744073709551615` is an unknown time, not a garbled date.
#[test]
fn a_recovery_file_from_the_far_future_shows_an_unknown_time() {
    let home = Home::new();
    let file = damaged_recovery(&home, |t| {
        let start = t.find("\nwritten = ").unwrap() + 1;
        let end = start + t[start..].find('\n').unwrap();
        format!("{}written = 18446744073709551615{}", &t[..start], &t[end..])
    });
    let list = stdout(&home.run(&["--recover-list"]));
    assert!(
        list.contains("an unknown time") && list.contains(&file.file_name().unwrap().to_string_lossy().to_string()),
        "{list}"
    );
    let mut pty = home.start();
    pty.assert_screen_contains("an unknown time", TIMEOUT);
}

/// Issue 27.6: every export of the 300 phases x 30 conflicting topics
/// journey (230 KB) stays within a small multiple of it (HTML was 98 MB).
#[test]
fn exports_stay_within_a_small_multiple_of_the_journey() {
    let home = Home::new();
    let file = home.work().join("conflicts.toml");
    jgrid::store::save(&file, &generator::conflicts()).unwrap();
    let size = fs::metadata(&file).unwrap().len() as usize;
    for to in ["html", "markdown", "csv", "json", "mermaid"] {
        let o = home.run(&["export", "conflicts.toml", "--to", to]);
        assert!(o.status.success());
        let ratio = o.stdout.len() as f64 / size as f64;
        assert!(ratio < 10.0, "--to {to}: {} bytes, {ratio:.1} times the journey", o.stdout.len());
    }
    let report = home.run(&["report", "conflicts.toml", "--format", "json"]);
    assert!((report.stdout.len() as f64) < 10.0 * size as f64, "report: {} bytes", report.stdout.len());
}
