//! End-to-end: shaping the grid, undo, copy with OSC 52, search, zoom, the
//! external editor and the mouse, in a pseudo-terminal.

mod support;

use std::fs;
use std::path::Path;

use support::{Pty, TIMEOUT, copy_sample};

fn open(path: &Path, env: &[(&str, &str)]) -> Pty {
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 80, 24, env);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty
}

#[test]
fn add_a_phase_rename_a_row_undo_both_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let before = fs::read(&path).unwrap();
    let mut pty = open(&path, &[]);
    pty.keys("o");
    pty.type_text("Onboarding");
    pty.keys("<Enter>");
    pty.assert_screen_contains("2 Onboarding", TIMEOUT);
    pty.keys(":row rename Key message<Enter>");
    pty.assert_screen_contains("Key message", TIMEOUT);
    pty.keys("uu");
    pty.assert_screen_lacks("Onboarding", TIMEOUT);
    pty.assert_screen_lacks("[+] modified", TIMEOUT);
    pty.keys("<C-r>");
    pty.assert_screen_contains("2 Onboarding", TIMEOUT);
    pty.keys("<C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    let text = fs::read_to_string(&path).unwrap();
    assert_ne!(text.as_bytes(), before.as_slice());
    assert!(text.contains("[[phase]]\nname = \"Onboarding\"\n\n[[phase]]\nname = \"Order move\""), "{text}");
    assert!(!text.contains("Key message"));
}

#[test]
fn copy_sends_osc_52_and_paste_copies_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, &[]);
    let mark = pty.bytes_received();
    pty.keys("y");
    pty.assert_screen_contains("Copied", TIMEOUT);
    let out = String::from_utf8_lossy(&pty.output_since(mark)).into_owned();
    // "Working internet on moving day\nKnow if the new\naddress has fibre" in base64.
    use base64::Engine as _;
    let cell = jgrid::store::load(&path).unwrap().cell(jgrid::journey::CellRef::new(0, 0)).to_owned();
    let expected = format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(&cell));
    assert!(out.contains(&expected), "no OSC 52 in {out:?}");
    pty.keys("Gp:wq<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(jgrid::store::load(&path).unwrap().cell(jgrid::journey::CellRef::new(0, 4)), cell);
}

#[test]
fn search_finds_every_portal_cell_in_order_and_esc_returns() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, &[]);
    pty.keys("/portal");
    pty.assert_screen_contains("match 1 of", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_contains("1/6 Orientation › Need", TIMEOUT);
    pty.keys("/portal<Enter>nn");
    pty.assert_screen_contains("match 3 of", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn the_external_editor_appends_a_line_and_one_undo_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let script = dir.path().join("append.sh");
    fs::write(&script, "#!/bin/sh\nprintf 'from the editor\\n' >> \"$1\"\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut pty = open(&path, &[("EDITOR", script.to_str().unwrap()), ("VISUAL", "")]);
    pty.keys("e");
    pty.assert_screen_contains("Took the text from the editor", TIMEOUT);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("z");
    pty.assert_screen_contains("from the editor", TIMEOUT);
    pty.keys("u");
    pty.assert_screen_lacks("from the editor", TIMEOUT);
    // The terminal still answers keys after the editor (input was handed back).
    pty.keys("<Esc>l");
    pty.assert_screen_contains("2/6 Order move", TIMEOUT);
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn no_editor_set_says_how_to_set_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, &[("EDITOR", ""), ("VISUAL", "")]);
    pty.keys("e");
    pty.assert_screen_contains("No editor set", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn a_mouse_click_selects_a_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, &[]);
    // SGR mouse: left press at column 40, row 5 (1-based): phase 2, row Need.
    pty.send(b"\x1b[<0;40;5M");
    pty.send(b"\x1b[<0;40;5m");
    pty.assert_screen_contains("2/6 Order move › Need", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}
