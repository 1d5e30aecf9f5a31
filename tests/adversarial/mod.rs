//! Shared helpers of the adversarial suites (`tests/adversarial_*.rs`): a
//! private folder per test with a journey, a data directory for recovery
//! files, ways to run the real `jgrid` binary as a command or in a pty, and a
//! checker for control characters in jgrid's output.
//!
//! Use it with `mod support; mod adversarial;` in a test crate.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use crate::support::{Pty, SAMPLE, TIMEOUT};

/// The binary under test.
pub const JGRID: &str = env!("CARGO_BIN_EXE_jgrid");

/// A test's own folder: `work/journey.toml` (a copy of the sample journey)
/// and `data/` (its `XDG_DATA_HOME`, where recovery files live).
pub struct Home {
    pub dir: tempfile::TempDir,
    pub file: PathBuf,
    pub data: PathBuf,
}

impl Home {
    pub fn new() -> Self {
        let dir = tempfile::Builder::new().prefix("jgrid-adv-").tempdir().unwrap();
        let work = dir.path().join("work");
        fs::create_dir_all(&work).unwrap();
        let file = work.join("journey.toml");
        fs::copy(SAMPLE, &file).unwrap();
        let data = dir.path().join("data");
        Self { dir, file, data }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    /// jgrid on the journey in an 80x24 pty.
    pub fn start(&self) -> Pty {
        self.start_on(&[self.file.as_os_str()], 80, 24)
    }

    /// jgrid with these arguments in a pty of this size, in the work folder.
    pub fn start_on<S: AsRef<OsStr>>(&self, args: &[S], cols: u16, rows: u16) -> Pty {
        Pty::jgrid_builder()
            .args(args)
            .size(cols, rows)
            .cwd(self.work())
            .env("XDG_DATA_HOME", &self.data)
            .env_remove("JGRID_RECOVERY_DIR")
            .spawn()
    }

    /// jgrid started and ready on the grid (no question asked).
    pub fn ready(&self) -> Pty {
        let mut pty = self.start();
        pty.assert_screen_contains("NORMAL", TIMEOUT);
        pty
    }

    /// A `jgrid` command (not in a pty) with this test's data directory and a
    /// private HOME, in the work folder.
    pub fn command<S: AsRef<OsStr>>(&self, args: &[S]) -> Command {
        let mut cmd = Command::new(JGRID);
        cmd.args(args)
            .current_dir(self.work())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", &self.data)
            .env_remove("JGRID_RECOVERY_DIR")
            .stdin(Stdio::null());
        cmd
    }

    /// Run a `jgrid` command to its end.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Output {
        self.command(args).output().unwrap()
    }

    pub fn recovery_dir(&self) -> PathBuf {
        self.data.join("jgrid").join("recovery")
    }

    /// The recovery files (not the session locks, not the kept journeys).
    /// The recovery files, without the temporary files of a write under way.
    pub fn recovery_files(&self) -> Vec<PathBuf> {
        let mut all: Vec<PathBuf> = fs::read_dir(self.recovery_dir())
            .map(|d| d.map(|e| e.unwrap().path()).filter(|p| p.is_file() && !is_temporary(p)).collect())
            .unwrap_or_default();
        all.sort();
        all
    }

    /// The text of every recovery file, joined.
    pub fn recovery_text(&self) -> String {
        self.recovery_files().iter().map(|f| fs::read_to_string(f).unwrap_or_default()).collect()
    }

    /// The running-session lock files.
    pub fn session_locks(&self) -> Vec<PathBuf> {
        fs::read_dir(self.recovery_dir().join("sessions"))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    }

    pub fn text(&self) -> String {
        fs::read_to_string(&self.file).unwrap()
    }
}

/// The exit code jgrid gives for a signal (128 + its number).
pub fn signal_exit(signal: &str) -> u32 {
    match signal {
        "HUP" => 129,
        "INT" => 130,
        "QUIT" => 131,
        "TERM" => 143,
        other => panic!("no exit code known for SIG{other}"),
    }
}

/// Send `signal` to jgrid and check it stops the way a signal should: the
/// exit code 128 + signal, the terminal out of the alternate screen.
pub fn stop_with(pty: &mut Pty, signal: &str) {
    assert!(pty.kill_with(signal), "kill -{signal} failed");
    pty.assert_exit_code(signal_exit(signal), TIMEOUT);
    assert!(!pty.with_screen(|s| s.alternate_screen()), "SIG{signal}: the terminal was not restored");
}

/// Typed text reaches the recovery file within 0.9 s; wait that long (and
/// a margin) before a `kill -9`.
pub fn let_recovery_catch_up() {
    std::thread::sleep(Duration::from_millis(1300));
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Characters that must never reach a terminal from a file: C0 controls
/// (except line feed and, when `allow_crlf`, a carriage return before a line
/// feed), DEL, C1 controls, and bidi/invisible direction formatters.
pub fn forbidden(c: char) -> bool {
    matches!(c, '\0'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// Every forbidden character in `bytes`, with where it is and a little
/// context, for a failure message. Bytes that are not UTF-8 count too (a raw
/// 8-bit C1 byte would hide there).
pub fn control_chars(bytes: &[u8], allow_crlf: bool) -> Vec<String> {
    let mut found = Vec::new();
    if let Err(e) = std::str::from_utf8(bytes) {
        found.push(format!("the output is not UTF-8 from byte {}", e.valid_up_to()));
    }
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let crlf = c == '\r' && allow_crlf && chars.get(i + 1) == Some(&'\n');
        if forbidden(c) && !crlf {
            let context: String = chars[i.saturating_sub(12)..(i + 12).min(chars.len())].iter().collect();
            found.push(format!("U+{:04X} at char {i} in {:?}", c as u32, context));
        }
    }
    found
}

/// Panic with the offending characters when `bytes` carries any forbidden one.
pub fn assert_no_controls(what: &str, bytes: &[u8], allow_crlf: bool) {
    let found = control_chars(bytes, allow_crlf);
    assert!(
        found.is_empty(),
        "{what}: {} control character(s) from the file reached the output:\n  {}\n--- output ---\n{}",
        found.len(),
        found.iter().take(12).cloned().collect::<Vec<_>>().join("\n  "),
        String::from_utf8_lossy(&bytes[..bytes.len().min(3000)]).escape_debug()
    );
}

/// The raw output of a TUI session must not carry a hostile sequence from
/// the file. The TUI itself writes escape sequences, so this looks for the
/// payloads of [`hostile`] rather than for every ESC: the title sequence,
/// a BEL, a C1 control and a bidi override.
pub fn assert_tui_clean(what: &str, raw: &[u8]) {
    let window = |needle: &[u8]| raw.windows(needle.len()).position(|w| w == needle);
    let context = |at: usize| {
        String::from_utf8_lossy(&raw[at.saturating_sub(40)..(at + 40).min(raw.len())]).escape_debug().to_string()
    };
    for needle in [&b"\x1b]0;PWN"[..], b"\x1b[31;42mPWN", b"\x07", "\u{202e}".as_bytes(), "\u{2066}".as_bytes()] {
        if let Some(at) = window(needle) {
            panic!("{what}: {:?} reached the terminal: …{}…", String::from_utf8_lossy(needle), context(at));
        }
    }
    // C1 controls in UTF-8: C2 80..C2 9F (C2 is never a continuation byte).
    if let Some(at) = raw.windows(2).position(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1])) {
        panic!("{what}: a C1 control (U+{:04X}) reached the terminal: …{}…", raw[at + 1], context(at));
    }
}

/// A hostile piece of text for field `tag`: an OSC title sequence, a colour
/// sequence, a C1 CSI, a bidi override, an isolate and DEL, around readable
/// words that say which field it came from.
pub fn hostile(tag: &str) -> String {
    format!("{tag}\u{1b}]0;PWN{tag}\u{7}x\u{1b}[31;42mPWN\u{9b}2J\u{202e}\u{2066}\u{7f}{tag}end")
}

/// The `i`-th executable script in `dir` with this shell body.
#[cfg(unix)]
pub fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// The effective user id of this process (from /proc/self/status), to tell
/// whether folder permissions stop us (they do not stop root).
pub fn effective_uid() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

/// Files in `dir` other than these names (left-over temporary or lock files).
pub fn strays(dir: &Path, expected: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !expected.contains(&n.as_str()))
        .collect();
    names.sort();
    names
}

/// Wait until `cond` holds (polling), up to `TIMEOUT`; false on timeout.
pub fn eventually(mut cond: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + TIMEOUT;
    while std::time::Instant::now() < deadline {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    cond()
}

/// A temporary file that an atomic write is filling (`.NAME.RANDOM`), which
/// becomes NAME when the write is done: not a file of its own yet.
fn is_temporary(path: &std::path::Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}
