//! Adversarial end-to-end tests of issue 10, "Never lose a note, whatever
//! happens": Ctrl-c in a cell, signals at every question and prompt,
//! damaged recovery files, recovering over a colleague's change, and two
//! jgrids on one file. Each test drives the real binary in a pty the way a
//! user meets the bug, in its own folder with its own data directory.

mod adversarial;
mod support;

use std::ffi::OsStr;
use std::fs;
use std::path::Path;

use adversarial::{Home, let_recovery_catch_up, stop_with};
use support::{Pty, TIMEOUT};

const SIGNALS: [&str; 3] = ["HUP", "TERM", "QUIT"];

/// Start jgrid (on `args`), expect the recover question, recover, save the
/// result under `save_as` in the work folder and quit; then the saved file
/// must hold every word. Returns the saved text.
fn recover_and_save_as<S: AsRef<OsStr>>(home: &Home, args: &[S], save_as: &str, words: &[&str]) -> String {
    let mut pty = home.start_on(args, 80, 24);
    answer_open_question_if_asked(&mut pty);
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_lacks("RECOVER?", TIMEOUT);
    // Out of the question: in the grid, or back in the cell or on the
    // prompt (the command line, save as, search...) where the text was being typed.
    let on_command_line = |s: &str| s.lines().rev().nth(1).is_some_and(|l| l.starts_with(':'));
    pty.assert_until("out of the question", TIMEOUT, |s| s.contains("Recovered") || s.contains("damaged"));
    if pty.screen().contains("EDIT") {
        pty.keys("<Esc>");
        pty.assert_screen_contains("NORMAL", TIMEOUT);
    }
    if on_command_line(&pty.screen()) {
        // The half-typed command is back: run it as it was typed.
        pty.keys("<Enter>");
        pty.assert_screen_contains("NORMAL", TIMEOUT);
    }
    if !pty.screen().contains("NORMAL") {
        // Another prompt is back as it was typed: leave it.
        pty.keys("<Esc>");
        pty.assert_screen_contains("NORMAL", TIMEOUT);
    }
    pty.keys(":w ");
    pty.type_text(save_as);
    pty.keys("<Enter>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys(":q<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    let text = fs::read_to_string(home.work().join(save_as)).unwrap();
    for word in words {
        assert!(text.contains(word), "{word:?} was not offered back; the recovered journey:\n{text}");
    }
    text
}

/// The "already open" question waits when another jgrid runs; open anyway.
fn answer_open_question_if_asked(pty: &mut Pty) {
    pty.assert_until("a question or the grid", TIMEOUT, |s| {
        s.contains("Already open") || s.contains("Unsaved changes found") || s.contains("NORMAL")
    });
    if pty.screen().contains("Already open") {
        pty.keys("o");
        pty.assert_screen_lacks("Already open", TIMEOUT);
    }
}

/// Type `word` at the end of the cursor's cell and keep it.
fn commit(pty: &mut Pty, word: &str) {
    pty.keys("i");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.type_text(&format!(" {word}"));
    pty.keys("<Esc>");
    pty.assert_screen_contains("[+] modified", TIMEOUT);
}

// ---------------------------------------------------------------------------
// 1. Ctrl-c in a cell
// ---------------------------------------------------------------------------

#[test]
fn ctrl_c_in_a_cell_says_so_and_u_brings_the_text_back_as_typed() {
    let home = Home::new();
    let mut pty = home.ready();
    let before = home.text();
    pty.keys("ja");
    pty.assert_screen_contains("EDIT", TIMEOUT);
    pty.type_text("Interview, 3 May:");
    pty.keys("<Enter>");
    pty.type_text("wants  SMS (not e-mail)");
    pty.keys("<C-c>");
    pty.assert_screen_contains("abandoned", TIMEOUT);
    pty.assert_screen_contains("u brings back", TIMEOUT);
    pty.assert_screen_lacks("wants  SMS", TIMEOUT);
    pty.keys("u");
    pty.keys("z");
    pty.assert_screen_contains("wants  SMS (not e-mail)", TIMEOUT);
    pty.assert_screen_contains("Interview, 3 May:", TIMEOUT);
    pty.keys("<Esc><C-s>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys("q");
    pty.assert_exit_code(0, TIMEOUT);
    let cell = jgrid::store::load(&home.file).unwrap().cell(jgrid::journey::CellRef::new(0, 1)).to_owned();
    let old = jgrid::format::parse(before.as_bytes()).unwrap().cell(jgrid::journey::CellRef::new(0, 1)).to_owned();
    assert_eq!(cell, format!("{old}\nInterview, 3 May:\nwants  SMS (not e-mail)"), "the text came back as typed");
}

/// Beyond the letter of the issue: the abandoned note is one `u` away, so a
/// link that drops right after Ctrl-c must not take it away for good.
#[test]
fn ctrl_c_then_a_dropped_link_still_offers_the_abandoned_note() {
    let home = Home::new();
    let mut pty = home.ready();
    pty.keys("ja");
    pty.type_text("note typed before a reflex Ctrl-c");
    pty.keys("<C-c>");
    pty.assert_screen_contains("abandoned", TIMEOUT);
    let_recovery_catch_up();
    stop_with(&mut pty, "HUP");
    // The next start offers it, and the abandoned edit is again one `u` away.
    let mut pty = home.start_on(&[&home.file], 80, 24);
    pty.assert_screen_contains("an abandoned edit", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("u");
    pty.assert_screen_contains("Undone", TIMEOUT);
    pty.keys(":w back.toml<Enter>");
    pty.assert_screen_contains("Saved", TIMEOUT);
    pty.keys(":q<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    let text = fs::read_to_string(home.work().join("back.toml")).unwrap();
    assert!(text.contains("note typed before a reflex Ctrl-c"), "{text}");
}

// ---------------------------------------------------------------------------
// 3. A signal at every question and prompt loses nothing
// ---------------------------------------------------------------------------

#[test]
fn a_signal_at_the_recover_question_keeps_the_recovery_file() {
    for signal in SIGNALS {
        let home = Home::new();
        let word = format!("kept{signal}");
        let mut pty = home.ready();
        commit(&mut pty, &word);
        stop_with(&mut pty, "HUP");
        let files = home.recovery_files();
        assert_eq!(files.len(), 1);
        let content = fs::read(&files[0]).unwrap();
        // The question is on screen; the signal arrives before any answer.
        let mut pty = home.start();
        pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
        stop_with(&mut pty, signal);
        assert_eq!(home.recovery_files(), files, "SIG{signal} at the recover question: the file must stay");
        assert_eq!(fs::read(&files[0]).unwrap(), content, "SIG{signal}: the recovery file changed");
        // And a second signal at the question of the next start, too.
        let mut pty = home.start();
        pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
        stop_with(&mut pty, signal);
        recover_and_save_as(&home, &[&home.file], &format!("{signal}.toml"), &[&word]);
    }
}

#[test]
fn a_signal_right_after_recovering_keeps_the_recovered_changes() {
    for signal in SIGNALS {
        let home = Home::new();
        let word = format!("adopted{signal}");
        let mut pty = home.ready();
        commit(&mut pty, &word);
        pty.keys("jja");
        pty.type_text("half-note-dropped");
        pty.assert_screen_contains("half-note-dropped", TIMEOUT);
        stop_with(&mut pty, "HUP");
        let mut pty = home.start();
        pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
        pty.keys("r");
        pty.assert_screen_contains("half-note-dropped", TIMEOUT);
        // The recovered note is back in edit mode; the link drops again at once.
        stop_with(&mut pty, signal);
        recover_and_save_as(&home, &[&home.file], &format!("{signal}.toml"), &[&word, "half-note-dropped"]);
    }
}

#[test]
fn a_signal_at_the_already_open_question_keeps_every_recovery_file() {
    for signal in SIGNALS {
        let home = Home::new();
        // A runs and has typed something (its own recovery file).
        let mut a = home.ready();
        commit(&mut a, &format!("running{signal}"));
        // C opened anyway, typed and hung up: a recovery file to offer.
        let mut c = home.start();
        c.assert_screen_contains("Already open in another jgrid", TIMEOUT);
        c.keys("o");
        c.assert_screen_contains("NORMAL", TIMEOUT);
        c.keys("G");
        commit(&mut c, &format!("orphan{signal}"));
        stop_with(&mut c, "HUP");
        assert!(adversarial::eventually(|| home.recovery_files().len() == 2), "{:?}", home.recovery_files());
        let before: Vec<Vec<u8>> = home.recovery_files().iter().map(|f| fs::read(f).unwrap()).collect();
        // B gets the "already open" question, and the signal.
        let mut b = home.start();
        b.assert_screen_contains("Already open in another jgrid", TIMEOUT);
        stop_with(&mut b, signal);
        let after: Vec<Vec<u8>> = home.recovery_files().iter().map(|f| fs::read(f).unwrap()).collect();
        assert_eq!(after, before, "SIG{signal} at the 'already open' question touched a recovery file");
        // The orphan is offered at the next start (A still runs).
        recover_and_save_as(&home, &[&home.file], &format!("orphan-{signal}.toml"), &[&format!("orphan{signal}")]);
        // A's words come back once A hangs up.
        stop_with(&mut a, "HUP");
        recover_and_save_as(&home, &[&home.file], &format!("a-{signal}.toml"), &[&format!("running{signal}")]);
    }
}

/// For each signal: commit a word in a fresh journey, bring jgrid to some
/// question or prompt with `to_state`, send the signal; the next start must
/// offer the word back. Returns the recovered texts for further checks.
fn signal_at(state: &str, to_state: impl Fn(&Home, &mut Pty)) -> Vec<(Home, String)> {
    let mut recovered = Vec::new();
    for signal in SIGNALS {
        let home = Home::new();
        let word = format!("{state}{signal}");
        let mut pty = home.ready();
        commit(&mut pty, &word);
        to_state(&home, &mut pty);
        stop_with(&mut pty, signal);
        let text = recover_and_save_as(&home, &[&home.file], &format!("{signal}.toml"), &[&word]);
        recovered.push((home, text));
    }
    recovered
}

#[test]
fn a_signal_at_the_quit_question_keeps_the_changes() {
    signal_at("quit", |_, pty| {
        pty.keys("q");
        pty.assert_screen_contains("QUIT?", TIMEOUT);
    });
}

#[test]
fn a_signal_at_the_file_changed_on_disk_question_keeps_the_changes() {
    let recovered = signal_at("ours", |home, pty| {
        let o = home.run(&["add", "journey.toml", "--phase", "3", "--row", "2", "colleague line"]);
        assert!(o.status.success(), "{}", adversarial::stderr(&o));
        pty.keys("<C-s>");
        pty.assert_screen_contains("File changed on disk", TIMEOUT);
    });
    for (home, _) in recovered {
        assert!(home.text().contains("colleague line"), "the colleague's file was not touched");
        assert!(!SIGNALS.iter().any(|s| home.text().contains(&format!("ours{s}"))), "nothing of ours was written");
    }
}

#[test]
fn a_signal_at_the_delete_phase_question_keeps_the_changes() {
    let recovered = signal_at("delete", |_, pty| {
        pty.keys("X");
        pty.assert_screen_contains("DELETE?", TIMEOUT);
    });
    for (_, text) in recovered {
        assert!(text.contains("name = \"Orientation\""), "the phase was not deleted by the signal");
    }
}

#[test]
fn a_signal_at_the_save_as_prompt_keeps_an_untitled_journey() {
    for signal in SIGNALS {
        let home = Home::new();
        let none: [&Path; 0] = [];
        let mut pty = home.start_on(&none, 80, 24);
        pty.assert_screen_contains("NORMAL", TIMEOUT);
        commit(&mut pty, &format!("untitled{signal}"));
        pty.keys("<C-s>");
        pty.assert_screen_contains("Save as:", TIMEOUT);
        pty.type_text("half-typed-na");
        stop_with(&mut pty, signal);
        recover_and_save_as(&home, &none, &format!("{signal}.toml"), &[&format!("untitled{signal}")]);
    }
}

#[test]
fn a_signal_at_the_save_as_prompt_of_a_conflict_keeps_the_changes() {
    let signal = "HUP";
    let home = Home::new();
    let mut pty = home.ready();
    commit(&mut pty, "conflict-save-as");
    fs::write(&home.file, home.text().replace("Working internet", "Their internet")).unwrap();
    pty.keys("<C-s>");
    pty.assert_screen_contains("File changed on disk", TIMEOUT);
    pty.keys("w");
    pty.assert_screen_contains("Save as:", TIMEOUT);
    pty.type_text("elsewh");
    stop_with(&mut pty, signal);
    recover_and_save_as(&home, &[&home.file], "elsewhere.toml", &["conflict-save-as"]);
}

#[test]
fn a_signal_at_the_command_line_keeps_the_changes() {
    signal_at("command", |_, pty| {
        pty.keys(":phase ren");
        pty.assert_screen_contains(":phase ren", TIMEOUT);
    });
}

#[test]
fn a_signal_at_the_search_prompt_keeps_the_changes() {
    signal_at("search", |_, pty| {
        pty.keys("/port");
        pty.assert_screen_contains("/port", TIMEOUT);
    });
}

#[test]
fn a_signal_in_edit_mode_keeps_the_committed_and_the_half_typed_note() {
    for signal in SIGNALS {
        let home = Home::new();
        let mut pty = home.ready();
        commit(&mut pty, &format!("committed{signal}"));
        pty.keys("jjla");
        pty.assert_screen_contains("EDIT", TIMEOUT);
        pty.type_text(&format!("halftyped{signal}"));
        // Once jgrid shows it, with no pause for the recovery file: the
        // signal itself must write what is being typed.
        pty.assert_screen_contains(&format!("halftyped{signal}"), TIMEOUT);
        stop_with(&mut pty, signal);
        let mut check = home.start();
        check.assert_screen_contains("being typed", TIMEOUT);
        drop(check);
        recover_and_save_as(
            &home,
            &[&home.file],
            &format!("{signal}.toml"),
            &[&format!("committed{signal}"), &format!("halftyped{signal}")],
        );
    }
}

/// Beyond the letter of the issue: `T` puts the title on the command line
/// to edit it; a title being typed there is words the user wrote.
#[test]
fn a_half_typed_title_survives_a_hang_up() {
    let home = Home::new();
    let mut pty = home.ready();
    pty.keys("T");
    pty.assert_screen_contains(":title Moving house", TIMEOUT);
    pty.type_text(" (interview round two, Anna and Ben)");
    let_recovery_catch_up();
    stop_with(&mut pty, "HUP");
    recover_and_save_as(&home, &[&home.file], "title.toml", &["interview round two"]);
}

#[test]
fn a_damaged_recovery_file_survives_r_q_and_signals() {
    // Two kinds of damage: not TOML at all, and TOML whose journey is broken.
    let home = Home::new();
    let mut pty = home.ready();
    commit(&mut pty, "soon-damaged");
    stop_with(&mut pty, "HUP");
    let file = home.recovery_files().pop().unwrap();
    let good = fs::read_to_string(&file).unwrap();
    let cases = [
        ("journey damaged", good.replace("format = 1", "format = [[[")),
        ("not TOML", "this is \u{0} not [toml".to_owned()),
    ];
    for (what, damaged) in cases {
        fs::write(&file, &damaged).unwrap();
        // q at the question (or on the grid, when the file cannot be read at all).
        let mut pty = home.start();
        pty.assert_until("the question or the grid", TIMEOUT, |s| {
            s.contains("Unsaved changes found") || s.contains("NORMAL")
        });
        if pty.screen().contains("Unsaved changes found") {
            // r on a damaged file leaves it, then quit.
            pty.keys("r");
            pty.assert_screen_contains("damaged", TIMEOUT);
            pty.keys(":q!<Enter>");
        } else {
            pty.assert_screen_contains("could not be read", TIMEOUT);
            pty.keys("q");
        }
        pty.assert_exit_code(0, TIMEOUT);
        assert_eq!(fs::read_to_string(&file).unwrap(), damaged, "{what}: q/r removed or changed the recovery file");
        for signal in SIGNALS {
            let mut pty = home.start();
            pty.assert_until("the question or the grid", TIMEOUT, |s| {
                s.contains("Unsaved changes found") || s.contains("NORMAL")
            });
            stop_with(&mut pty, signal);
            assert_eq!(fs::read_to_string(&file).unwrap(), damaged, "{what}: SIG{signal} removed the file");
        }
        // It stays listed for the user to rescue by hand.
        let list = home.run(&["--recover-list"]);
        assert!(adversarial::stdout(&list).contains(&file.file_name().unwrap().to_string_lossy().to_string()));
    }
}

// ---------------------------------------------------------------------------
// 4. Recovering must not overwrite a colleague's change
// ---------------------------------------------------------------------------

fn hang_up_with_a_change(home: &Home, word: &str) {
    let mut pty = home.ready();
    commit(&mut pty, word);
    stop_with(&mut pty, "HUP");
}

fn colleague_adds(home: &Home, line: &str) {
    let o = home.run(&["add", "journey.toml", "--phase", "4", "--row", "1", line]);
    assert!(o.status.success(), "{}", adversarial::stderr(&o));
}

#[test]
fn recovering_then_ctrl_s_asks_when_a_colleague_changed_the_file() {
    let home = Home::new();
    hang_up_with_a_change(&home, "our-note");
    colleague_adds(&home, "colleague-note");
    let theirs = home.text();
    let mut pty = home.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("Recovered", TIMEOUT);
    pty.keys("<C-s>");
    pty.assert_until("the save asks", TIMEOUT, |s| s.contains("File changed on disk") || s.contains("Saved"));
    if !pty.screen().contains("File changed on disk") {
        pty.fail("Ctrl-s after recovering saved over the colleague's change");
    }
    assert_eq!(home.text(), theirs, "nothing was written before the answer");
    pty.keys("<Esc>");
    pty.assert_screen_contains("Not saved", TIMEOUT);
    pty.keys(":q!<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    assert!(home.text().contains("colleague-note"));
}

#[test]
fn recovering_then_wq_asks_and_does_not_quit_when_a_colleague_changed_the_file() {
    let home = Home::new();
    hang_up_with_a_change(&home, "our-note");
    let mut pty = home.start();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    // The colleague's change lands while the question is on screen.
    colleague_adds(&home, "colleague-note");
    let theirs = home.text();
    pty.keys("r");
    pty.assert_screen_contains("Recovered", TIMEOUT);
    pty.keys(":wq<Enter>");
    pty.assert_until("the save asks", TIMEOUT, |s| s.contains("File changed on disk") || s.contains("Saved"));
    assert!(pty.is_running(), ":wq quit over a colleague's change");
    pty.assert_screen_contains("File changed on disk", TIMEOUT);
    assert_eq!(home.text(), theirs);
    // Reloading keeps our recovered changes aside; nothing is lost either way.
    pty.keys("r");
    pty.assert_screen_contains("Reloaded", TIMEOUT);
    pty.keys(":q<Enter>");
    pty.assert_exit_code(0, TIMEOUT);
    let kept = home.recovery_dir().join("kept");
    let kept_text: String =
        fs::read_dir(kept).unwrap().map(|e| fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    assert!(kept_text.contains("our-note"), "our recovered note was kept aside");
    assert!(home.text().contains("colleague-note"));
}

#[test]
fn recovering_with_autosave_on_does_not_overwrite_a_colleagues_change() {
    let home = Home::new();
    let config = home.path().join("config.toml");
    fs::write(&config, "autosave = true\n").unwrap();
    // With autosave, a committed change is saved at once; a half-typed note is not.
    let mut pty =
        Pty::jgrid_builder().arg(&home.file).env("XDG_DATA_HOME", &home.data).env("JGRID_CONFIG", &config).spawn();
    pty.assert_screen_contains("NORMAL", TIMEOUT);
    pty.keys("jla");
    pty.type_text("autosave-half-typed");
    pty.assert_screen_contains("autosave-half-typed", TIMEOUT);
    stop_with(&mut pty, "HUP");
    colleague_adds(&home, "colleague-note");
    let theirs = home.text();
    let mut pty =
        Pty::jgrid_builder().arg(&home.file).env("XDG_DATA_HOME", &home.data).env("JGRID_CONFIG", &config).spawn();
    pty.assert_screen_contains("Unsaved changes found", TIMEOUT);
    pty.keys("r");
    pty.assert_screen_contains("autosave-half-typed", TIMEOUT);
    pty.keys("<Esc>");
    pty.assert_until("the autosave settles", TIMEOUT, |s| {
        s.contains("File changed on disk") || s.contains("Saved") || s.contains("[+] modified")
    });
    pty.wait_for_quiet(std::time::Duration::from_millis(300), TIMEOUT);
    assert!(
        home.text().contains("colleague-note"),
        "autosave after recovering overwrote the colleague's change:\n{}",
        pty.screen_dump()
    );
    assert_eq!(home.text(), theirs);
}

// ---------------------------------------------------------------------------
// 5. Two jgrids on one file
// ---------------------------------------------------------------------------

#[test]
fn two_jgrids_type_one_hangs_up_the_other_saves_and_the_hung_up_notes_come_back() {
    let home = Home::new();
    let mut a = home.ready();
    commit(&mut a, "alpha-note");
    let mut b = home.start();
    b.assert_screen_contains("Already open in another jgrid", TIMEOUT);
    b.assert_screen_contains("open anyway", TIMEOUT);
    b.assert_screen_contains("read-only", TIMEOUT);
    b.keys("o");
    b.assert_screen_contains("NORMAL", TIMEOUT);
    assert!(!b.screen().contains("Unsaved changes found"), "a running jgrid's recovery file was offered");
    b.keys("G");
    commit(&mut b, "beta-note");
    assert!(adversarial::eventually(|| home.recovery_files().len() == 2), "one recovery file per running jgrid");
    assert_eq!(home.session_locks().len(), 2, "one session lock per running jgrid");
    for f in home.recovery_files() {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("journey-") && name.ends_with(".toml"), "{name}");
    }
    stop_with(&mut a, "HUP");
    b.keys("<C-s>");
    b.assert_screen_contains("Saved", TIMEOUT);
    b.keys("q");
    b.assert_exit_code(0, TIMEOUT);
    assert!(home.text().contains("beta-note") && !home.text().contains("alpha-note"));
    assert_eq!(home.recovery_files().len(), 1, "B's save removed B's file only");
    // A's notes are offered at the next start, and saving them over B's save asks.
    let mut c = home.start();
    c.assert_screen_contains("Unsaved changes found", TIMEOUT);
    c.keys("r");
    c.assert_screen_contains("Recovered", TIMEOUT);
    c.keys("<C-s>");
    c.assert_until("the save asks", TIMEOUT, |s| s.contains("File changed on disk") || s.contains("Saved"));
    if !c.screen().contains("File changed on disk") {
        c.fail("saving A's recovered notes overwrote B's save without asking");
    }
    c.keys("w");
    c.assert_screen_contains("Save as:", TIMEOUT);
    c.type_text("alpha.toml");
    c.keys("<Enter>");
    c.assert_screen_contains("Saved", TIMEOUT);
    c.keys(":q<Enter>");
    c.assert_exit_code(0, TIMEOUT);
    assert!(fs::read_to_string(home.work().join("alpha.toml")).unwrap().contains("alpha-note"));
    assert!(home.text().contains("beta-note"));
}

#[test]
fn a_running_jgrids_recovery_file_is_never_offered_nor_removed_by_another() {
    let home = Home::new();
    let mut a = home.ready();
    commit(&mut a, "running-note");
    assert!(adversarial::eventually(|| home.recovery_files().len() == 1));
    let a_file = home.recovery_files()[0].clone();
    let a_text = fs::read(&a_file).unwrap();
    // q at the question.
    let mut b = home.start();
    b.assert_screen_contains("Already open in another jgrid", TIMEOUT);
    b.assert_screen_contains(&format!("pid {}", a.pid().unwrap()), TIMEOUT);
    b.keys("q");
    b.assert_exit_code(0, TIMEOUT);
    // Read-only: saving is refused, :q! quits.
    let mut b = home.start();
    b.assert_screen_contains("Already open in another jgrid", TIMEOUT);
    b.keys("r");
    b.assert_screen_contains("NORMAL", TIMEOUT);
    assert!(!b.screen().contains("Unsaved changes found"));
    commit(&mut b, "read-only-note");
    let before = home.text();
    b.keys("<C-s>");
    b.assert_screen_contains("Read-only", TIMEOUT);
    assert_eq!(home.text(), before, "a read-only jgrid saved");
    b.keys(":q!<Enter>");
    b.assert_exit_code(0, TIMEOUT);
    // Open anyway and quit at once; then open anyway, change and discard.
    for keys in [":q<Enter>", "x:q!<Enter>"] {
        let mut b = home.start();
        b.assert_screen_contains("Already open in another jgrid", TIMEOUT);
        b.keys("o");
        b.assert_screen_contains("NORMAL", TIMEOUT);
        assert!(!b.screen().contains("Unsaved changes found"), "the running jgrid's file was offered");
        b.keys(keys);
        b.assert_exit_code(0, TIMEOUT);
    }
    assert!(home.recovery_files().contains(&a_file), "another jgrid removed the running one's recovery file");
    assert_eq!(fs::read(&a_file).unwrap(), a_text);
    // --recover-list shows it as open in a running jgrid.
    let list = adversarial::stdout(&home.run(&["--recover-list"]));
    assert!(list.contains(&format!("open in a running jgrid, pid {}", a.pid().unwrap())), "{list}");
    assert!(list.contains(&a_file.display().to_string()), "{list}");
    stop_with(&mut a, "HUP");
    let list = adversarial::stdout(&home.run(&["--recover-list"]));
    assert!(!list.contains("open in a running jgrid"), "{list}");
    recover_and_save_as(&home, &[&home.file], "a.toml", &["running-note"]);
}

#[test]
fn recover_list_lists_every_recovery_file_and_each_is_offered_in_turn() {
    let home = Home::new();
    let other = home.work().join("other.toml");
    fs::copy(&home.file, &other).unwrap();
    // Two jgrids on journey.toml and one on other.toml, all typing, all killed.
    let mut a = home.ready();
    commit(&mut a, "first-session");
    let mut b = home.start();
    b.assert_screen_contains("Already open", TIMEOUT);
    b.keys("o");
    b.assert_screen_contains("NORMAL", TIMEOUT);
    b.keys("G");
    commit(&mut b, "second-session");
    let mut c = home.start_on(&[&other], 80, 24);
    c.assert_screen_contains("NORMAL", TIMEOUT);
    commit(&mut c, "other-session");
    assert!(adversarial::eventually(|| home.recovery_files().len() == 3));
    stop_with(&mut a, "HUP");
    assert!(b.kill_with("KILL"));
    b.wait_for_exit(TIMEOUT);
    stop_with(&mut c, "TERM");
    let list = adversarial::stdout(&home.run(&["--recover-list"]));
    for f in home.recovery_files() {
        assert!(list.contains(&f.display().to_string()), "{} missing from:\n{list}", f.display());
    }
    assert_eq!(list.matches("journey.toml").count(), 2, "{list}");
    assert_eq!(list.matches("other.toml").count(), 1, "{list}");
    // Both of journey.toml's are offered, one after the other.
    let first = recover_and_save_as(&home, &[&home.file], "one.toml", &[]);
    let second = recover_and_save_as(&home, &[&home.file], "two.toml", &[]);
    let both = format!("{first}{second}");
    assert!(both.contains("first-session") && both.contains("second-session"), "{both}");
    recover_and_save_as(&home, &[&other], "three.toml", &["other-session"]);
    assert!(home.recovery_files().is_empty(), "{:?}", home.recovery_files());
}
