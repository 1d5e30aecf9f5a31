//! Self-test of the pty harness in `tests/support`, run against ordinary
//! programs (`sh`, `cat`, `sleep`, `stty`), not against jgrid.

mod support;

use std::time::{Duration, Instant};

use support::{Pty, TIMEOUT, parse_keys, paste_bytes};

fn sh(script: &str, cols: u16, rows: u16) -> Pty {
    Pty::spawn("sh", &["-c", script], cols, rows, &[])
}

fn k(b: &[u8]) -> Vec<u8> {
    b.to_vec()
}

// ----- pure: key spec ------------------------------------------------------

#[test]
fn key_spec_plain_characters_are_one_key_each() {
    assert_eq!(parse_keys("jjl"), vec![k(b"j"), k(b"j"), k(b"l")]);
    assert_eq!(parse_keys("a>b"), vec![k(b"a"), k(b">"), k(b"b")]);
    assert_eq!(parse_keys("é✓"), vec!["é".as_bytes().to_vec(), "✓".as_bytes().to_vec()]);
    assert!(parse_keys("").is_empty());
}

#[test]
fn key_spec_example_from_brief() {
    assert_eq!(
        parse_keys("jjl<Enter>hello<Esc><C-s>q"),
        vec![
            k(b"j"),
            k(b"j"),
            k(b"l"),
            k(b"\r"),
            k(b"h"),
            k(b"e"),
            k(b"l"),
            k(b"l"),
            k(b"o"),
            k(b"\x1b"),
            k(b"\x13"),
            k(b"q"),
        ]
    );
}

#[test]
fn key_spec_named_keys() {
    let cases: &[(&str, &[u8])] = &[
        ("<Esc>", b"\x1b"),
        ("<Enter>", b"\r"),
        ("<CR>", b"\r"),
        ("<Tab>", b"\t"),
        ("<S-Tab>", b"\x1b[Z"),
        ("<BS>", b"\x7f"),
        ("<Del>", b"\x1b[3~"),
        ("<Ins>", b"\x1b[2~"),
        ("<Up>", b"\x1b[A"),
        ("<Down>", b"\x1b[B"),
        ("<Right>", b"\x1b[C"),
        ("<Left>", b"\x1b[D"),
        ("<Home>", b"\x1b[H"),
        ("<End>", b"\x1b[F"),
        ("<PgUp>", b"\x1b[5~"),
        ("<PgDn>", b"\x1b[6~"),
        ("<F1>", b"\x1bOP"),
        ("<F4>", b"\x1bOS"),
        ("<F5>", b"\x1b[15~"),
        ("<F12>", b"\x1b[24~"),
        ("<Space>", b" "),
        ("<lt>", b"<"),
        ("<gt>", b">"),
        // case-insensitive names
        ("<esc>", b"\x1b"),
        ("<ENTER>", b"\r"),
        ("<pgdn>", b"\x1b[6~"),
    ];
    for (spec, want) in cases {
        assert_eq!(parse_keys(spec), vec![want.to_vec()], "spec {spec}");
    }
}

#[test]
fn key_spec_ctrl_and_alt() {
    let cases: &[(&str, &[u8])] = &[
        ("<C-a>", b"\x01"),
        ("<C-s>", b"\x13"),
        ("<C-z>", b"\x1a"),
        ("<C-S>", b"\x13"),
        ("<c-c>", b"\x03"),
        ("<C-Space>", b"\x00"),
        ("<C-]>", b"\x1d"),
        ("<A-x>", b"\x1bx"),
        ("<M-x>", b"\x1bx"),
        ("<A-X>", b"\x1bX"),
        ("<A-C-x>", b"\x1b\x18"),
        ("<A-Enter>", b"\x1b\r"),
        ("<A-BS>", b"\x1b\x7f"),
        ("<A->>", b"\x1b>"),
        ("<A-<>", b"\x1b<"),
        ("<S-x>", b"X"),
    ];
    for (spec, want) in cases {
        assert_eq!(parse_keys(spec), vec![want.to_vec()], "spec {spec}");
    }
}

#[test]
fn key_spec_modified_cursor_keys_use_xterm_encoding() {
    let cases: &[(&str, &[u8])] = &[
        ("<S-Up>", b"\x1b[1;2A"),
        ("<A-Down>", b"\x1b[1;3B"),
        ("<C-Right>", b"\x1b[1;5C"),
        ("<C-S-Left>", b"\x1b[1;6D"),
        ("<S-Home>", b"\x1b[1;2H"),
        ("<C-End>", b"\x1b[1;5F"),
        ("<S-Del>", b"\x1b[3;2~"),
        ("<C-PgDn>", b"\x1b[6;5~"),
        ("<S-F1>", b"\x1b[1;2P"),
        ("<C-F5>", b"\x1b[15;5~"),
    ];
    for (spec, want) in cases {
        assert_eq!(parse_keys(spec), vec![want.to_vec()], "spec {spec}");
    }
}

#[test]
fn key_spec_mixed_sequence() {
    assert_eq!(parse_keys("a<lt>b<Left><C-x>"), vec![k(b"a"), k(b"<"), k(b"b"), k(b"\x1b[D"), k(b"\x18")]);
}

#[test]
#[should_panic(expected = "unknown key <Nope>")]
fn key_spec_unknown_name_panics() {
    parse_keys("a<Nope>");
}

#[test]
#[should_panic(expected = "unterminated '<'")]
fn key_spec_bare_lt_panics() {
    parse_keys("a<b");
}

#[test]
#[should_panic(expected = "unknown key <C-1>")]
fn key_spec_unsupported_ctrl_panics() {
    parse_keys("<C-1>");
}

// ----- pure: paste -----------------------------------------------------------

#[test]
fn paste_bytes_are_bracketed() {
    assert_eq!(paste_bytes("hi\nthere"), b"\x1b[200~hi\nthere\x1b[201~".to_vec());
    assert_eq!(paste_bytes(""), b"\x1b[200~\x1b[201~".to_vec());
    assert_eq!(paste_bytes("é"), "\x1b[200~é\x1b[201~".as_bytes().to_vec());
}

// ----- live: output, screen, exit ------------------------------------------

#[test]
fn output_appears_on_screen_and_exit_code_is_read() {
    // The tty's onlcr turns the child's \n into \r\n.
    let mut pty = sh("printf 'hello\\nworld'; exit 3", 40, 5);
    pty.assert_screen_contains("world", TIMEOUT);
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(3));
    assert_eq!(pty.screen(), "hello\nworld\n\n\n");
    assert_eq!(pty.row(0), "hello");
    assert_eq!(pty.row(1), "world");
    assert_eq!(pty.cursor(), (1, 5));
    assert_eq!(pty.raw_output(), b"hello\r\nworld".to_vec());
    assert_eq!(pty.bytes_received(), 12);
    assert!(pty.output_closed());
}

#[test]
fn exit_code_zero_and_status() {
    let mut pty = sh("true", 20, 3);
    let status = pty.expect_exit(TIMEOUT);
    assert!(status.success());
    // Repeated calls return the cached status.
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
    assert!(!pty.is_running());
}

#[test]
fn assert_exit_code_passes_on_match() {
    let mut pty = sh("exit 7", 20, 3);
    pty.assert_exit_code(7, TIMEOUT);
}

#[test]
fn escape_sequences_are_interpreted() {
    // Clear, move to row 3 col 5 (1-based), write, then colour.
    let mut pty = sh("printf '\\033[2J\\033[3;5HX\\033[1;31mR\\033[0m'", 20, 5);
    pty.assert_screen_contains("XR", TIMEOUT);
    assert_eq!(pty.row(2), "    XR");
    pty.with_screen(|s| {
        let cell = s.cell(2, 5).expect("cell");
        assert_eq!(cell.contents(), "R");
        assert!(cell.bold());
        assert_eq!(cell.fgcolor(), vt100::Color::Idx(1));
    });
}

#[test]
fn term_and_env_and_cwd_are_passed() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::builder("sh")
        .args(["-c", "printf '%s|%s|%s' \"$TERM\" \"$FOO\" \"$(pwd -P)\""])
        .size(200, 5)
        .env("FOO", "bar baz")
        .cwd(dir.path())
        .spawn();
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
    let cwd = dir.path().canonicalize().unwrap();
    assert_eq!(pty.row(0), format!("xterm-256color|bar baz|{}", cwd.display()));
}

#[test]
fn default_cwd_is_current_dir() {
    let mut pty = Pty::spawn("sh", &["-c", "pwd -P"], 200, 3, &[]);
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
    let here = std::env::current_dir().unwrap().canonicalize().unwrap();
    assert_eq!(pty.row(0), here.display().to_string());
}

#[test]
fn sandbox_home_overrides_home_and_xdg() {
    let mut pty = Pty::builder("sh")
        .args(["-c", "printf '%s\\n%s' \"$HOME\" \"$XDG_CONFIG_HOME\""])
        .size(200, 4)
        .sandbox_home(true)
        .spawn();
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
    let home = pty.row(0);
    assert!(home.contains("jgrid-pty-home-"), "{home}");
    assert_eq!(pty.row(1), format!("{home}/.config"));
    assert_ne!(Some(home), std::env::var("HOME").ok());
}

#[test]
fn env_remove_drops_inherited_variable() {
    // PATH is always inherited; remove HOME instead, which sh leaves unset.
    let mut pty = Pty::builder("sh").args(["-c", "printf '[%s]' \"${HOME-unset}\""]).env_remove("HOME").spawn();
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
    assert_eq!(pty.row(0), "[unset]");
}

// ----- live: input -----------------------------------------------------------

#[test]
fn keys_reach_cat_in_raw_mode() {
    // Raw mode, no echo: od shows exactly the bytes the keys produced.
    let mut pty = sh("stty raw -echo; printf 'ready\\r\\n'; head -c 9 | od -An -tx1; stty sane", 80, 6);
    pty.assert_screen_contains("ready", TIMEOUT);
    pty.keys("a<Esc><Up><C-c><Enter>");
    // a(1) ESC(1) ESC [ A(3) ^C(1) CR(1) = 7 bytes; 2 more to reach 9.
    pty.send(b"zz");
    pty.assert_screen_contains("61 1b 1b 5b 41 03 0d 7a 7a", TIMEOUT);
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
}

#[test]
fn cat_echoes_typed_text() {
    let mut pty = Pty::spawn("cat", &[], 40, 5, &[]);
    pty.type_text("abc<def>");
    pty.keys("<Enter>");
    // cooked mode: the tty echoes the line, then cat prints it again.
    pty.assert_until("line twice", TIMEOUT, |s| s.matches("abc<def>").count() == 2);
    pty.send(&[0x04]); // ^D: EOF for cat
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
}

#[test]
fn paste_arrives_bracketed() {
    let mut pty = sh("stty raw -echo; printf 'ready\\r\\n'; head -c 16 | od -An -c; stty sane", 80, 6);
    pty.assert_screen_contains("ready", TIMEOUT);
    pty.paste("x\ny");
    // ESC[200~ (6) + 3 + ESC[201~ (6) = 15 bytes; one more.
    pty.send(b"!");
    pty.assert_screen_contains("033   [   2   0   0   ~   x  \\n   y 033   [   2   0   1   ~", TIMEOUT);
}

// ----- live: resize, signals, kill -----------------------------------------

#[test]
fn stty_size_reports_initial_size() {
    let mut pty = sh("stty size", 33, 7);
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
    assert_eq!(pty.row(0), "7 33");
    assert_eq!(pty.size(), (33, 7));
}

#[test]
fn resize_changes_pty_and_screen() {
    let mut pty = sh("printf 'go\\r\\n'; sleep 0.3; stty size", 40, 10);
    pty.assert_screen_contains("go", TIMEOUT);
    pty.resize(100, 30);
    assert_eq!(pty.size(), (100, 30));
    pty.assert_screen_contains("30 100", TIMEOUT);
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
    assert_eq!(pty.screen().split('\n').count(), 30);
}

#[test]
fn resize_delivers_sigwinch() {
    let mut pty = sh("trap 'stty size; exit 0' WINCH; printf 'armed\\r\\n'; while :; do sleep 0.05; done", 40, 10);
    pty.assert_screen_contains("armed", TIMEOUT);
    pty.resize(50, 12);
    pty.assert_screen_contains("12 50", TIMEOUT);
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(0));
}

#[test]
fn kill_with_sends_named_signal() {
    let mut pty =
        sh("trap 'printf \"got-usr1\\r\\n\"; exit 5' USR1; printf 'armed\\r\\n'; while :; do sleep 0.05; done", 40, 5);
    pty.assert_screen_contains("armed", TIMEOUT);
    assert!(pty.pid().is_some());
    assert!(pty.kill_with("USR1"));
    pty.assert_screen_contains("got-usr1", TIMEOUT);
    assert_eq!(pty.wait_for_exit(TIMEOUT), Some(5));
}

#[test]
fn killed_by_signal_is_reported() {
    let mut pty = Pty::spawn("sleep", &["30"], 20, 3, &[]);
    assert!(pty.is_running());
    assert!(pty.kill_with("SIGTERM"));
    let status = pty.expect_exit(TIMEOUT);
    assert!(!status.success());
    assert!(status.signal().is_some(), "{status:?}");
}

#[test]
fn drop_kills_running_child() {
    let pty = Pty::spawn("sleep", &["30"], 20, 3, &[]);
    let pid = pty.pid().unwrap();
    drop(pty);
    // kill -0 fails once the process is gone (it was reaped on drop).
    let alive = std::process::Command::new("sh")
        .args(["-c", &format!("kill -0 {pid} 2>/dev/null")])
        .status()
        .unwrap()
        .success();
    assert!(!alive, "pid {pid} survived drop");
}

// ----- live: timeouts never hang ---------------------------------------------

#[test]
fn wait_for_times_out() {
    let mut pty = Pty::spawn("sleep", &["30"], 20, 3, &[]);
    let start = Instant::now();
    assert!(!pty.wait_for("never", Duration::from_millis(200)));
    assert!(pty.wait_for_exit(Duration::from_millis(100)).is_none());
    assert!(start.elapsed() < Duration::from_secs(3));
}

#[test]
fn assert_screen_contains_panics_with_screen_dump() {
    let mut pty = sh("printf 'visible text'; sleep 30", 30, 3);
    pty.assert_screen_contains("visible", TIMEOUT);
    let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pty.assert_screen_contains("absent", Duration::from_millis(100));
    }))
    .expect_err("should panic");
    let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(msg.contains("screen did not contain \"absent\""), "{msg}");
    assert!(msg.contains("  0|visible text"), "{msg}");
    assert!(msg.contains("--- screen 30x3"), "{msg}");
}

#[test]
fn wait_for_quiet_and_output_since() {
    let mut pty = sh("printf one; sleep 0.2; printf two; sleep 30", 30, 3);
    pty.assert_screen_contains("one", TIMEOUT);
    let mark = pty.bytes_received();
    pty.assert_screen_contains("onetwo", TIMEOUT);
    assert_eq!(pty.output_since(mark), b"two".to_vec());
    assert!(pty.wait_for_quiet(Duration::from_millis(100), TIMEOUT));
    pty.assert_screen_lacks("three", Duration::from_millis(50));
}
