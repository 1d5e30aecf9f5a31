//! End-to-end: nothing is lost when the link drops, the process is killed,
//! a colleague changes the file, or the file holds hostile text.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use support::{Pty, TIMEOUT};

struct Setup {
    _dir: tempfile::TempDir,
    file: PathBuf,
    data: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("work").join("journey.toml");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::copy("journeys/broadband-moving-house.toml", &file).unwrap();
    let data = dir.path().join("data");
    Setup { _dir: dir, file, data }
}

impl Setup {
    fn start(&self) -> Pty {
        let data = self.data.to_str().unwrap();
        Pty::jgrid(&[self.file.to_str().unwrap()], 80, 24, &[("XDG_DATA_HOME", data)])
    }

    fn recovery_files(&self) -> Vec<PathBuf> {
        let dir = self.data.join("jgrid").join("recovery");
        let all: Vec<PathBuf> = fs::read_dir(dir).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
        // Not the temporary file (`.NAME.RANDOM`) of an atomic write under way.
        all.into_iter()
            .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .collect()
    }

    fn cell(&self, phase: usize, row: usize) -> String {
        jgrid::store::load(&self.file).unwrap().cell(jgrid::journey::CellRef::new(phase, row)).to_owned()
    }
}

fn ready(pty: &mut Pty) {
    pty.assert_screen_contains("NORMAL", TIMEOUT);
}

#[test]
fn sighup_while_typing_then_recover_brings_the_text_back() {
    let s = setup();
    let mut pty = s.start();
    ready(&mut pty);
    pty.keys("jla");
    pty.type_text("Interview: wants SMS updates");
    pty.assert_screen_contains("wants SMS", TIMEOUT);
    assert!(pty.kill_with("HUP"));
    pty.assert_exit_code(129, TIMEOUT);
    assert!(!pty.with_screen(|s| s.alternate_screen()), "terminal restored");
    let files = s.recovery_files();
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777, 0o600);
        let dir = files[0].parent().unwrap();
        assert_eq!(fs::metadata(dir).unwrap().permissions().mode() & 0o777, 0o700);
    }

    let mut pty = s.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.assert_screen_contains("a note was being typed", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.assert_screen_contains("wants SMS", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    pty.keys("<C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(s.cell(1, 1).ends_with("\nInterview: wants SMS updates"));
    assert!(s.recovery_files().is_empty(), "saving removes the recovery file");
}

#[test]
fn kill_9_after_a_committed_edit_is_recovered() {
    let s = setup();
    let mut pty = s.start();
    ready(&mut pty);
    pty.keys("Gi");
    pty.type_text("Ticket system");
    pty.keys("<Esc>");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    std::thread::sleep(Duration::from_millis(300));
    assert!(pty.kill_with("KILL"));
    pty.wait_for_exit(TIMEOUT);

    let mut pty = s.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.assert_screen_contains("1 cell changed", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("Recovered", TIMEOUT);
    pty.keys("z");
    pty.assert_screen_contains("Ticket system", TIMEOUT);
    pty.keys(":wq<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(s.cell(0, 4).ends_with("Ticket system"), "{}", s.cell(0, 4));
}

#[test]
fn kill_9_a_second_after_typing_keeps_the_typed_text() {
    let s = setup();
    let mut pty = s.start();
    ready(&mut pty);
    pty.keys("jjja");
    pty.type_text("typed just now");
    std::thread::sleep(Duration::from_millis(1000));
    assert!(pty.kill_with("KILL"));
    pty.wait_for_exit(TIMEOUT);
    let mut pty = s.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("typed just now", TIMEOUT);
    pty.keys("<Esc>:q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(s.recovery_files().is_empty(), "quitting without saving discards the recovery");
}

#[test]
fn discard_and_quit_leave_things_as_chosen() {
    let s = setup();
    let mut pty = s.start();
    ready(&mut pty);
    pty.keys("x");
    std::thread::sleep(Duration::from_millis(200));
    assert!(pty.kill_with("TERM"));
    pty.assert_exit_code(143, TIMEOUT);
    // q: quit and keep it for later.
    let mut pty = s.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(s.recovery_files().len(), 1);
    // It is listed.
    let data = s.data.to_str().unwrap();
    let mut list = Pty::jgrid(&["--recover-list"], 120, 24, &[("XDG_DATA_HOME", data)]);
    list.assert_exit_code(0, TIMEOUT);
    list.assert_screen_contains("journey.toml", TIMEOUT);
    // d: discard.
    let mut pty = s.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("d");
    pty.assert_screen_contains("Discarded", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(s.recovery_files().is_empty());
    assert!(!s.cell(0, 0).is_empty(), "the file was never changed");
}

/// Type in jgrid, have the file change on disk, then press Ctrl-s.
fn edit_while_a_colleague_changes_the_file() -> (Setup, Pty, String) {
    let s = setup();
    let mut pty = s.start();
    ready(&mut pty);
    pty.keys("iours<Esc>");
    let theirs = fs::read_to_string(&s.file).unwrap().replace("Working internet on moving day", "THEIRS");
    fs::write(&s.file, &theirs).unwrap();
    pty.keys("<C-s>");
    pty.assert_screen_contains("changed on disk", TIMEOUT);
    (s, pty, theirs)
}

#[test]
fn a_file_changed_behind_our_back_is_not_overwritten() {
    let (s, mut pty, theirs) = edit_while_a_colleague_changes_the_file();
    assert_eq!(fs::read_to_string(&s.file).unwrap(), theirs);
    pty.keys("<Esc>");
    pty.assert_screen_contains("Not saved", TIMEOUT);
    // Save under another name instead.
    let other = s.file.with_file_name("mine.toml");
    pty.keys(":w ");
    pty.type_text(other.to_str().unwrap());
    pty.keys("<Enter>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(fs::read_to_string(&s.file).unwrap(), theirs);
    assert!(fs::read_to_string(&other).unwrap().contains("address has fibreours"));
}

#[test]
fn reload_keeps_our_changes_in_a_recovery_file() {
    let (s, mut pty, _theirs) = edit_while_a_colleague_changes_the_file();
    pty.keys("r");
    pty.assert_screen_contains("THEIRS", TIMEOUT);
    pty.assert_screen_contains("changes are kept", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(s.recovery_files().is_empty(), "only the kept/ folder is left");
    let kept: Vec<PathBuf> =
        fs::read_dir(s.data.join("jgrid/recovery/kept")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(kept.len(), 1);
    // The kept changes are a journey that jgrid opens like any other.
    let journey = jgrid::store::load(&kept[0]).unwrap();
    assert!(journey.cell(jgrid::journey::CellRef::new(0, 0)).ends_with("address has fibreours"));
}

#[test]
fn a_failed_save_keeps_everything_and_a_later_save_elsewhere_works() {
    let s = setup();
    let mut pty = s.start();
    ready(&mut pty);
    pty.keys("inote<Esc>");
    // The folder vanishes (a USB stick pulled, a share unmounted).
    let moved = s.file.parent().unwrap().with_file_name("moved");
    fs::rename(s.file.parent().unwrap(), &moved).unwrap();
    pty.keys("<C-s>");
    pty.assert_screen_contains("Not saved (the folder is gone)", TIMEOUT);
    assert!(pty.is_running());
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    let elsewhere = moved.join("saved-elsewhere.toml");
    pty.keys(":w ");
    pty.type_text(elsewhere.to_str().unwrap());
    pty.keys("<Enter>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(fs::read_to_string(elsewhere).unwrap().contains("address has fibrenote"));
}

fn hostile(dir: &Path) -> PathBuf {
    let text = fs::read_to_string("journeys/broadband-moving-house.toml").unwrap().replacen(
        "Working internet on moving day",
        "title \\u001B]0;pwned\\u0007 and \\u001B[31mred\\u009B",
        1,
    );
    let path = dir.join("hostile.toml");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn escape_sequences_in_a_cell_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile(dir.path());
    let mut pty = Pty::jgrid(&[path.to_str().unwrap()], 100, 30, &[]);
    pty.assert_screen_contains("␛]0;pwned␇", TIMEOUT);
    pty.assert_screen_contains("␛[31mred", TIMEOUT);
    // Editing shows them too, and still sends nothing raw.
    pty.keys("i");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.keys("<Esc>q");
    pty.assert_exit_code(0, TIMEOUT);
    let raw = pty.raw_output();
    let window = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!window(b"\x1b]0;pwned"), "the title sequence reached the terminal");
    assert!(!window(b"\x1b[31mred"), "the colour sequence reached the terminal");
    assert!(!window("\u{9b}".as_bytes()), "a C1 control reached the terminal");
}
