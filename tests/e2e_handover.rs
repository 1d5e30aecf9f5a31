//! End-to-end: a jgrid left running with unsaved text (its link lost, its
//! terminal forgotten) hands it over to the next jgrid on the journey: the
//! question says what the old one holds, `t` takes it over, the text is back.
//! And the attacks: an old jgrid that cannot answer, is killed mid-way, or
//! cannot write its recovery file; a pid that is not a jgrid of ours.

mod adversarial;
mod support;

use std::fs;

use adversarial::{Home, let_recovery_catch_up};
use support::{Pty, TIMEOUT};

const OPEN: &str = "Already open in another jgrid";

/// The dialog on the screen says `needle` (its text read line after line
/// inside the box, as one sentence, so a wrapped line does not split it).
fn says(pty: &mut Pty, needle: &str) {
    pty.assert_until(needle, TIMEOUT, |screen| {
        let inside: Vec<&str> = screen.lines().filter_map(|l| l.split('│').nth(1)).collect();
        inside.join(" ").split_whitespace().collect::<Vec<_>>().join(" ").contains(needle)
    });
}

/// B takes the journey over from the jgrid(s) its question names.
fn take_over(b: &mut Pty) {
    b.assert_screen_contains(OPEN, TIMEOUT);
    b.keys("t");
    b.assert_screen_contains("Unsaved changes found", TIMEOUT);
}

/// The old jgrid handed over: it quit with 0, its terminal restored, and said where its text went.
fn handed_over(a: &mut Pty) {
    a.assert_exit_code(0, TIMEOUT);
    assert!(!a.with_screen(|s| s.alternate_screen()), "the old jgrid restored its terminal");
    a.assert_screen_contains("took", TIMEOUT);
}

/// Save the journey under `name` in the work folder, quit, and return its text.
fn save_as(home: &Home, pty: &mut Pty, name: &str) -> String {
    pty.keys(":w ");
    pty.type_text(name);
    pty.keys("<Enter>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys(":q<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    fs::read_to_string(home.work().join(name)).unwrap()
}

#[test]
fn text_typed_in_a_cell_of_a_running_jgrid_is_taken_over_and_back() {
    let home = Home::new();
    let mut a = home.ready();
    a.keys("jla");
    a.type_text("unsaved in A");
    a.assert_screen_contains("unsaved in A", TIMEOUT);
    let_recovery_catch_up();

    let mut b = home.start();
    b.assert_screen_contains(OPEN, TIMEOUT);
    says(&mut b, "holds unsaved changes, with a note being typed");
    take_over(&mut b);
    says(&mut b, "a note was being typed");
    handed_over(&mut a);
    b.keys("r");
    b.assert_screen_contains("unsaved in A", TIMEOUT);
    b.keys("<Esc>");
    let text = save_as(&home, &mut b, "taken.toml");
    assert!(text.contains("unsaved in A"), "{text}");
    assert!(home.recovery_files().is_empty(), "{:?}", home.recovery_files());
}

#[test]
fn a_half_typed_capture_note_is_taken_over_into_the_capture_line() {
    let home = Home::new();
    let mut a = home.ready();
    a.keys("c");
    a.type_text("half-typed capture");
    a.assert_screen_contains("half-typed capture", TIMEOUT);
    let_recovery_catch_up();

    let mut b = home.start();
    says(&mut b, "with a note being typed");
    take_over(&mut b);
    says(&mut b, "a note was being typed");
    handed_over(&mut a);
    b.keys("r");
    b.assert_screen_contains("half-typed capture", TIMEOUT);
    // Still being typed: Enter files it into the inbox.
    b.type_text(" finished");
    b.keys("<Enter><Esc>");
    let text = save_as(&home, &mut b, "captured.toml");
    assert!(text.contains("half-typed capture finished"), "{text}");
}

#[test]
fn nothing_unsaved_is_said_and_taking_over_leaves_the_journey_to_the_new_one() {
    let home = Home::new();
    let mut a = home.ready();
    let mut b = home.start();
    says(&mut b, "It holds no unsaved changes");
    b.keys("t");
    b.assert_screen_contains("held no unsaved changes. The journey is yours", TIMEOUT);
    b.assert_screen_contains("NORMAL", TIMEOUT);
    handed_over(&mut a);
    b.keys(":q<Enter>");
    b.assert_exit_code(0, TIMEOUT);
}

/// Two new jgrids start at once on a journey whose running jgrid A holds a
/// half-typed note; each sees the other too. B takes it over (C, new and
/// holding nothing, is left be) and recovers it: the note is being typed in
/// B now. C, asked about A and B, takes over too: A is gone, B now holds the
/// note and hands it over, and C's recovery dialog still says a note was
/// being typed.
#[test]
fn two_new_jgrids_at_once_both_say_a_note_was_being_typed() {
    let home = Home::new();
    let mut a = home.ready();
    a.keys("c");
    a.type_text("note in A");
    let_recovery_catch_up();
    let mut b = home.start();
    let mut c = home.start();
    for pty in [&mut b, &mut c] {
        says(pty, "with a note being typed");
    }
    take_over(&mut b);
    says(&mut b, "a note was being typed");
    handed_over(&mut a);
    b.keys("r");
    b.assert_screen_contains("note in A", TIMEOUT);
    let_recovery_catch_up();

    assert!(c.is_running(), "B's take-over left C be");
    // C's question named A, and B if C saw it start: if it did not, C is
    // asked again, about B, which must say it holds a note being typed.
    c.keys("t");
    c.assert_until("a question", TIMEOUT, |s| s.contains("Unsaved changes found") || s.contains("take over again"));
    if c.screen().contains("take over again") {
        says(&mut c, "with a note being typed");
        take_over(&mut c);
    }
    says(&mut c, "a note was being typed");
    handed_over(&mut b);
    c.keys("r");
    c.assert_screen_contains("note in A", TIMEOUT);
    c.keys("<Enter><Esc>");
    let text = save_as(&home, &mut c, "two.toml");
    assert!(text.contains("note in A"), "{text}");
}

/// C takes over while B still shows A's recovery question unanswered: B
/// holds nothing and is left be; A's note is offered to C as well.
#[test]
fn taking_over_while_another_still_asks_about_a_recovery_offers_that_recovery() {
    let home = Home::new();
    let mut a = home.ready();
    a.keys("c");
    a.type_text("note in A");
    let_recovery_catch_up();
    let mut b = home.start();
    take_over(&mut b);
    handed_over(&mut a);
    let mut c = home.start();
    says(&mut c, "It holds no unsaved changes");
    says(&mut c, "started with this one");
    take_over(&mut c);
    says(&mut c, "a note was being typed");
    assert!(b.is_running(), "a jgrid still asking at start is left be");
    c.keys("r");
    c.assert_screen_contains("note in A", TIMEOUT);
}

/// An old jgrid that cannot answer (it waits for its `$EDITOR`): the new one
/// waits a bounded time, says so, and asks again; killed with `kill -9` while
/// the new one waits, its recovery file is offered at once.
#[cfg(unix)]
#[test]
fn an_old_jgrid_that_does_not_answer_is_named_and_one_killed_mid_way_is_recovered() {
    let home = Home::new();
    let bin = home.path().join("bin");
    fs::create_dir_all(&bin).unwrap();
    adversarial::script(&bin, "slow-editor", "sleep 120\n");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut a = Pty::jgrid_builder()
        .arg(&home.file)
        .env("XDG_DATA_HOME", &home.data)
        .env("PATH", path)
        .env("EDITOR", "slow-editor")
        .env("VISUAL", "")
        .spawn();
    a.assert_screen_contains("NORMAL", TIMEOUT);
    a.keys("i");
    a.type_text(" committed in A");
    a.keys("<Esc>");
    a.assert_screen_contains("[+] modified", TIMEOUT);
    a.keys("e");
    let_recovery_catch_up();

    let mut b = home.start();
    says(&mut b, "holds unsaved changes");
    b.keys("t");
    b.assert_screen_contains("did not hand over within 5 s", TIMEOUT);
    b.assert_screen_contains(OPEN, TIMEOUT);
    assert!(a.is_running(), "the old jgrid keeps the journey");
    b.keys("t");
    b.assert_screen_contains("Asking pid", TIMEOUT);
    assert!(a.kill_with("KILL"));
    b.assert_screen_contains("Unsaved changes found", TIMEOUT);
    b.keys("r");
    b.keys("<Esc>");
    let text = save_as(&home, &mut b, "killed.toml");
    assert!(text.contains("committed in A"), "{text}");
}

/// A recovery folder that became read-only (for root, who writes there
/// anyway: a folder where the old jgrid's recovery file goes): the old jgrid
/// cannot write its text, so it does not quit (its screen says why), and the
/// new one says it did not hand over. Nothing is lost.
#[cfg(unix)]
#[test]
fn an_old_jgrid_that_cannot_write_its_recovery_file_keeps_running() {
    use std::os::unix::fs::PermissionsExt as _;
    let root = adversarial::effective_uid() == Some(0);
    let home = Home::new();
    let mut a = home.ready();
    a.keys("i");
    a.type_text(" kept by A");
    a.keys("<Esc>");
    a.assert_screen_contains("[+] modified", TIMEOUT);
    let_recovery_catch_up();
    let dir = home.recovery_dir();
    let own = home.recovery_files().pop().unwrap();
    if root {
        fs::remove_file(&own).unwrap();
        fs::create_dir(&own).unwrap();
    } else {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o500)).unwrap();
    }
    a.keys("ja");
    a.type_text("typed after");
    a.keys("<Esc>");
    let mut b = home.start();
    b.assert_screen_contains(OPEN, TIMEOUT);
    b.keys("t");
    b.assert_screen_contains("did not hand over", TIMEOUT);
    a.assert_screen_contains("Not handed over: the recovery file cannot be written", TIMEOUT);
    assert!(a.is_running());
    if root {
        fs::remove_dir(&own).unwrap();
    } else {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    }
    b.keys("q");
    b.assert_exit_code(0, TIMEOUT);
    a.keys(":wq<Enter>");
    a.assert_exit_code(0, TIMEOUT);
    let text = home.text();
    assert!(text.contains("kept by A") && text.contains("typed after"), "{text}");
}

/// A session lock held by a process whose file names another pid (another
/// user's, or one reused since): nothing is signalled.
#[cfg(target_os = "linux")]
#[test]
fn a_pid_that_is_not_the_jgrid_holding_the_lock_is_never_signalled() {
    let home = Home::new();
    let dir = home.recovery_dir();
    let key = jgrid::recovery::journey_key(Some(&home.file));
    let mut held = jgrid::recovery::Session::start(&dir, &key).unwrap();
    held.set_asking(false);
    let lock = dir.join("sessions").join(format!("{}.lock", held.id));
    let mut bystander = std::process::Command::new("sleep").arg("120").spawn().unwrap();
    for pid in [1, bystander.id()] {
        fs::write(&lock, format!("{pid}\n0\n{key}")).unwrap();
        let mut b = home.start();
        b.assert_screen_contains(&format!("pid {pid}"), TIMEOUT);
        b.keys("t");
        b.assert_screen_contains("not a jgrid of yours", TIMEOUT);
        b.assert_screen_contains(OPEN, TIMEOUT);
        b.keys("q");
        b.assert_exit_code(0, TIMEOUT);
    }
    assert!(bystander.try_wait().unwrap().is_none(), "the bystander was signalled");
    bystander.kill().unwrap();
    let _ = bystander.wait();
    drop(held);
}

/// The old jgrid's link drops (SIGHUP) just as it is asked to hand over:
/// either way its text is written, and the new one offers it.
#[test]
fn a_sighup_to_the_old_jgrid_mid_handover_loses_nothing() {
    let home = Home::new();
    let mut a = home.ready();
    a.keys("jla");
    a.type_text("typed before the drop");
    let_recovery_catch_up();
    let mut b = home.start();
    says(&mut b, "holds unsaved changes");
    b.keys("t");
    assert!(a.kill_with("HUP"));
    b.assert_screen_contains("Unsaved changes found", TIMEOUT);
    says(&mut b, "a note was being typed");
    assert!(a.wait_for_exit(TIMEOUT).is_some());
    b.keys("r");
    b.assert_screen_contains("typed before", TIMEOUT);
}
