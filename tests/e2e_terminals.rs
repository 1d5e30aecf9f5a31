//! End-to-end: honest terminals. A terminal that cannot move the cursor
//! (`TERM=dumb`, `TERM` unset, a terminfo entry without `cup`) gets a clear
//! message and exit status 2, never a full-screen escape stream, while the
//! subcommands still work there. A locale that is not UTF-8 (`LANG=C`) gets
//! ASCII borders and marks, and text outside ASCII as `?`, never garbled.

mod support;

use std::fs;
use std::path::Path;

use support::{Pty, SAMPLE, TIMEOUT};

/// jgrid on `file` in an 80x24 pty with these variables.
fn start(file: &Path, env: &[(&str, &str)]) -> Pty {
    Pty::jgrid_builder().arg(file).size(80, 24).envs(env).spawn()
}

fn refused(env: &[(&str, &str)], says: &str) {
    let mut pty = start(Path::new(SAMPLE), env);
    pty.assert_exit_code(2, TIMEOUT);
    pty.assert_screen_contains(says, TIMEOUT);
    pty.assert_screen_contains("jgrid check, export, report", TIMEOUT);
    let raw = pty.raw_output();
    assert!(!raw.contains(&0x1b), "{env:?}: escapes sent: {:?}", String::from_utf8_lossy(&raw));
}

#[test]
fn a_terminal_that_cannot_move_the_cursor_gets_a_message_and_exit_2() {
    refused(&[("TERM", "dumb")], "TERM=dumb");
    refused(&[("TERM", "")], "TERM is not set");
}

/// A compiled terminfo entry (legacy format) with no `cup`.
fn glass_tty(dir: &Path) {
    let names = b"glass|a glass tty without cursor addressing\0";
    let mut b = Vec::new();
    for n in [0o432, names.len() as u16, 0, 0, 2, 0] {
        b.extend(u16::to_le_bytes(n));
    }
    b.extend(names);
    if b.len() % 2 == 1 {
        b.push(0);
    }
    b.extend([0xff; 4]);
    fs::create_dir_all(dir.join("g")).unwrap();
    fs::write(dir.join("g").join("glass"), b).unwrap();
}

#[test]
fn a_terminfo_entry_without_cursor_addressing_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    glass_tty(dir.path());
    let terminfo = dir.path().to_str().unwrap();
    refused(&[("TERM", "glass"), ("TERMINFO", terminfo)], "no cursor addressing");
}

#[test]
fn subcommands_still_work_on_a_dumb_terminal() {
    let mut pty = Pty::jgrid_builder().args(["check", SAMPLE]).env("TERM", "dumb").spawn();
    pty.assert_screen_contains("Order move / Message: warning[", TIMEOUT);
    let status = pty.expect_exit(TIMEOUT);
    assert_ne!(status.exit_code(), 2, "{}", pty.screen());
    let mut pty = Pty::jgrid_builder().args(["export", "--to", "csv", SAMPLE]).env("TERM", "dumb").spawn();
    pty.assert_screen_contains("Organization,\"Marketing owns", TIMEOUT);
    assert_eq!(pty.expect_exit(TIMEOUT).exit_code(), 0, "{}", pty.screen());
}

/// The sample journey with text outside ASCII in its first cell.
fn foreign(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("journey.toml");
    let text = fs::read_to_string(SAMPLE).unwrap().replacen("moving day", "Café für 漢字 ☕", 1);
    fs::write(&file, text).unwrap();
    file
}

#[test]
fn outside_a_utf8_locale_the_screen_is_ascii_with_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let file = foreign(dir.path());
    for env in [
        vec![("LANG", "C")],
        vec![("LANG", "en_US.UTF-8"), ("LC_ALL", "C")],
        vec![("LANG", "C"), ("NO_COLOR", "1")],
        vec![("LANG", "")],
    ] {
        let mut pty = start(&file, &env);
        pty.assert_screen_contains("NORMAL", TIMEOUT);
        pty.assert_screen_contains("Caf? f?r ???? ??", TIMEOUT);
        let screen = pty.screen();
        assert!(screen.contains("-+-") && screen.contains(" | "), "{env:?}: ASCII borders\n{screen}");
        // The cell being edited shows the same placeholders.
        pty.keys("a");
        pty.assert_screen_contains("EDIT", TIMEOUT);
        pty.keys("<Esc>:q<Enter>");
        pty.assert_exit_code(0, TIMEOUT);
        let raw = pty.raw_output();
        assert!(raw.is_ascii(), "{env:?}: bytes outside ASCII: {:?}", String::from_utf8_lossy(&raw));
    }
    // In a UTF-8 locale the text and borders are as they are.
    let mut pty = start(&file, &[("LANG", "C.UTF-8")]);
    pty.assert_screen_contains("Café für 漢字", TIMEOUT);
    pty.assert_screen_contains("│", TIMEOUT);
}
