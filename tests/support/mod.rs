//! Pseudo-terminal test harness for end-to-end tests.
//!
//! Use it from an integration test with `mod support;` and
//! `use support::Pty;`.
//!
//! A [`Pty`] runs a child process on the slave side of a fresh
//! pseudo-terminal. A background thread reads everything the child writes,
//! keeps the raw bytes, and feeds them to a `vt100` parser, so a test can
//! look at the screen the way a user would see it. Input is written by a
//! second background thread, so a child that stops reading cannot block the
//! test forever.
//!
//! Every wait has a timeout. The `assert_*` and `expect_*` helpers panic on
//! timeout, and the panic message includes the current screen.
//!
//! Not every test crate uses every helper, hence the module-wide
//! `allow(dead_code)`.
#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// A generous default timeout for waits in tests. Every wait returns as soon
/// as its condition holds; the bound is wide because CI runs hundreds of
/// pseudo-terminals at once on two shared cores with a debug build.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Pause after each key written by [`Pty::keys`], so the application reads
/// each key as its own event (a lone ESC must not merge with the next key).
pub const KEY_DELAY: Duration = Duration::from_millis(15);

/// How long a single write to the pty may block before the test panics.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// How often the wait helpers look at the screen again.
const POLL: Duration = Duration::from_millis(10);

/// Bracketed-paste start marker.
pub const PASTE_START: &[u8] = b"\x1b[200~";
/// Bracketed-paste end marker.
pub const PASTE_END: &[u8] = b"\x1b[201~";

// ---------------------------------------------------------------------------
// Shared output state
// ---------------------------------------------------------------------------

struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The reader saw end of file (or an error): the slave side is closed.
    eof: bool,
}

fn nz(n: u16, what: &str) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or_else(|| panic!("pty {what} must be > 0"))
}

fn lock(output: &Mutex<Output>) -> MutexGuard<'_, Output> {
    // A panic while the lock was held cannot leave `Output` in a state we
    // care about, so look through poisoning.
    output.lock().unwrap_or_else(|e| e.into_inner())
}

// ---------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------

/// Describes a child process to run in a pty. Finish with [`PtyBuilder::spawn`].
#[derive(Debug, Clone)]
pub struct PtyBuilder {
    program: OsString,
    args: Vec<OsString>,
    cols: u16,
    rows: u16,
    env: Vec<(OsString, OsString)>,
    env_remove: Vec<OsString>,
    cwd: Option<PathBuf>,
    sandbox_home: bool,
}

impl PtyBuilder {
    /// A program (a path, or a name looked up in `PATH`) in an 80x24 pty.
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        Self {
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            cols: 80,
            rows: 24,
            env: Vec::new(),
            env_remove: Vec::new(),
            cwd: None,
            sandbox_home: false,
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Terminal size in columns x rows.
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Set an environment variable. Later calls win over earlier ones and
    /// over the harness defaults (`TERM`, sandbox variables).
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.env.push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    pub fn envs(mut self, vars: &[(&str, &str)]) -> Self {
        for (k, v) in vars {
            self = self.env(k, v);
        }
        self
    }

    /// Do not pass this variable on from the test's own environment.
    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Self {
        self.env_remove.push(key.as_ref().to_owned());
        self
    }

    /// Working directory. Defaults to the test's current directory (the
    /// package root under `cargo test`).
    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Self {
        self.cwd = Some(dir.as_ref().to_owned());
        self
    }

    /// Point `HOME` and the `XDG_*_HOME` directories at a fresh temporary
    /// directory that lives as long as the [`Pty`], so the child never reads
    /// or writes the real user's configuration. Variables given with
    /// [`PtyBuilder::env`] still win.
    pub fn sandbox_home(mut self, on: bool) -> Self {
        self.sandbox_home = on;
        self
    }

    pub fn spawn(self) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize { rows: self.rows, cols: self.cols, pixel_width: 0, pixel_height: 0 })
            .expect("openpty failed");

        let mut cmd = CommandBuilder::new(&self.program);
        cmd.args(&self.args);
        // portable-pty falls back to $HOME when no cwd is set; tests expect
        // the usual current directory instead.
        let cwd = match self.cwd {
            Some(dir) => dir,
            None => std::env::current_dir().expect("current_dir"),
        };
        assert!(cwd.is_dir(), "pty cwd {} is not a directory", cwd.display());
        cmd.cwd(&cwd);
        for key in &self.env_remove {
            cmd.env_remove(key);
        }
        cmd.env("TERM", "xterm-256color");
        // A UTF-8 locale, whatever the test runs in (outside one, jgrid draws in ASCII).
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");

        let sandbox = if self.sandbox_home {
            let dir = tempfile::Builder::new().prefix("jgrid-pty-home-").tempdir().expect("create sandbox home");
            let p = dir.path();
            cmd.env("HOME", p);
            cmd.env("XDG_CONFIG_HOME", p.join(".config"));
            cmd.env("XDG_DATA_HOME", p.join(".local/share"));
            cmd.env("XDG_STATE_HOME", p.join(".local/state"));
            cmd.env("XDG_CACHE_HOME", p.join(".cache"));
            Some(dir)
        } else {
            None
        };

        for (k, v) in &self.env {
            cmd.env(k, v);
        }

        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("failed to spawn {:?} {:?} in a pty: {e:#}", self.program, self.args));
        // Close our copy of the slave so the reader sees EOF once the child
        // (and anything it started) has exited.
        drop(pair.slave);

        let master = pair.master;
        let reader = master.try_clone_reader().expect("try_clone_reader");
        let writer = master.take_writer().expect("take_writer");

        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nz(self.rows, "rows"), nz(self.cols, "cols"), 0),
            raw: Vec::new(),
            eof: false,
        }));
        spawn_reader(reader, Arc::clone(&output));
        let (write_tx, ack_rx) = spawn_writer(writer);

        Pty {
            program: self.program,
            master,
            child,
            output,
            write_tx: Some(write_tx),
            ack_rx,
            exit: None,
            key_delay: KEY_DELAY,
            _sandbox: sandbox,
        }
    }
}

fn spawn_reader(mut reader: Box<dyn Read + Send>, output: Arc<Mutex<Output>>) {
    thread::Builder::new()
        .name("pty-reader".into())
        .spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        let mut out = lock(&output);
                        out.raw.extend_from_slice(&buf[..n]);
                        out.parser.process(&buf[..n]);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // EIO is how Linux reports "slave closed".
                    Err(_) => break,
                }
            }
            lock(&output).eof = true;
        })
        .expect("spawn pty reader thread");
}

type WriteAck = std::io::Result<()>;

fn spawn_writer(mut writer: Box<dyn Write + Send>) -> (Sender<Vec<u8>>, Receiver<WriteAck>) {
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let (ack_tx, ack_rx) = mpsc::channel::<WriteAck>();
    thread::Builder::new()
        .name("pty-writer".into())
        .spawn(move || {
            for bytes in rx {
                let res = writer.write_all(&bytes).and_then(|()| writer.flush());
                if ack_tx.send(res).is_err() {
                    break;
                }
            }
        })
        .expect("spawn pty writer thread");
    (tx, ack_rx)
}

// ---------------------------------------------------------------------------
// Pty
// ---------------------------------------------------------------------------

/// A child process running in a pseudo-terminal, plus a virtual screen of
/// its output. The child is killed when the `Pty` is dropped.
pub struct Pty {
    program: OsString,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
    write_tx: Option<Sender<Vec<u8>>>,
    ack_rx: Receiver<WriteAck>,
    exit: Option<ExitStatus>,
    key_delay: Duration,
    _sandbox: Option<tempfile::TempDir>,
}

impl Pty {
    /// Start describing a child process; see [`PtyBuilder`].
    pub fn builder(program: impl AsRef<OsStr>) -> PtyBuilder {
        PtyBuilder::new(program)
    }

    /// Spawn `program` (a path, or a name looked up in `PATH`) with `args` in
    /// a `cols` x `rows` pty, in the current directory, with the test's
    /// environment plus `TERM=xterm-256color`, `LANG=C.UTF-8` plus `env`.
    pub fn spawn(program: impl AsRef<OsStr>, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        PtyBuilder::new(program).args(args).size(cols, rows).envs(env).spawn()
    }

    /// A builder for the `jgrid` binary under test, with a sandboxed
    /// `HOME`/`XDG_*_HOME` (see [`PtyBuilder::sandbox_home`]).
    pub fn jgrid_builder() -> PtyBuilder {
        PtyBuilder::new(env!("CARGO_BIN_EXE_jgrid")).sandbox_home(true)
    }

    /// Run the `jgrid` binary under test; see [`Pty::jgrid_builder`].
    pub fn jgrid(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        Self::jgrid_builder().args(args).size(cols, rows).envs(env).spawn()
    }

    // ----- input ----------------------------------------------------------

    /// Write raw bytes to the child's terminal in one write. Panics if the
    /// write fails or blocks for more than 10 s.
    pub fn send(&mut self, bytes: &[u8]) {
        let tx = self.write_tx.as_ref().expect("pty writer is closed");
        if tx.send(bytes.to_vec()).is_err() {
            self.fail("pty writer thread has stopped");
        }
        match self.ack_rx.recv_timeout(WRITE_TIMEOUT) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => self.fail(&format!("write of {bytes:?} to pty failed: {e}")),
            Err(RecvTimeoutError::Timeout) => self.fail(&format!(
                "write of {} bytes to pty blocked for {WRITE_TIMEOUT:?} (child not reading?)",
                bytes.len()
            )),
            Err(RecvTimeoutError::Disconnected) => self.fail("pty writer thread has stopped"),
        }
    }

    /// Write a string as-is, in one write.
    pub fn send_str(&mut self, s: &str) {
        self.send(s.as_bytes());
    }

    /// Type keys from a compact spec (see [`parse_keys`]), one write per key
    /// with a short pause after each.
    pub fn keys(&mut self, spec: &str) {
        for key in parse_keys(spec) {
            self.send(&key);
            thread::sleep(self.key_delay);
        }
    }

    /// Type `text` literally (no `<...>` parsing), one character per write.
    pub fn type_text(&mut self, text: &str) {
        let mut buf = [0u8; 4];
        for c in text.chars() {
            self.send(c.encode_utf8(&mut buf).as_bytes());
            thread::sleep(self.key_delay);
        }
    }

    /// Change the pause used by [`Pty::keys`] and [`Pty::type_text`].
    pub fn set_key_delay(&mut self, delay: Duration) {
        self.key_delay = delay;
    }

    /// Send `text` as a bracketed paste, in one write.
    pub fn paste(&mut self, text: &str) {
        self.send(&paste_bytes(text));
        thread::sleep(self.key_delay);
    }

    /// Resize the terminal: the virtual screen first, then the pty (which
    /// sends SIGWINCH to the child's foreground process group).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.output).parser.screen_mut().set_size(nz(rows, "rows"), nz(cols, "cols"));
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize pty");
    }

    // ----- screen ---------------------------------------------------------

    /// The visible screen: one line per terminal row (trailing blanks
    /// trimmed), joined by `\n`.
    pub fn screen(&self) -> String {
        self.with_screen(screen_text)
    }

    /// One row of the visible screen (trailing blanks trimmed).
    pub fn row(&self, row: u16) -> String {
        self.with_screen(|s| {
            let (_, cols) = s.size();
            s.rows(0, cols.get())
                .nth(usize::from(row))
                .map(|r| r.trim_end().to_string())
                .unwrap_or_else(|| panic!("row {row} is off screen"))
        })
    }

    /// `(row, col)` of the cursor, zero-based.
    pub fn cursor(&self) -> (u16, u16) {
        self.with_screen(|s| s.cursor_position())
    }

    /// `(cols, rows)` of the virtual screen.
    pub fn size(&self) -> (u16, u16) {
        self.with_screen(|s| {
            let (rows, cols) = s.size();
            (cols.get(), rows.get())
        })
    }

    /// Run `f` on the `vt100` screen, for colours, attributes, cursor
    /// visibility, alternate screen and so on.
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(lock(&self.output).parser.screen())
    }

    /// The screen with row numbers and a header, for failure messages.
    pub fn screen_dump(&self) -> String {
        self.with_screen(dump_screen)
    }

    // ----- raw output -----------------------------------------------------

    /// Number of bytes the child has written so far. Also usable as a mark
    /// for [`Pty::output_since`].
    pub fn bytes_received(&self) -> usize {
        lock(&self.output).raw.len()
    }

    /// Every byte the child has written so far.
    pub fn raw_output(&self) -> Vec<u8> {
        lock(&self.output).raw.clone()
    }

    /// Bytes written after `mark` (an earlier [`Pty::bytes_received`]).
    pub fn output_since(&self, mark: usize) -> Vec<u8> {
        let out = lock(&self.output);
        out.raw.get(mark..).unwrap_or_default().to_vec()
    }

    /// The reader has seen end of file: the terminal's slave side is closed.
    pub fn output_closed(&self) -> bool {
        lock(&self.output).eof
    }

    // ----- waiting --------------------------------------------------------

    /// Wait until `pred(screen text)` holds. Returns false on timeout.
    pub fn wait_until(&mut self, timeout: Duration, mut pred: impl FnMut(&str) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if pred(&self.screen()) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            thread::sleep(POLL);
        }
    }

    /// Wait until the screen contains `needle`. Returns false on timeout.
    pub fn wait_for(&mut self, needle: &str, timeout: Duration) -> bool {
        self.wait_until(timeout, |s| s.contains(needle))
    }

    /// Wait until the screen no longer contains `needle`.
    pub fn wait_for_absent(&mut self, needle: &str, timeout: Duration) -> bool {
        self.wait_until(timeout, |s| !s.contains(needle))
    }

    /// Wait until the child has written nothing for `quiet`. Returns false
    /// if output was still arriving at `timeout`.
    pub fn wait_for_quiet(&mut self, quiet: Duration, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut last_len = self.bytes_received();
        let mut last_change = Instant::now();
        loop {
            let len = self.bytes_received();
            if len != last_len {
                last_len = len;
                last_change = Instant::now();
            } else if last_change.elapsed() >= quiet {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            thread::sleep(POLL);
        }
    }

    /// Press each step's keys and wait until the screen shows its text.
    pub fn walk(&mut self, steps: &[(&str, &str)], timeout: Duration) {
        for (keys, expect) in steps {
            self.keys(keys);
            self.assert_screen_contains(expect, timeout);
        }
    }

    /// Like [`Pty::wait_for`], but panics with the screen on timeout.
    pub fn assert_screen_contains(&mut self, needle: &str, timeout: Duration) {
        if !self.wait_for(needle, timeout) {
            self.fail(&format!("screen did not contain {needle:?} within {timeout:?}"));
        }
    }

    /// Like [`Pty::wait_for_absent`], but panics with the screen on timeout.
    pub fn assert_screen_lacks(&mut self, needle: &str, timeout: Duration) {
        if !self.wait_for_absent(needle, timeout) {
            self.fail(&format!("screen still contained {needle:?} after {timeout:?}"));
        }
    }

    /// Like [`Pty::wait_until`], but panics with `what` and the screen on
    /// timeout.
    pub fn assert_until(&mut self, what: &str, timeout: Duration, pred: impl FnMut(&str) -> bool) {
        if !self.wait_until(timeout, pred) {
            self.fail(&format!("timed out after {timeout:?} waiting for: {what}"));
        }
    }

    // ----- process --------------------------------------------------------

    /// The child's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Send a signal by name (`"HUP"`, `"TERM"`, `"INT"`, `"WINCH"`, ...)
    /// using the shell's `kill`. Returns whether `kill` succeeded.
    pub fn kill_with(&self, signal: &str) -> bool {
        let Some(pid) = self.pid() else { return false };
        let signal = signal.trim_start_matches("SIG");
        std::process::Command::new("sh")
            .args(["-c", "kill -s \"$1\" \"$2\"", "sh", signal, &pid.to_string()])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    /// The exit status, if the child has exited (does not wait).
    pub fn try_exit_status(&mut self) -> Option<ExitStatus> {
        if self.exit.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.exit = Some(status);
        }
        self.exit.clone()
    }

    /// Whether the child is still running.
    pub fn is_running(&mut self) -> bool {
        self.try_exit_status().is_none()
    }

    /// Wait for the child to exit and return its full status, then give the
    /// reader a moment to collect the child's last output. `None` on
    /// timeout.
    pub fn wait_for_exit_status(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.try_exit_status() {
                break status;
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(POLL);
        };
        // Drain: wait for EOF on the master. A grandchild holding the
        // terminal open would delay EOF forever, so bound the wait.
        let drain_deadline = Instant::now() + Duration::from_secs(1);
        while !self.output_closed() && Instant::now() < drain_deadline {
            thread::sleep(Duration::from_millis(5));
        }
        Some(status)
    }

    /// Wait for the child to exit and return its exit code (1 if it was
    /// killed by a signal; use [`Pty::wait_for_exit_status`] to tell).
    /// `None` on timeout.
    pub fn wait_for_exit(&mut self, timeout: Duration) -> Option<u32> {
        self.wait_for_exit_status(timeout).map(|s| s.exit_code())
    }

    /// Like [`Pty::wait_for_exit_status`], but panics with the screen on
    /// timeout.
    pub fn expect_exit(&mut self, timeout: Duration) -> ExitStatus {
        match self.wait_for_exit_status(timeout) {
            Some(status) => status,
            None => self.fail(&format!("child did not exit within {timeout:?}")),
        }
    }

    /// Wait for exit and assert the exit code (and that no signal killed
    /// it). Panics with the screen on timeout or mismatch.
    pub fn assert_exit_code(&mut self, code: u32, timeout: Duration) {
        let status = self.expect_exit(timeout);
        if status.signal().is_some() || status.exit_code() != code {
            self.fail(&format!("expected exit code {code}, got {status:?}"));
        }
    }

    /// Kill the child (SIGHUP, then SIGKILL after a short grace period) and
    /// reap it. Does nothing if it already exited.
    pub fn kill(&mut self) {
        if self.try_exit_status().is_some() {
            return;
        }
        let _ = self.child.kill();
        for _ in 0..200 {
            if self.try_exit_status().is_some() {
                return;
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Panic with `msg`, the child's state, the screen, and the tail of the
    /// raw output.
    pub fn fail(&mut self, msg: &str) -> ! {
        let state = match self.try_exit_status() {
            Some(s) => format!("exited: {s:?}"),
            None => "still running".to_string(),
        };
        let raw = self.raw_output();
        let tail = &raw[raw.len().saturating_sub(400)..];
        panic!(
            "{msg}\nchild {:?} (pid {:?}) {state}\n{}\nlast {} of {} output bytes: {}\n",
            self.program,
            self.pid(),
            self.screen_dump(),
            tail.len(),
            raw.len(),
            tail.escape_ascii(),
        );
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        self.kill();
        // Stop the writer thread only now: dropping portable-pty's writer
        // types "\n" + EOF into the terminal, which a live child would read.
        self.write_tx = None;
    }
}

// ---------------------------------------------------------------------------
// Pure helpers (unit-testable without a pty)
// ---------------------------------------------------------------------------

/// The screen's text: one line per row, trailing blanks trimmed, joined by
/// `\n`.
pub fn screen_text(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).map(|r| r.trim_end().to_string()).collect::<Vec<_>>().join("\n")
}

/// The screen with a header and numbered rows, for failure messages.
pub fn dump_screen(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let (cr, cc) = screen.cursor_position();
    let mut out = format!(
        "--- screen {}x{} (cols x rows), cursor row {cr} col {cc}{}{} ---\n",
        cols.get(),
        rows.get(),
        if screen.hide_cursor() { ", hidden" } else { "" },
        if screen.alternate_screen() { ", alternate screen" } else { "" },
    );
    for (i, row) in screen.rows(0, cols.get()).enumerate() {
        let _ = writeln!(out, "{i:>3}|{}", row.trim_end());
    }
    out.push_str("--- end screen ---");
    out
}

/// Bytes of a bracketed paste of `text`: `ESC[200~ text ESC[201~`.
pub fn paste_bytes(text: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(text.len() + PASTE_START.len() + PASTE_END.len());
    v.extend_from_slice(PASTE_START);
    v.extend_from_slice(text.as_bytes());
    v.extend_from_slice(PASTE_END);
    v
}

/// Parse a compact key spec into one byte sequence per key, encoded the way
/// xterm sends them (and crossterm reads them).
///
/// Plain characters stand for themselves (one key per character; `>` is
/// plain too). Special keys go in angle brackets:
///
/// * `<Esc>` `<Enter>` (`<CR>`, `<Return>`) `<Tab>` `<S-Tab>` `<BS>`
///   (`<Backspace>`) `<Del>` (`<Delete>`) `<Ins>` (`<Insert>`) `<Space>`
/// * `<Up>` `<Down>` `<Left>` `<Right>` `<Home>` `<End>` `<PgUp>`
///   (`<PageUp>`) `<PgDn>` (`<PageDown>`) `<F1>` ... `<F12>`
/// * `<lt>` for a literal `<`, `<gt>` for `>`
/// * `<C-x>`: Ctrl + letter (also `<C-Space>`, `<C-@>`, `<C-[>`, `<C-\>`,
///   `<C-]>`, `<C-^>`, `<C-_>`)
/// * `<A-x>` / `<M-x>`: Alt, sent as ESC then the key (`<A-C-x>` and
///   `<A-Enter>` work too)
/// * `S-`, `C-`, `A-` combined on cursor/editing/function keys use xterm's
///   modifier encoding, e.g. `<S-Up>` = `ESC[1;2A`, `<C-Right>` =
///   `ESC[1;5C`, `<C-S-Del>` = `ESC[3;6~`
///
/// Key names and modifiers are case-insensitive except for the character
/// in `<C-x>`/`<A-x>` (`<A-X>` sends ESC `X`). Unknown or unterminated
/// `<...>` panics, so typos fail loudly.
pub fn parse_keys(spec: &str) -> Vec<Vec<u8>> {
    let mut keys = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest.find('>').unwrap_or_else(|| panic!("unterminated '<' in key spec {spec:?} (use <lt>)"));
            let token = &rest[1..end];
            if token.is_empty() {
                panic!("empty <> in key spec {spec:?} (use <lt>)");
            }
            // `<A->>` is Alt + '>': the first '>' belongs to the token.
            let (token, consumed) = if is_modifier_prefix(token) && rest[end + 1..].starts_with('>') {
                (&rest[1..=end], end + 2)
            } else {
                (token, end + 1)
            };
            keys.push(parse_token(token).unwrap_or_else(|| panic!("unknown key <{token}> in key spec {spec:?}")));
            rest = &rest[consumed..];
        } else {
            let mut buf = [0u8; 4];
            keys.push(c.encode_utf8(&mut buf).as_bytes().to_vec());
            rest = &rest[c.len_utf8()..];
        }
    }
    keys
}

/// `A-`, `C-S-`, ...: nothing but modifiers.
fn is_modifier_prefix(token: &str) -> bool {
    let b = token.as_bytes();
    !b.is_empty()
        && b.len().is_multiple_of(2)
        && b.chunks(2).all(|p| matches!(p[0].to_ascii_lowercase(), b's' | b'c' | b'a' | b'm') && p[1] == b'-')
}

/// One `<...>` token (without the brackets) to bytes.
fn parse_token(token: &str) -> Option<Vec<u8>> {
    let (mut shift, mut ctrl, mut alt) = (false, false, false);
    let mut name = token;
    // Strip modifier prefixes; a name of a single char such as "-" stays.
    while name.len() > 2 && name.as_bytes()[1] == b'-' {
        match name.as_bytes()[0].to_ascii_lowercase() {
            b's' => shift = true,
            b'c' => ctrl = true,
            b'a' | b'm' => alt = true,
            _ => return None,
        }
        name = &name[2..];
    }
    let esc = |mut v: Vec<u8>| {
        v.insert(0, 0x1b);
        v
    };
    let modifier = 1 + u8::from(shift) + 2 * u8::from(alt) + 4 * u8::from(ctrl);
    let any_mod = modifier > 1;

    // Single character keys.
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let mut bytes = if ctrl {
            if shift {
                return None; // indistinguishable from plain Ctrl in legacy encoding
            }
            vec![ctrl_byte(c)?]
        } else if shift {
            if !c.is_ascii_alphabetic() {
                return None;
            }
            vec![c.to_ascii_uppercase() as u8]
        } else {
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf).as_bytes().to_vec()
        };
        if alt {
            bytes = esc(bytes);
        }
        return Some(bytes);
    }

    let lower = name.to_ascii_lowercase();
    // CSI-style keys that take xterm modifiers: (prefix-less final form).
    let csi_letter = |letter: u8| -> Vec<u8> {
        if any_mod { format!("\x1b[1;{modifier}{}", letter as char).into_bytes() } else { vec![0x1b, b'[', letter] }
    };
    let csi_tilde = |n: u8| -> Vec<u8> {
        if any_mod { format!("\x1b[{n};{modifier}~").into_bytes() } else { format!("\x1b[{n}~").into_bytes() }
    };
    let ss3_letter = |letter: u8| -> Vec<u8> {
        if any_mod { format!("\x1b[1;{modifier}{}", letter as char).into_bytes() } else { vec![0x1b, b'O', letter] }
    };

    let bytes = match lower.as_str() {
        "up" => csi_letter(b'A'),
        "down" => csi_letter(b'B'),
        "right" => csi_letter(b'C'),
        "left" => csi_letter(b'D'),
        "home" => csi_letter(b'H'),
        "end" => csi_letter(b'F'),
        "ins" | "insert" => csi_tilde(2),
        "del" | "delete" => csi_tilde(3),
        "pgup" | "pageup" => csi_tilde(5),
        "pgdn" | "pagedown" => csi_tilde(6),
        "f1" => ss3_letter(b'P'),
        "f2" => ss3_letter(b'Q'),
        "f3" => ss3_letter(b'R'),
        "f4" => ss3_letter(b'S'),
        "f5" => csi_tilde(15),
        "f6" => csi_tilde(17),
        "f7" => csi_tilde(18),
        "f8" => csi_tilde(19),
        "f9" => csi_tilde(20),
        "f10" => csi_tilde(21),
        "f11" => csi_tilde(23),
        "f12" => csi_tilde(24),
        // Simple keys: only Alt (ESC prefix) is meaningful, plus the
        // special cases S-Tab and C-Space.
        "tab" if shift && !ctrl => {
            let v = b"\x1b[Z".to_vec();
            if alt { esc(v) } else { v }
        }
        "space" if ctrl && !shift => {
            if alt {
                vec![0x1b, 0]
            } else {
                vec![0]
            }
        }
        "lt" | "gt" | "esc" | "escape" | "enter" | "cr" | "return" | "tab" | "bs" | "backspace" | "space"
            if !shift && !ctrl =>
        {
            let v = match lower.as_str() {
                "lt" => vec![b'<'],
                "gt" => vec![b'>'],
                "esc" | "escape" => vec![0x1b],
                "enter" | "cr" | "return" => vec![b'\r'],
                "tab" => vec![b'\t'],
                "bs" | "backspace" => vec![0x7f],
                "space" => vec![b' '],
                _ => unreachable!(),
            };
            if alt { esc(v) } else { v }
        }
        _ => return None,
    };
    Some(bytes)
}

/// Ctrl + character as a C0 control byte.
fn ctrl_byte(c: char) -> Option<u8> {
    match c {
        'a'..='z' => Some(c as u8 - b'a' + 1),
        'A'..='Z' => Some(c as u8 - b'A' + 1),
        '@' | ' ' => Some(0),
        '[' => Some(0x1b),
        '\\' => Some(0x1c),
        ']' => Some(0x1d),
        '^' => Some(0x1e),
        '_' => Some(0x1f),
        '?' => Some(0x7f),
        _ => None,
    }
}

/// The sample journey most end-to-end tests work on.
pub const SAMPLE: &str = "journeys/broadband-moving-house.toml";

/// A copy of the sample journey as `journey.toml` in `dir`, so tests never touch the original.
pub fn copy_sample(dir: &Path) -> PathBuf {
    let path = dir.join("journey.toml");
    std::fs::copy(SAMPLE, &path).unwrap();
    path
}
