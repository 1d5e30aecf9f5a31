//! Adversarial end-to-end tests of issue 10, "Never lose a note, whatever
//! happens", on the file side: concurrent writers, read-only files and
//! folders, dangling symlinks, `export -o` over the journey, and an editor
//! that writes bytes that are not UTF-8. Everything runs the real binary.

mod adversarial;
mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use adversarial::{Home, stderr, strays};
use jgrid::journey::CellRef;
use support::TIMEOUT;

fn cell(path: &Path, phase: usize, row: usize) -> String {
    jgrid::store::load(path).unwrap().cell(CellRef::new(phase, row)).to_owned()
}

fn spawn(home: &Home, args: &[&str]) -> Child {
    home.command(args).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

// ---------------------------------------------------------------------------
// 2. Concurrent writers
// ---------------------------------------------------------------------------

#[test]
fn twenty_concurrent_adds_keep_twenty_lines() {
    let home = Home::new();
    assert!(home.run(&["new", "c.toml"]).status.success());
    let children: Vec<Child> =
        (0..20).map(|i| spawn(&home, &["add", "c.toml", "--phase", "1", "--row", "1", &format!("line-{i}")])).collect();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "add {i} failed: {}", stderr(&out));
    }
    let lines: BTreeSet<String> = cell(&home.work().join("c.toml"), 0, 0).lines().map(str::to_owned).collect();
    let expected: BTreeSet<String> = (0..20).map(|i| format!("line-{i}")).collect();
    assert_eq!(lines, expected, "every add that exited 0 kept its line");
    assert_eq!(strays(&home.work(), &["c.toml", "journey.toml"]), Vec::<String>::new(), "no lock or temp file left");
}

#[test]
fn failing_adds_exit_non_zero_while_the_others_keep_their_lines() {
    let home = Home::new();
    assert!(home.run(&["new", "c.toml"]).status.success());
    let cases: Vec<(Vec<String>, bool)> = (0..16)
        .map(|i| {
            let (phase, row, ok) = match i % 4 {
                0 => ("nope".to_owned(), "1".to_owned(), false),
                1 => ("1".to_owned(), "99".to_owned(), false),
                _ => ("1".to_owned(), "1".to_owned(), true),
            };
            let args = ["add", "c.toml", "--phase", &phase, "--row", &row, &format!("line-{i}")].map(str::to_owned);
            (args.to_vec(), ok)
        })
        .collect();
    let children: Vec<(Child, bool, usize)> = cases
        .iter()
        .enumerate()
        .map(|(i, (args, ok))| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            (spawn(&home, &args), *ok, i)
        })
        .collect();
    for (child, ok, i) in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.success(), ok, "add {i}: {}", stderr(&out));
        if !ok {
            assert!(stderr(&out).contains("jgrid: "), "add {i} says why: {}", stderr(&out));
        }
    }
    let lines: BTreeSet<String> = cell(&home.work().join("c.toml"), 0, 0).lines().map(str::to_owned).collect();
    let expected: BTreeSet<String> = (0..16).filter(|i| i % 4 >= 2).map(|i| format!("line-{i}")).collect();
    assert_eq!(lines, expected);
}

#[test]
fn an_add_that_cannot_take_the_lock_fails_loudly_and_a_stale_lock_file_does_not_block() {
    let home = Home::new();
    let before = home.text();
    // Something that is not a lockable file sits where the lock goes.
    let lock = home.work().join(".journey.toml.lock");
    fs::create_dir(&lock).unwrap();
    let out = home.run(&["add", "journey.toml", "--phase", "1", "--row", "1", "lost?"]);
    assert!(!out.status.success(), "an add that could not lock exited 0");
    assert!(stderr(&out).contains("journey.toml"), "{}", stderr(&out));
    assert_eq!(home.text(), before, "nothing was written without the lock");
    fs::remove_dir(&lock).unwrap();
    // A lock file left behind by a writer that was killed holds no lock.
    fs::write(&lock, "").unwrap();
    let out = home.run(&["add", "journey.toml", "--phase", "1", "--row", "1", "after a stale lock"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(cell(&home.file, 0, 0).ends_with("\nafter a stale lock"));
    assert!(!lock.exists(), "the lock file is present only while writing");
}

#[test]
fn an_add_waits_while_another_writer_holds_the_lock() {
    let home = Home::new();
    let lock = home.work().join(".journey.toml.lock");
    let ready = home.path().join("holding");
    // Another writer (util-linux flock) holds the journey's lock for a while.
    let mut holder = Command::new("flock")
        .arg(&lock)
        .arg("-c")
        .arg(format!("touch '{}'; sleep 1.5", ready.display()))
        .spawn()
        .expect("flock(1) from util-linux is needed for this test");
    assert!(adversarial::eventually(|| ready.exists()), "flock did not take the lock");
    let mut add = spawn(&home, &["add", "journey.toml", "--phase", "2", "--row", "2", "waited for the lock"]);
    while holder.try_wait().unwrap().is_none() {
        if let Some(status) = add.try_wait().unwrap() {
            panic!("jgrid add finished ({status}) while another writer held the lock");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = add.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(cell(&home.file, 1, 1).ends_with("\nwaited for the lock"));
}

#[test]
fn adds_racing_an_editors_save_lose_nothing() {
    let home = Home::new();
    let mut pty = home.ready();
    pty.keys("i");
    pty.type_text(" editor-note");
    pty.keys("<Esc>");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
    // Adds land before, during and after the editor's save.
    let adder = {
        let args: Vec<Vec<String>> = (0..12)
            .map(|i| {
                ["add", "journey.toml", "--phase", "3", "--row", "4", &format!("racer-{i}")].map(str::to_owned).to_vec()
            })
            .collect();
        let cmds: Vec<Command> = args
            .iter()
            .map(|a| {
                let mut c = home.command(a);
                c.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped());
                c
            })
            .collect();
        std::thread::spawn(move || {
            let mut codes = Vec::new();
            for mut c in cmds {
                codes.push(c.output().unwrap());
                std::thread::sleep(Duration::from_millis(15));
            }
            codes
        })
    };
    std::thread::sleep(Duration::from_millis(60));
    pty.keys("<C-s>");
    pty.assert_until("the save ends", TIMEOUT, |s| s.contains("Saved") || s.contains("File changed on disk"));
    let asked = pty.screen().contains("File changed on disk");
    if asked {
        pty.keys("<Esc>");
        pty.assert_screen_contains("Not saved", TIMEOUT);
    }
    let outputs = adder.join().unwrap();
    for (i, out) in outputs.iter().enumerate() {
        assert!(out.status.success(), "add {i}: {}", stderr(out));
    }
    let lines: BTreeSet<String> = cell(&home.file, 2, 3).lines().map(str::to_owned).collect();
    for i in 0..12 {
        assert!(lines.contains(&format!("racer-{i}")), "racer-{i} was lost (editor asked: {asked}): {lines:?}");
    }
    assert_eq!(cell(&home.file, 0, 0).contains("editor-note"), !asked, "the editor's note is saved iff it said Saved");
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(strays(&home.work(), &["journey.toml"]), Vec::<String>::new());
}

#[test]
fn the_editors_first_save_of_a_new_file_does_not_overwrite_one_created_meanwhile() {
    let home = Home::new();
    let mut pty = home.start_on(&["fresh.toml"], 80, 24);
    pty.assert_screen_contains("New journey", TIMEOUT);
    pty.keys("i");
    pty.type_text("mine");
    pty.keys("<Esc>");
    let out = home.run(&["new", "fresh.toml", "--title", "Theirs"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let theirs = fs::read_to_string(home.work().join("fresh.toml")).unwrap();
    pty.keys("<C-s>");
    pty.assert_until("the save ends", TIMEOUT, |s| s.contains("Saved") || s.contains("File changed on disk"));
    if !pty.screen().contains("File changed on disk") {
        pty.fail("the first save of a new journey overwrote a file created meanwhile");
    }
    assert_eq!(fs::read_to_string(home.work().join("fresh.toml")).unwrap(), theirs);
    pty.keys("<Esc>:q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
}

#[test]
fn new_and_import_racing_for_one_new_file_exactly_one_wins() {
    let home = Home::new();
    let csv = home.work().join("t.csv");
    fs::write(&csv, "row,Imported A,Imported B\r\nNeed,from csv,\r\nMessage,,x\r\n").unwrap();
    for round in 0..3 {
        let name = format!("race-{round}.toml");
        let children: Vec<(Child, String)> = (0..12)
            .map(|i| {
                if i % 2 == 0 {
                    let title = format!("Title {i}");
                    (spawn(&home, &["new", &name, "--title", &title]), format!("new {i}"))
                } else {
                    (spawn(&home, &["import", "t.csv", "-o", &name]), format!("import {i}"))
                }
            })
            .collect();
        let mut winners = Vec::new();
        for (child, who) in children {
            let out = child.wait_with_output().unwrap();
            if out.status.success() {
                winners.push(who);
            } else {
                assert!(stderr(&out).contains("already exists"), "{who} lost but said: {}", stderr(&out));
            }
        }
        assert_eq!(winners.len(), 1, "round {round}: winners {winners:?}");
        let journey = jgrid::store::load(&home.work().join(&name)).expect("the winner's file is whole");
        let who = &winners[0];
        if let Some(i) = who.strip_prefix("new ") {
            assert_eq!(journey.title, format!("Title {i}"), "the file is the winner's");
        } else {
            assert_eq!(journey.phases()[0].name, "Imported A", "the file is the winner's");
        }
    }
    let mut expected = vec!["journey.toml", "t.csv"];
    let names: Vec<String> = (0..3).map(|r| format!("race-{r}.toml")).collect();
    expected.extend(names.iter().map(String::as_str));
    assert_eq!(strays(&home.work(), &expected), Vec::<String>::new(), "nothing half-written left over");
}

// ---------------------------------------------------------------------------
// 6. Read-only files
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn ctrl_s_wq_and_quit_y_refuse_a_read_only_file_and_w_bang_keeps_it_read_only() {
    let home = Home::new();
    chmod(&home.file, 0o444);
    let before = home.text();
    let mut pty = home.start();
    pty.assert_screen_contains("read-only", TIMEOUT);
    pty.keys("i");
    pty.type_text(" ro-note");
    pty.keys("<Esc><C-s>");
    pty.assert_screen_contains("Read-only", TIMEOUT);
    assert_eq!(home.text(), before, "Ctrl-s wrote a read-only file");
    pty.keys(":wq<Enter>");
    pty.assert_screen_contains("Read-only", TIMEOUT);
    assert!(pty.is_running(), ":wq quit without saving the read-only file's changes");
    pty.keys("q");
    pty.assert_screen_contains("QUIT?", TIMEOUT);
    pty.keys("y");
    pty.assert_until("the save-and-quit ends", TIMEOUT, |s| !s.contains("QUIT?"));
    std::thread::sleep(Duration::from_millis(200));
    assert!(pty.is_running(), "save-and-quit quit although the read-only file was not saved");
    assert_eq!(home.text(), before);
    pty.keys(":w!<Enter>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(home.text().contains("ro-note"));
    assert_eq!(mode(&home.file), 0o444, ":w! left the file read-only");
}

#[cfg(unix)]
#[test]
fn add_refuses_a_read_only_file_and_one_reached_through_a_symlink() {
    let home = Home::new();
    chmod(&home.file, 0o444);
    let link = home.work().join("link.toml");
    std::os::unix::fs::symlink("journey.toml", &link).unwrap();
    let before = home.text();
    for target in ["journey.toml", "link.toml"] {
        let out = home.run(&["add", target, "--phase", "1", "--row", "1", "should not land"]);
        assert!(!out.status.success(), "add to a read-only {target} exited 0");
        assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
        assert_eq!(home.text(), before);
        assert_eq!(mode(&home.file), 0o444);
    }
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    // The editor through the link refuses too.
    let mut pty = home.start_on(&["link.toml"], 80, 24);
    pty.assert_screen_contains("read-only", TIMEOUT);
    pty.keys("x<C-s>");
    pty.assert_screen_contains("Read-only", TIMEOUT);
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(home.text(), before);
}

/// A read-only folder does not stop root, so this test only means
/// something for other users; as root (CI containers) it checks nothing and
/// says so on stderr.
#[cfg(unix)]
#[test]
fn a_read_only_folder_refuses_saves_and_adds_with_a_clear_message() {
    if adversarial::effective_uid() == Some(0) {
        eprintln!("skipped: running as root, and a read-only folder does not stop root");
        return;
    }
    let home = Home::new();
    let before = home.text();
    let mut pty = home.ready();
    pty.keys("i");
    pty.type_text(" folder-note");
    pty.keys("<Esc>");
    chmod(&home.work(), 0o555);
    pty.keys("<C-s>");
    pty.assert_screen_contains("Not saved", TIMEOUT);
    pty.assert_screen_contains("read-only", TIMEOUT);
    let out = home.run(&["add", "journey.toml", "--phase", "1", "--row", "1", "nope"]);
    chmod(&home.work(), 0o755);
    assert!(!out.status.success());
    assert_eq!(home.text(), before);
    pty.keys("<C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(home.text().contains("folder-note"));
}

// ---------------------------------------------------------------------------
// 7. Dangling symlinks
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn saving_through_a_dangling_symlink_creates_its_target_and_keeps_the_link() {
    let home = Home::new();
    let work = home.work();
    fs::create_dir(work.join("real")).unwrap();
    std::os::unix::fs::symlink("real/target.toml", work.join("link.toml")).unwrap();
    // A chain: chain.toml -> hop.toml -> real/end.toml (missing).
    std::os::unix::fs::symlink("hop.toml", work.join("chain.toml")).unwrap();
    std::os::unix::fs::symlink("real/end.toml", work.join("hop.toml")).unwrap();
    for (link, target, hops) in [
        ("link.toml", "real/target.toml", &["link.toml"][..]),
        ("chain.toml", "real/end.toml", &["chain.toml", "hop.toml"]),
    ] {
        let mut pty = home.start_on(&[link], 80, 24);
        pty.assert_screen_contains("New journey", TIMEOUT);
        pty.keys("i");
        pty.type_text("through the link");
        pty.keys("<Esc><C-s>");
        pty.assert_screen_contains("Saved", TIMEOUT);
        pty.keys("q");
        pty.assert_exit_code(0, TIMEOUT);
        for hop in hops {
            assert!(
                fs::symlink_metadata(work.join(hop)).unwrap().file_type().is_symlink(),
                "{hop} is no longer a link"
            );
        }
        assert_eq!(cell(&work.join(target), 0, 0), "through the link");
        // Saving again through the now-live link still keeps it.
        let out = home.run(&["add", link, "--phase", "1", "--row", "1", "and again"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(fs::symlink_metadata(work.join(link)).unwrap().file_type().is_symlink());
        assert_eq!(cell(&work.join(target), 0, 0), "through the link\nand again");
    }
}

#[cfg(unix)]
#[test]
fn new_import_and_export_through_a_dangling_symlink_create_the_target() {
    let home = Home::new();
    let work = home.work();
    fs::write(work.join("t.csv"), "row,A\nNeed,x\n").unwrap();
    let cases: [(&str, &[&str]); 3] = [
        ("new.toml", &["new", "new.toml"]),
        ("imported.toml", &["import", "t.csv", "-o", "imported.toml"]),
        ("out.md", &["export", "journey.toml", "--to", "markdown", "-o", "out.md"]),
    ];
    for (link, args) in cases {
        let target = format!("target-of-{link}");
        std::os::unix::fs::symlink(&target, work.join(link)).unwrap();
        let out = home.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(fs::symlink_metadata(work.join(link)).unwrap().file_type().is_symlink(), "{link} was replaced");
        assert!(work.join(&target).is_file(), "{target} was not created");
    }
}

// ---------------------------------------------------------------------------
// 8. export -o the journey itself
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn export_refuses_to_write_over_the_journey_however_it_is_spelled() {
    use std::os::unix::fs::MetadataExt as _;
    let home = Home::new();
    let work = home.work();
    std::os::unix::fs::symlink("journey.toml", work.join("alias.toml")).unwrap();
    fs::hard_link(&home.file, work.join("hard.toml")).unwrap();
    std::os::unix::fs::symlink(".", work.join("here")).unwrap();
    let before = home.text();
    let absolute = home.file.display().to_string();
    let spellings = [
        "journey.toml",
        "./journey.toml",
        "../work/journey.toml",
        "here/journey.toml",
        "alias.toml",
        "hard.toml",
        absolute.as_str(),
        ".//journey.toml",
    ];
    for input in ["journey.toml", "alias.toml"] {
        for out in spellings {
            for format in ["markdown", "csv", "html", "mermaid", "json"] {
                let o = home.run(&["export", input, "--to", format, "-o", out]);
                assert!(!o.status.success(), "export {input} -o {out} ({format}) exited 0");
                assert!(stderr(&o).contains("journey itself"), "{}", stderr(&o));
                assert_eq!(home.text(), before, "export {input} -o {out} ({format}) changed the journey");
            }
        }
    }
    assert_eq!(fs::metadata(work.join("hard.toml")).unwrap().nlink(), 2, "the hard link is still one");
    assert!(fs::symlink_metadata(work.join("alias.toml")).unwrap().file_type().is_symlink());
    // Another file is fine, so the refusal above is about the journey only.
    let o = home.run(&["export", "journey.toml", "--to", "json", "-o", "journey.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::read_to_string(work.join("journey.json")).unwrap().contains("\"title\""));
}

// ---------------------------------------------------------------------------
// 9. An editor that writes bytes that are not UTF-8
// ---------------------------------------------------------------------------

/// The path named on screen that starts with `prefix` (up to `.txt`).
fn named_file(screen: &str, prefix: &str) -> Option<PathBuf> {
    let flat: String = screen.lines().map(str::trim_end).collect::<Vec<_>>().join("");
    let start = flat.find(prefix)?;
    let end = flat[start..].find(".txt")? + start + 4;
    Some(PathBuf::from(&flat[start..end]))
}

/// Removes the `/tmp/jgrid-cell-*` files that appeared while it lived (the
/// files jgrid keeps for the user), so a failing test leaves no litter.
/// The tests that use it run one at a time, so none removes another's file.
struct KeptFiles(BTreeSet<PathBuf>, #[allow(dead_code)] std::sync::MutexGuard<'static, ()>);

static ONE_EDITOR_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn cell_files() -> BTreeSet<PathBuf> {
    fs::read_dir("/tmp")
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("jgrid-cell-")))
                .collect()
        })
        .unwrap_or_default()
}

impl KeptFiles {
    fn new() -> Self {
        let turn = ONE_EDITOR_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        Self(cell_files(), turn)
    }
}

impl Drop for KeptFiles {
    fn drop(&mut self) {
        for new in cell_files().difference(&self.0) {
            let _ = fs::remove_file(new);
        }
    }
}

/// jgrid with `EDITOR` set to the bare name of a script (as `EDITOR=vim`
/// is), temporary files in /tmp (the usual place), in an 80x24 pty.
#[cfg(unix)]
fn with_editor(home: &Home, name: &str, body: &str) -> support::Pty {
    let bin = home.path().join("bin");
    fs::create_dir_all(&bin).unwrap();
    adversarial::script(&bin, name, body);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut pty = support::Pty::jgrid_builder()
        .arg(&home.file)
        .env("XDG_DATA_HOME", &home.data)
        .env("PATH", path)
        .env("EDITOR", name)
        .env("VISUAL", "")
        .env("TMPDIR", "/tmp")
        .spawn();
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty
}

#[cfg(unix)]
#[test]
fn an_editor_writing_latin1_keeps_the_text_with_placeholders_and_names_the_kept_file() {
    let home = Home::new();
    let _litter = KeptFiles::new();
    let mut pty = with_editor(&home, "latin1", r#"printf 'caf\351 au lait\n' > "$1""#);
    pty.keys("e");
    pty.assert_screen_contains("not UTF-8", TIMEOUT);
    // (The harness's vt100 screen shows U+FFFD as a blank; the bytes show it.)
    let raw = pty.raw_output();
    let shown = "caf\u{fffd}".as_bytes();
    assert!(raw.windows(shown.len()).any(|w| w == shown), "the text is shown with \u{fffd} for the bad byte");
    let screen = pty.screen();
    let kept = named_file(&screen, "/tmp/jgrid-cell-")
        .unwrap_or_else(|| pty.fail("the kept temporary file is not named on screen (at 80 columns)"));
    let bytes = fs::read(&kept).unwrap_or_else(|e| pty.fail(&format!("{} named on screen: {e}", kept.display())));
    let _ = fs::remove_file(&kept);
    assert_eq!(bytes, b"caf\xe9 au lait\n", "the kept file holds the editor's bytes");
    pty.keys(":wq<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(cell(&home.file, 0, 0), "caf\u{fffd} au lait");
}

#[cfg(unix)]
#[test]
fn an_editor_that_fails_keeps_its_file_and_the_cell() {
    let home = Home::new();
    let before = cell(&home.file, 0, 0);
    let _litter = KeptFiles::new();
    let mut pty = with_editor(&home, "failing", "printf 'half written' > \"$1\"; exit 3");
    pty.keys("e");
    pty.assert_screen_contains("failed", TIMEOUT);
    let kept = named_file(&pty.screen(), "/tmp/jgrid-cell-")
        .unwrap_or_else(|| pty.fail("the kept temporary file is not named on screen (at 80 columns)"));
    let bytes = fs::read(&kept).unwrap_or_else(|e| pty.fail(&format!("{}: {e}", kept.display())));
    let _ = fs::remove_file(&kept);
    assert_eq!(bytes, b"half written");
    assert!(!pty.screen().contains("[+] modified"), "a failed editor changed the cell");
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    assert_eq!(cell(&home.file, 0, 0), before);
}
