//! End-to-end: the real binary in a pseudo-terminal, driven by keys, read
//! from the screen and from the file on disk.

mod support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use support::{Pty, SAMPLE, TIMEOUT, copy_sample};

fn open(path: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], cols, rows, env);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty
}

#[test]
fn move_edit_two_lines_save_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let before = fs::read_to_string(&path).unwrap();
    let mut pty = open(&path, 80, 24, &[]);
    pty.assert_screen_contains("Moving house with broadband", TIMEOUT);
    pty.assert_screen_contains("Touchpoints", TIMEOUT);
    pty.keys("jl<Enter>");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.assert_screen_contains("Order move › Touchpoints", TIMEOUT);
    pty.keys("<Enter>");
    pty.type_text("Call back on Monday");
    pty.keys("<Enter>");
    pty.type_text("Å 漢字 🚲");
    pty.keys("<Esc>");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    pty.keys("<C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);

    let after = fs::read_to_string(&path).unwrap();
    let old_cell = "#phone customer service, avg wait 14 min\"\"\"";
    let new_cell = "#phone customer service, avg wait 14 min\nCall back on Monday\nÅ 漢字 🚲\"\"\"";
    assert_eq!(after, before.replace(old_cell, new_cell));

    // Reopening shows the note.
    let mut pty = open(&path, 80, 24, &[]);
    pty.keys("jlz");
    pty.assert_screen_contains("Call back on Monday", TIMEOUT);
    pty.assert_screen_contains("Å 漢字 🚲", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn opening_and_saving_without_changes_keeps_the_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let before = fs::read(&path).unwrap();
    let mut pty = open(&path, 80, 24, &[]);
    pty.keys("<C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_bad_file_exits_2_with_line_and_column_and_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    let text = fs::read_to_string(SAMPLE).unwrap().replacen("Systems = ", "Sytems = ", 1);
    fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l.starts_with("Sytems = ")).unwrap() + 1;
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 80, 24, &[]);
    pty.assert_exit_code(2, TIMEOUT);
    let expected = format!("{}:{line}:1: \"Sytems\" is not one of the rows", path.display());
    pty.assert_screen_contains(&expected, TIMEOUT);
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // The terminal was never switched to the alternate screen or raw mode.
    let raw = String::from_utf8_lossy(&pty.raw_output()).into_owned();
    assert!(!raw.contains("\x1b[?1049h"), "{raw:?}");
}

#[test]
fn a_directory_is_a_portfolio_and_a_newer_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A folder opens the portfolio screen (tests/portfolio_tui.rs); an empty one says so.
    let mut pty = Pty::jgrid(&[dir.path().to_str().unwrap()], 80, 24, &[]);
    pty.assert_screen_contains("No journeys in this folder", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    let path = dir.path().join("future.toml");
    fs::write(&path, "format = 7\n").unwrap();
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 80, 24, &[]);
    pty.assert_exit_code(2, TIMEOUT);
    pty.assert_screen_contains("future.toml:1:10: format 7 is newer", TIMEOUT);
}

#[test]
fn a_missing_file_starts_a_new_journey_written_on_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    let mut pty = open(&path, 80, 24, &[]);
    pty.assert_screen_contains("Orientation", TIMEOUT);
    pty.assert_screen_contains("[new]", TIMEOUT);
    assert!(!path.exists());
    pty.keys("iFirst note<Esc><C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("name = \"Service\""));
    assert!(text.contains("Need = \"First note\""));
}

#[test]
fn quit_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let before = fs::read(&path).unwrap();
    let mut pty = open(&path, 80, 24, &[]);
    pty.keys("x");
    pty.keys("q");
    pty.assert_screen_contains("Unsaved changes", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_lacks("Unsaved changes", TIMEOUT);
    assert!(pty.is_running());
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_pasted_paragraph_lands_in_one_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, 100, 30, &[]);
    pty.keys("G");
    pty.paste("Pasted line one\rq :q! x dd\rthird");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.keys("<Esc>:wq<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    let j = jgrid::store::load(&path).unwrap();
    let cell = j.cell(jgrid::journey::CellRef::new(0, 4));
    assert!(cell.ends_with("Pasted line one\nq :q! x dd\nthird"), "{cell:?}");
}

#[test]
fn tiny_sizes_and_back_with_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 20, 6, &[("NO_COLOR", "1")]);
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    for (w, h) in [(10, 4), (3, 2), (1, 1), (2, 1), (80, 24)] {
        pty.resize(w, h);
        std::thread::sleep(Duration::from_millis(80));
    }
    pty.keys("l");
    pty.assert_screen_contains("Moving house with broadband", TIMEOUT);
    pty.assert_screen_contains("2/6 Order move › Need", TIMEOUT);
    assert!(pty.is_running());
    // Monochrome: the cursor cell is reversed and no colour is sent.
    let (reversed, coloured) = pty.with_screen(|s| {
        let mut reversed = false;
        let mut coloured = false;
        for row in 0..24 {
            for col in 0..80 {
                if let Some(cell) = s.cell(row, col) {
                    reversed |= cell.inverse();
                    coloured |= cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default;
                }
            }
        }
        (reversed, coloured)
    });
    assert!(reversed && !coloured);
    pty.resize(12, 3);
    pty.assert_screen_contains("Terminal too", TIMEOUT);
    pty.resize(80, 24);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn quitting_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, 80, 24, &[]);
    let mark = pty.bytes_received();
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    let tail = String::from_utf8_lossy(&pty.output_since(mark)).into_owned();
    for seq in ["\x1b[?2004l", "\x1b[?1049l", "\x1b[?25h"] {
        assert!(tail.contains(seq), "missing {seq:?} in {tail:?}");
    }
    assert!(!pty.with_screen(|s| s.alternate_screen()));
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, 80, 24, &[]);
    assert!(pty.kill_with("TERM"));
    pty.assert_exit_code(143, TIMEOUT);
    assert!(!pty.with_screen(|s| s.alternate_screen()));
}

#[cfg(target_os = "linux")]
#[test]
fn an_idle_jgrid_uses_no_cpu_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let mut pty = open(&path, 80, 24, &[]);
    pty.wait_for_quiet(Duration::from_millis(300), TIMEOUT);
    let pid = pty.pid().unwrap();
    let ticks = || {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap().split_whitespace().collect();
        // utime and stime are fields 14 and 15 of /proc/PID/stat (12 and 13 after the name).
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    };
    let (cpu, bytes) = (ticks(), pty.bytes_received());
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(ticks(), cpu, "CPU ticks while idle");
    assert_eq!(pty.bytes_received(), bytes, "bytes written while idle");
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn a_key_right_after_a_resize_is_not_lost() {
    // crossterm's default (edge-triggered) input source could drop the
    // wake-up for a key that arrived together with SIGWINCH.
    for _ in 0..5 {
        let mut pty = Pty::jgrid(&[SAMPLE], 80, 24, &[]);
        pty.assert_screen_contains("NORMAL", TIMEOUT);
        pty.resize(100, 30);
        pty.keys("l");
        pty.assert_screen_contains("2/6 Order move", TIMEOUT);
        pty.keys("q");
        pty.assert_exit_code(0, TIMEOUT);
    }
}
