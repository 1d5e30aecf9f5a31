//! The terminal shell: entering and restoring the terminal (on quit, error,
//! panic and signals), one write per frame, and the input and signal threads
//! that wake the event loop. Nothing here polls: the loop sleeps until a key,
//! a resize or a signal arrives.

// The editor's own terminal: the one place besides src/stdout.rs that writes to standard output.
#![allow(clippy::disallowed_methods)]

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute, queue};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

/// Whether the terminal is in jgrid's mode right now (so restoring twice is harmless).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether jgrid captures the mouse (from the config).
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into raw mode on the alternate screen with bracketed
/// paste; restores it when dropped.
pub struct TerminalGuard(());

impl TerminalGuard {
    pub fn enter(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        MOUSE.store(mouse, Ordering::SeqCst);
        resume()?;
        Ok(Self(()))
    }
}

/// Enter jgrid's terminal mode (again, after an external editor).
pub fn resume() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    let result = execute!(out, EnterAlternateScreen, EnableBracketedPaste, cursor::Hide)
        .and_then(|()| if MOUSE.load(Ordering::SeqCst) { execute!(out, EnableMouseCapture) } else { Ok(()) });
    if let Err(e) = result {
        restore();
        return Err(e);
    }
    Ok(())
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leave raw mode, the alternate screen and paste mode, and show the cursor.
/// Safe to call more than once and from a panic or signal path; errors are
/// ignored because the terminal may already be gone (a dropped SSH link).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        if MOUSE.load(Ordering::SeqCst) {
            let _ = execute!(out, DisableMouseCapture);
        }
        let _ = execute!(out, EndSynchronizedUpdate, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
        let _ = terminal::disable_raw_mode();
    }
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Buffers a whole frame and sends it in one write, wrapped in a
/// synchronized update so the terminal never shows half a frame.
pub struct FrameWriter {
    out: Stdout,
    buf: Vec<u8>,
}

impl FrameWriter {
    pub fn new() -> Self {
        let mut buf = Vec::with_capacity(16 * 1024);
        let _ = queue!(buf, BeginSynchronizedUpdate);
        Self { out: io::stdout(), buf }
    }

    /// Send the buffered frame. Called once per frame by the event loop.
    pub fn commit(&mut self) -> io::Result<()> {
        queue!(self.buf, EndSynchronizedUpdate)?;
        let frame = crate::sgr::compact(&self.buf);
        let result = self.out.write_all(&frame).and_then(|()| self.out.flush());
        self.buf.clear();
        queue!(self.buf, BeginSynchronizedUpdate)?;
        result
    }
}

impl Default for FrameWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl Write for FrameWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    /// Deliberately does nothing: the frame goes out in `commit`.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What wakes the event loop.
#[derive(Debug)]
pub enum Input {
    Event(Event),
    /// SIGHUP, SIGTERM, SIGINT, SIGQUIT or the hand-over signal (SIGUSR1) arrived.
    Signal(i32),
    /// Reading the terminal failed (it is gone).
    Closed(String),
}

/// Lets the shell stop the input thread from reading the terminal while an
/// external editor runs, without polling.
#[derive(Default)]
pub struct InputPause {
    paused: Mutex<bool>,
    changed: Condvar,
}

impl InputPause {
    fn wait_while_paused(&self) {
        let mut paused = self.paused.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while *paused {
            paused = self.changed.wait(paused).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    fn set(&self, value: bool) {
        *self.paused.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = value;
        self.changed.notify_all();
    }

    fn is_paused(&self) -> bool {
        *self.paused.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The input thread and how to pause it.
pub struct Inputs {
    pub rx: Receiver<Input>,
    pause: Arc<InputPause>,
    parked: Receiver<()>,
    /// What the reading threads need until `start` spawns them.
    unstarted: std::cell::RefCell<Option<Unstarted>>,
}

struct Unstarted {
    signals: Signals,
    tx: Sender<Input>,
    parked_tx: Sender<()>,
}

impl Inputs {
    /// Stop reading the terminal: the reader is woken (with a SIGWINCH to
    /// ourselves) and parks until `resume_reading`.
    pub fn pause_reading(&self) {
        self.pause.set(true);
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        let _ = self.parked.recv_timeout(std::time::Duration::from_secs(2));
    }

    pub fn resume_reading(&self) {
        self.pause.set(false);
    }
}

/// Listen for signals from now on (they wait in a queue), and get ready to
/// read terminal events; `Inputs::start` starts the threads that read them.
pub fn inputs() -> io::Result<Inputs> {
    let (tx, rx) = mpsc::channel();
    let signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT, crate::recovery::handover::HANDOVER])?;
    let (parked_tx, parked) = mpsc::channel();
    let unstarted = std::cell::RefCell::new(Some(Unstarted { signals, tx, parked_tx }));
    Ok(Inputs { rx, pause: Arc::new(InputPause::default()), parked, unstarted })
}

impl Inputs {
    /// Start the threads that read signals and terminal events (once; the
    /// shell calls it after the first frame, which then does not wait for
    /// two threads to be made), and return when resizes are listened for.
    /// Keys typed before it wait in the terminal.
    pub fn start(&self) -> io::Result<()> {
        let Some(Unstarted { mut signals, tx, parked_tx }) = self.unstarted.borrow_mut().take() else {
            return Ok(());
        };
        let signal_tx: Sender<Input> = tx.clone();
        thread::Builder::new().name("signals".into()).spawn(move || {
            for signal in signals.forever() {
                if signal_tx.send(Input::Signal(signal)).is_err() {
                    break;
                }
            }
        })?;
        let reader_pause = Arc::clone(&self.pause);
        let (listening_tx, listening) = mpsc::channel();
        thread::Builder::new().name("terminal-input".into()).spawn(move || {
            // The first poll makes crossterm listen for resizes (SIGWINCH).
            let _ = event::poll(std::time::Duration::ZERO);
            let _ = listening_tx.send(());
            loop {
                let input = match event::read() {
                    Ok(e) => Input::Event(e),
                    Err(e) => Input::Closed(e.to_string()),
                };
                let closed = matches!(input, Input::Closed(_));
                if tx.send(input).is_err() || closed {
                    break;
                }
                if reader_pause.is_paused() {
                    let _ = parked_tx.send(());
                    reader_pause.wait_while_paused();
                }
            }
        })?;
        // Once it listens, a resize cannot be missed: the caller looks at
        // the size once more for one that came before.
        let _ = listening.recv_timeout(std::time::Duration::from_secs(1));
        Ok(())
    }
}
