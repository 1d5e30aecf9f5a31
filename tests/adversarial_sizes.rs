//! Adversarial end-to-end tests of issue 10, "Never lose a note, whatever
//! happens", about size: a terminal that claims to be 65535x65535 (at start
//! and by a resize while running), absurd journeys (a 5 MB cell, 2000
//! phases, a 100,000-character phase name), and a disk that refuses more
//! bytes.
//!
//! The harness's vt100 screen allocates every cell of its size, so it cannot
//! be made 65535x65535 itself (that is 4 billion cells). These tests keep the
//! harness screen at 80x24 and set the pty's size with `stty`, which is
//! what jgrid reads; the raw output shows what jgrid drew.
//!
//! A full disk needs root to simulate (a tiny tmpfs). Instead a file size
//! limit (`ulimit -f`) with SIGXFSZ ignored makes every write past the limit
//! fail with EFBIG, the same way a full disk makes it fail with ENOSPC.

mod adversarial;
mod support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use adversarial::Home;
use jgrid::journey::{CellRef, Change, Journey};
use support::{Pty, TIMEOUT};

/// Wait for a large first frame on a loaded machine.
const SLOW: Duration = Duration::from_secs(20);

/// The largest row and column (1-based) any cursor-position sequence
/// (`ESC [ row ; col H`) in the output moves to.
fn furthest_cursor(raw: &[u8]) -> (u32, u32) {
    let text = String::from_utf8_lossy(raw);
    let mut most = (0, 0);
    for part in text.split("\u{1b}[").skip(1) {
        let Some(end) = part.find(|c: char| !(c.is_ascii_digit() || c == ';')) else { continue };
        if !part[end..].starts_with('H') {
            continue;
        }
        let mut numbers = part[..end].split(';').map(|n| n.parse::<u32>().unwrap_or(1));
        let row = numbers.next().unwrap_or(1);
        let col = numbers.next().unwrap_or(1);
        most = (most.0.max(row), most.1.max(col));
    }
    most
}

/// Wait until jgrid has drawn below row 24 (output after `mark`) and then
/// stopped writing; false if it never did.
fn wait_for_a_large_frame(pty: &mut Pty, mark: usize) -> bool {
    let deadline = std::time::Instant::now() + SLOW;
    while furthest_cursor(&pty.output_since(mark)).0 <= 24 {
        if std::time::Instant::now() > deadline || !pty.is_running() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    pty.wait_for_quiet(Duration::from_millis(300), SLOW)
}

/// jgrid run by `sh -c SCRIPT` (the script ends by running jgrid with the
/// journey as "$@"), in an 80x24 pty, with this test's data directory.
fn via_shell(home: &Home, script: &str, file: &Path) -> Pty {
    Pty::builder("sh")
        .args(["-c", script, adversarial::JGRID])
        .arg(file)
        .cwd(home.work())
        .sandbox_home(true)
        .env("XDG_DATA_HOME", &home.data)
        .spawn()
}

/// After jgrid quit: the terminal is back out of the alternate screen, with
/// the cursor shown, and no allocation failure was printed.
fn assert_restored(pty: &Pty) {
    let raw = pty.raw_output();
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains("memory allocation"), "an allocation failed");
    assert!(!pty.with_screen(|s| s.alternate_screen()), "still on the alternate screen");
    let leave = text.rfind("\u{1b}[?1049l").expect("the alternate screen was left");
    let show = text.rfind("\u{1b}[?25h").expect("the cursor was shown again");
    let last_hide = text.rfind("\u{1b}[?25l").unwrap_or(0);
    assert!(show > last_hide && leave > 0, "the cursor was hidden again after the restore");
}

#[test]
fn a_65535_square_terminal_at_start_is_drawn_at_most_1024x512_and_works() {
    let home = Home::new();
    let mut pty = via_shell(&home, "stty rows 65535 cols 65535 && exec \"$0\" \"$@\"", &home.file);
    let drawn = wait_for_a_large_frame(&mut pty, 0);
    assert!(pty.is_running(), "jgrid died on a 65535x65535 terminal: {}", String::from_utf8_lossy(&pty.raw_output()));
    let (row, col) = furthest_cursor(&pty.raw_output());
    assert!(drawn && row <= 512 && col <= 1024, "drew at row {row}, column {col}");
    pty.keys("i");
    pty.type_text(" huge-terminal-note");
    pty.keys("<Esc>");
    pty.keys(":wq<Enter>");
    pty.assert_exit_code(0, SLOW);
    assert_restored(&pty);
    assert!(home.text().contains("huge-terminal-note"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_resize_to_65535_square_while_running_neither_crashes_nor_leaves_the_terminal_raw() {
    let home = Home::new();
    let mut pty = home.ready();
    let pid = pty.pid().unwrap();
    let tty = fs::read_link(format!("/proc/{pid}/fd/0")).expect("the pty of jgrid");
    let stty = |rows: u32, cols: u32| {
        let ok = std::process::Command::new("stty")
            .arg("-F")
            .arg(&tty)
            .args(["rows", &rows.to_string(), "cols", &cols.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "stty -F {} failed", tty.display());
    };
    let mark = pty.bytes_received();
    stty(65535, 65535);
    let drawn = wait_for_a_large_frame(&mut pty, mark);
    assert!(pty.is_running(), "jgrid died on a resize to 65535x65535");
    let (row, col) = furthest_cursor(&pty.output_since(mark));
    assert!(drawn && row <= 512 && col <= 1024, "drew at row {row}, column {col}");
    pty.keys("x");
    pty.wait_for_quiet(Duration::from_millis(300), SLOW);
    stty(24, 80);
    pty.assert_screen_contains("[+] modified", SLOW);
    pty.keys(":wq<Enter>");
    pty.assert_exit_code(0, SLOW);
    assert_restored(&pty);
}

#[test]
fn the_drawn_area_is_capped_at_1024_columns_and_512_rows() {
    let home = Home::new();
    let mut pty = home.start_on(&[&home.file], 1100, 600);
    pty.assert_screen_contains("NORMAL", SLOW);
    let (rows_used, beyond) = pty.with_screen(|s| {
        let rows: Vec<String> = s.rows(0, 1100).collect();
        let used = rows.iter().rposition(|r| !r.trim().is_empty()).map_or(0, |i| i + 1);
        let beyond = rows.iter().any(|r| r.chars().skip(1024).any(|c| c != ' '));
        (used, beyond)
    });
    assert!(rows_used <= 512, "drew on row {rows_used}");
    assert!(!beyond, "drew beyond column 1024");
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

// ---------------------------------------------------------------------------
// Absurd journeys
// ---------------------------------------------------------------------------

/// Open `journey`, change a small cell, save, undo, save again: the file
/// must be byte-identical to what was there, and jgrid must quit cleanly,
/// every step within the harness's timeout (5 s).
fn opens_saves_identically_and_quits(journey: &Journey, small: CellRef, visit: &str) {
    let home = Home::new();
    let text = jgrid::format::to_toml(journey);
    fs::write(&home.file, &text).unwrap();
    let mut pty = home.start();
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys(visit);
    pty.wait_for_quiet(Duration::from_millis(100), TIMEOUT);
    for _ in 0..small.phase {
        pty.keys("<Tab>");
    }
    for _ in 0..small.row {
        pty.keys("j");
    }
    pty.keys("i");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.type_text("x");
    pty.keys("<Esc><C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    assert_ne!(fs::read_to_string(&home.file).unwrap(), text, "the change was saved");
    pty.keys("u");
    pty.assert_screen_contains("Undone", TIMEOUT);
    pty.keys("<C-s>");
    pty.assert_until("saved again", TIMEOUT, |s| s.contains("Saved") && !s.contains("[+] modified"));
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(fs::read_to_string(&home.file).unwrap() == text, "the file is not byte-identical after save and undo");
    assert!(home.recovery_files().is_empty());
}

fn plain(phases: Vec<String>) -> Journey {
    Journey::new("Absurd", "", ["Need", "Touchpoints", "Message", "Organization", "Systems"], phases)
}

#[test]
fn a_5_mb_cell_opens_saves_byte_identically_and_quits() {
    let mut j = plain(vec!["Big".into(), "Small".into()]);
    let mut big = String::with_capacity(5 << 20);
    let mut i = 0;
    while big.len() < (5 << 20) - 200_000 {
        big.push_str(&format!("interview line {i}: the customer waited {} minutes on the phone\n", i % 97));
        i += 1;
    }
    big.push_str(&"one very long line ".repeat(10_000));
    Change::SetCell { at: CellRef::new(0, 0), text: big }.apply(&mut j).unwrap();
    opens_saves_identically_and_quits(&j, CellRef::new(1, 2), "z<PgDn><Esc>");
}

#[test]
fn two_thousand_phases_open_save_byte_identically_and_quit() {
    let mut j = plain((0..2000).map(|p| format!("Phase {p}")).collect());
    for p in (0..2000).step_by(7) {
        Change::SetCell { at: CellRef::new(p, p % 5), text: format!("note in phase {p}") }.apply(&mut j).unwrap();
    }
    opens_saves_identically_and_quits(&j, CellRef::new(1, 1), "$0");
}

#[test]
fn a_100k_character_phase_name_opens_saves_byte_identically_and_quits() {
    let mut j = plain(vec!["W".repeat(100_000), "Short".into()]);
    Change::SetCell { at: CellRef::new(0, 0), text: "a need".into() }.apply(&mut j).unwrap();
    opens_saves_identically_and_quits(&j, CellRef::new(1, 0), "r<Esc>");
}

// ---------------------------------------------------------------------------
// A disk that takes no more bytes
// ---------------------------------------------------------------------------

#[test]
fn a_disk_that_refuses_bytes_keeps_jgrid_running_and_the_file_intact() {
    let home = Home::new();
    let before = fs::read(&home.file).unwrap();
    // 4 blocks of 512 bytes: less than the journey (3 KB) and its recovery file.
    let mut pty = via_shell(&home, "trap '' XFSZ; ulimit -f 4 && exec \"$0\" \"$@\"", &home.file);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("i");
    pty.type_text(" disk-full-note");
    pty.keys("<Esc>");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    pty.keys("<C-s>");
    pty.assert_screen_contains("Not saved", TIMEOUT);
    assert!(pty.is_running());
    assert_eq!(fs::read(&home.file).unwrap(), before, "the original file is intact");
    // Save and quit must not quit when the save failed.
    pty.keys("q");
    pty.assert_screen_contains("QUIT?", TIMEOUT);
    pty.keys("y");
    pty.assert_screen_contains("Not saved", TIMEOUT);
    std::thread::sleep(Duration::from_millis(200));
    assert!(pty.is_running(), "save-and-quit quit although the save failed");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    assert_eq!(fs::read(&home.file).unwrap(), before);
    assert_eq!(adversarial::strays(&home.work(), &["journey.toml"]), Vec::<String>::new(), "no half-written file");
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
}
