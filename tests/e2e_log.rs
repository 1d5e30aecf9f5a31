//! End-to-end: the interview log. Two notes captured with a source, one
//! sorted, saved: the file's `[[log]]` keeps both with their source and
//! time, the sorted one with its cell; `:log` shows them at 80x24.

mod support;

use std::fs;

use support::{Pty, TIMEOUT, copy_sample};

#[test]
fn captured_notes_are_logged_sorted_and_shown_by_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 80, 24, &[]);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys(":source sara<Enter>");
    pty.assert_screen_contains("@sara", TIMEOUT);
    pty.keys("c");
    pty.assert_screen_contains("capture", TIMEOUT);
    pty.type_text("waited 25 minutes on the phone");
    pty.keys("<Enter>");
    pty.assert_screen_contains("inbox (1 unsorted", TIMEOUT);
    pty.type_text("nobody told me when the switch happened");
    pty.keys("<Enter>");
    pty.assert_screen_contains("inbox (2 unsorted", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    // Sort the first note into Order move › Touchpoints.
    pty.keys("I");
    pty.assert_screen_contains("Inbox: 2 unsorted", TIMEOUT);
    pty.keys("<Enter>");
    pty.assert_screen_contains("carrying the marked note", TIMEOUT);
    pty.keys("lj<Enter>");
    pty.assert_screen_contains("Sorted into 2 Order move › Touchpoints", TIMEOUT);
    pty.keys("<Esc><C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    let text = fs::read_to_string(&path).unwrap();
    let log = &text[text.find("\n[[log]]").expect("a [[log]] in the file")..];
    let first = "[[log]]\ntext = \"waited 25 minutes on the phone\"\nsource = \"sara\"\nat = \"";
    assert!(log.contains(first), "{log}");
    assert!(log.contains("phase = \"Order move\"\nrow = \"Touchpoints\"\n"), "{log}");
    let second = &log[log.find("nobody told me").expect("the second note is logged")..];
    assert!(second.contains("source = \"sara\"") && !second.contains("phase ="), "unsorted: {second}");
    assert!(text.contains("[[inbox]]\ntext = \"nobody told me when the switch happened\""));
    // `:log` lists both, the newest selected, and says where each went.
    pty.keys(":log<Enter>");
    pty.assert_screen_contains("Interview log: 2 notes, oldest first", TIMEOUT);
    pty.assert_screen_contains("@sara waited 25 minutes on the phone", TIMEOUT);
    pty.assert_screen_contains("→ 2 Order move › Touchpoints", TIMEOUT);
    pty.assert_screen_contains("→ inbox (not sorted yet)", TIMEOUT);
    pty.assert_screen_contains("LOG", TIMEOUT);
    // Enter on the first goes to its cell.
    pty.keys("k<Enter>");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys(":q<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
}
