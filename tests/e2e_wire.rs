//! End-to-end: what goes over the wire. Input that changes nothing sends
//! nothing, the mouse is asked for clicks and drags (1002) and not for every
//! move over the window (1003), and moving into a cell does not resend the
//! screen below it, a typed character is that character (the text cursor is
//! the terminal's), and highlight mode redraws its marks, not the rows. (Byte
//! counts here are bounds a user on a slow link would notice; the figures
//! are in BENCHMARKS.md.)

mod support;

use std::time::Duration;

use support::{Pty, TIMEOUT, copy_sample};

const QUIET: Duration = Duration::from_millis(300);

fn open(dir: &std::path::Path) -> Pty {
    let path = copy_sample(dir);
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 100, 30, &[]);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    assert!(pty.wait_for_quiet(QUIET, TIMEOUT));
    pty
}

/// The bytes jgrid writes in answer to `keys`, once it is quiet again.
fn answer(pty: &mut Pty, keys: &[u8]) -> Vec<u8> {
    let mark = pty.bytes_received();
    pty.send(keys);
    assert!(pty.wait_for_quiet(QUIET, TIMEOUT));
    pty.output_since(mark)
}

#[test]
fn the_first_frame_asks_for_clicks_and_drags_not_every_move() {
    let dir = tempfile::tempdir().unwrap();
    let pty = open(dir.path());
    let out = String::from_utf8_lossy(&pty.raw_output()).into_owned();
    assert!(out.contains("\x1b[?1002h"), "no button-event mouse mode");
    assert!(!out.contains("\x1b[?1003h"), "any-motion mouse mode asked for");
}

#[test]
fn a_lone_esc_and_mouse_moves_send_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = open(dir.path());
    assert_eq!(answer(&mut pty, b"\x1b"), b"", "a lone Esc");
    for column in 10..20 {
        // SGR mouse report: motion with no button held.
        let report = format!("\x1b[<35;{column};12M");
        assert_eq!(answer(&mut pty, report.as_bytes()), b"", "a mouse move");
    }
    // The screen is still there and answers.
    pty.keys("l");
    assert!(pty.wait_for_quiet(QUIET, TIMEOUT));
    pty.assert_screen_contains("NORMAL", TIMEOUT);
}

#[test]
fn entering_and_leaving_a_cell_does_not_resend_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = open(dir.path());
    let first = pty.bytes_received();
    pty.keys("l");
    assert!(pty.wait_for_quiet(QUIET, TIMEOUT));
    let enter = answer(&mut pty, b"\r");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    let leave = answer(&mut pty, b"\x1b");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("i");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    // The rows below the cell move down and back up: they are not sent again.
    // (What is sent: the cell, its row's neighbours that now show more lines,
    // and the status line.)
    assert!(enter.len() < first / 2, "Enter sent {} bytes of a {first}-byte screen", enter.len());
    assert!(leave.len() < first / 2, "Esc sent {} bytes of a {first}-byte screen", leave.len());
    // A key typed in the cell sends the key, not a frame. (The
    // first one also marks the journey modified; this cell's text ends at
    // the end of a line, so it also wraps.)
    let wrap = answer(&mut pty, b"x");
    assert!(wrap.len() < first / 4, "a wrapping key sent {} bytes", wrap.len());
    let key = answer(&mut pty, b"y");
    assert!(key.len() < 100, "a typed key sent {} bytes: {:?}", key.len(), String::from_utf8_lossy(&key));
}

#[test]
fn the_text_cursor_is_the_terminals_and_a_typed_character_is_all_that_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = open(dir.path());
    assert!(pty.with_screen(|s| s.hide_cursor()), "no cursor shown in the grid");
    let _ = answer(&mut pty, b"i");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    let _ = answer(&mut pty, b"x");
    assert_eq!(answer(&mut pty, b"y"), b"y", "a typed character is that character");
    // The terminal's cursor is shown just right of what was typed.
    let (shown, before) = pty.with_screen(|s| {
        let (row, col) = s.cursor_position();
        let before = s.cell(row, col.saturating_sub(1)).map(|c| c.contents().to_owned()).unwrap_or_default();
        (!s.hide_cursor(), before)
    });
    assert!(shown, "the cursor is hidden while editing");
    assert_eq!(before, "y");
    // A space over a blank goes by: one byte, or a short move.
    let space = answer(&mut pty, b" ");
    assert!(space.len() <= 3, "a space sent {:?}", String::from_utf8_lossy(&space));
    let _ = answer(&mut pty, b"\x1b");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    assert!(pty.with_screen(|s| s.hide_cursor()), "the cursor is hidden again after Esc");
}

#[test]
fn highlight_mode_on_and_off_redraws_the_marks_not_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = open(dir.path());
    let first = pty.bytes_received();
    // The last phase's last row: the rows above it give the panel its lines.
    pty.keys("llllljjjj");
    assert!(pty.wait_for_quiet(QUIET, TIMEOUT));
    let on = answer(&mut pty, b"H");
    pty.assert_screen_contains("Highlight on", TIMEOUT);
    let off = answer(&mut pty, b"H");
    pty.assert_screen_contains("Highlight off", TIMEOUT);
    // The rows that moved are moved with the marks on their first lines,
    // then patched; they are not sent again.
    assert!(on.len() < first / 3, "H on sent {} bytes of a {first}-byte screen", on.len());
    assert!(off.len() < first / 3, "H off sent {} bytes of a {first}-byte screen", off.len());
}
