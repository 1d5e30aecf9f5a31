//! The event loop: event -> message -> update -> effects -> render. Draws
//! only after something happened, coalescing whatever input is already
//! queued. Runs the effects `update` asks for (saves, the recovery file,
//! reloads, the external editor) and feeds their outcomes back as messages;
//! it changes no state of the app itself.

use std::io::{self, Write as _};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use base64::Engine as _;
use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::app::{App, Effect, Msg, SaveFailure, resolve_key, update};
use crate::external;
use crate::journey::CellRef;
use crate::paint::Painter;
use crate::recovery::{self, RecoveryTarget, Session};
use crate::store::{self, SaveError, SaveOptions};
use crate::term::{self, FrameWriter, Input, Inputs, TerminalGuard};
use crate::ui::{Screen, Theme};

mod handover;
mod recovery_file;

use recovery_file::{failed, reload, write_recovery};

/// Text being typed is written to the recovery file this soon after the last
/// keystroke, and at the latest this long after the first unwritten one.
const TYPING_PAUSE: Duration = Duration::from_millis(250);
const TYPING_MAX: Duration = Duration::from_millis(900);
/// Two clicks on the same spot within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);
/// The largest screen jgrid draws, whatever size the terminal claims: a
/// terminal that says it is 65535x65535 gets this much, not 200 GB of cells.
pub const MAX_WIDTH: u16 = 1024;
pub const MAX_HEIGHT: u16 = 512;

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by a signal; the process should exit with 128 + the signal number.
    Signal(i32),
    /// A bug panicked; the terminal was restored and unsaved changes written.
    Crashed,
    /// Another jgrid took the journey over: everything unsaved is in the
    /// recovery file it offers.
    HandedOver,
}

pub(crate) type Term = Painter<FrameWriter>;

/// The area jgrid draws on a terminal of this size.
pub fn drawn_area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Run the TUI until the user quits, a signal ends it, or a bug panics.
/// `session` marks this jgrid as running (for recovery files); it may move
/// to another journey when the journey is saved under a new name.
pub fn run(app: App, theme: Theme, session: Option<Session>) -> anyhow::Result<Exit> {
    // crossterm drops every style attribute when NO_COLOR is set; jgrid reads
    // NO_COLOR itself and picks a monochrome theme instead.
    ratatui::crossterm::style::force_color_output(true);
    let inputs = term::inputs().context("cannot listen for input and signals")?;
    let guard = TerminalGuard::enter(app.settings().mouse).context("cannot set up the terminal")?;
    let mut app = app;
    let exit = edit(&inputs, &mut app, theme, session);
    drop(guard);
    if let Ok(Exit::HandedOver) = exit {
        eprintln!(
            "jgrid: another jgrid took {} over; what was unsaved here is in the recovery file it offers",
            crate::text::sanitize(&app.file_label())
        );
    }
    if let Ok(Exit::Quit) = exit
        && let Some(target) = app.recovery().as_ref().filter(|t| t.file.exists())
    {
        eprintln!(
            "jgrid: text that is in no other file is kept in {}; start jgrid on {} again to recover it",
            crate::text::one_line_path(&target.file),
            crate::text::sanitize(&app.file_label())
        );
    }
    exit
}

/// Run the editor on `app` in a terminal that is set up already (by [`run`],
/// or by the portfolio screen, which opens a journey this way and comes back
/// when it returns, clearing the screen first).
pub fn edit(inputs: &Inputs, app: &mut App, theme: Theme, session: Option<Session>) -> anyhow::Result<Exit> {
    let mut session = session;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        Shell::new(inputs, theme, session.as_mut()).and_then(|mut s| s.run(app))
    }));
    let exit = match outcome {
        Ok(Ok(Exit::Signal(signal))) => {
            // The link dropped or we were told to stop: keep every word, then restore.
            let _ = write_recovery(app);
            Exit::Signal(signal)
        }
        Ok(result) => result?,
        Err(_) => {
            // The panic hook has restored the terminal and printed the panic.
            let _ = write_recovery(app);
            if let Some(target) = app.recovery().as_ref().filter(|t| t.file.exists()) {
                eprintln!(
                    "jgrid: your unsaved changes are safe in {}; start jgrid on {} again to recover them",
                    target.file.display(),
                    crate::text::sanitize(&app.file_label())
                );
            }
            Exit::Crashed
        }
    };
    drop(session);
    Ok(exit)
}

/// The running terminal session: where frames go and input comes from.
struct Shell<'a> {
    terminal: Term,
    inputs: &'a Inputs,
    theme: Theme,
    session: Option<&'a mut Session>,
    /// When and where the last left click was, to spot a double click.
    last_click: Option<(Instant, u16, u16)>,
}

/// A terminal whose first frame starts on a cleared screen, so it is
/// complete whatever was on the screen before (another screen of jgrid).
pub(crate) fn cleared_terminal(area: Rect) -> io::Result<Term> {
    Painter::cleared(FrameWriter::new(), area)
}

impl<'a> Shell<'a> {
    fn new(inputs: &'a Inputs, theme: Theme, session: Option<&'a mut Session>) -> anyhow::Result<Self> {
        let (w, h) = ratatui::crossterm::terminal::size()?;
        let terminal = Painter::new(FrameWriter::new(), drawn_area(w, h));
        Ok(Self { terminal, inputs, theme, session, last_click: None })
    }

    fn run(&mut self, app: &mut App) -> anyhow::Result<Exit> {
        let area = self.terminal.area();
        update(app, Msg::Resize(area.width, area.height));
        self.mark_asking(app);
        self.draw(app)?;
        self.inputs.start().context("cannot listen for input and signals")?;
        // A resize while the first frame was drawn came before anything
        // listened for it.
        let (w, h) = ratatui::crossterm::terminal::size()?;
        if drawn_area(w, h) != area {
            self.handle(app, Input::Event(Event::Resize(w, h)))?;
            self.draw(app)?;
        }
        // (first, last) unwritten keystroke in a cell or the capture line.
        let mut typing: Option<(Instant, Instant)> = None;
        loop {
            let first = match typing {
                None => self.inputs.rx.recv().context("input stopped")?,
                Some((first, last)) => {
                    let due = (last + TYPING_PAUSE).min(first + TYPING_MAX);
                    match self.inputs.rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                        Ok(input) => input,
                        Err(RecvTimeoutError::Timeout) => {
                            typing = None;
                            if let Some(msg) = write_recovery(app) {
                                update(app, msg);
                                self.draw(app)?;
                            }
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => anyhow::bail!("input stopped"),
                    }
                }
            };
            let batch: Vec<Input> = std::iter::once(first).chain(self.inputs.rx.try_iter()).collect();
            for input in batch {
                let typed = matches!(input, Input::Event(Event::Key(_) | Event::Paste(_)));
                if let Some(exit) = self.handle(app, input)? {
                    return Ok(exit);
                }
                self.mark_asking(app);
                if !app.is_typing() {
                    typing = None;
                } else if typed {
                    let now = Instant::now();
                    typing = Some((typing.map_or(now, |(first, _)| first), now));
                }
            }
            self.draw(app)?;
        }
    }

    /// Say in the session's files whether this jgrid still asks at start what
    /// to do about its journey (another taking it over leaves it be then).
    fn mark_asking(&mut self, app: &App) {
        let asking = matches!(app.mode(), crate::app::Mode::Ask(q) if q.kind().at_start());
        if let Some(session) = self.session.as_deref_mut() {
            session.set_asking(asking);
        }
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        let theme = &self.theme;
        // The text cursor of a cell being edited is the terminal's cursor;
        // elsewhere it is hidden.
        self.terminal.draw(|buf| (Screen { app, theme }).render_with_caret(buf.area, buf))?;
        self.terminal.writer_mut().commit()
    }

    /// Apply one input; `Some` when the session is over.
    fn handle(&mut self, app: &mut App, input: Input) -> io::Result<Option<Exit>> {
        let msgs = match input {
            Input::Event(Event::Key(key)) => resolve_key(app, key),
            Input::Event(Event::Paste(text)) => vec![Msg::Paste(text)],
            Input::Event(Event::Resize(w, h)) => {
                let area = drawn_area(w, h);
                self.terminal.resize(area)?;
                vec![Msg::Resize(area.width, area.height)]
            }
            Input::Event(Event::Mouse(mouse)) => self.mouse(mouse).into_iter().collect(),
            Input::Event(_) => Vec::new(),
            Input::Signal(recovery::handover::HANDOVER) => match handover::hand_over(app) {
                Ok(()) => return Ok(Some(Exit::HandedOver)),
                Err(msgs) => msgs,
            },
            Input::Signal(signal) => return Ok(Some(Exit::Signal(signal))),
            Input::Closed(_) => return Ok(Some(Exit::Signal(signal_hook::consts::SIGHUP))),
        };
        for msg in msgs {
            let mut effects = update(app, msg);
            while !effects.is_empty() {
                let mut next = Vec::new();
                for effect in effects {
                    match self.run_effect(app, effect) {
                        Ok(Some(msg)) => next.extend(update(app, msg)),
                        Ok(None) => {}
                        Err(exit) => return Ok(Some(exit)),
                    }
                }
                effects = next;
            }
        }
        Ok(None)
    }

    fn mouse(&mut self, mouse: MouseEvent) -> Option<Msg> {
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let now = Instant::now();
                let double = self.last_click.is_some_and(|(t, c, r)| {
                    now.duration_since(t) < DOUBLE_CLICK && c == mouse.column && r == mouse.row
                });
                self.last_click = if double { None } else { Some((now, mouse.column, mouse.row)) };
                Some(Msg::Click { col: mouse.column, row: mouse.row, double })
            }
            MouseEventKind::ScrollDown => Some(Msg::Scroll { down: true }),
            MouseEventKind::ScrollUp => Some(Msg::Scroll { down: false }),
            _ => None,
        }
    }

    /// Run one effect; it may produce a message to feed back, or end the session.
    fn run_effect(&mut self, app: &App, effect: Effect) -> Result<Option<Msg>, Exit> {
        Ok(match effect {
            Effect::Save { path, then_quit, force } => Some(self.save(app, &path, then_quit, force)),
            Effect::WriteRecovery => write_recovery(app),
            Effect::DiscardRecovery { file } => failed(&file, recovery::discard(&file)),
            Effect::SetAsideRecovery { file } => match recovery::set_aside_damaged(&file) {
                Ok(_) => write_recovery(app),
                Err(e) => failed(&file, Err(e)),
            },
            Effect::AdoptRecovery { file } => match &app.recovery() {
                Some(own) => failed(&file, recovery::adopt(&file, &own.file)).or_else(|| write_recovery(app)),
                None => None,
            },
            Effect::Reload => Some(reload(app)),
            Effect::Clipboard(text) => {
                // OSC 52: the terminal (even at the far end of SSH) puts it on the clipboard.
                let osc = format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text));
                let _ = self.terminal.writer_mut().write_all(osc.as_bytes());
                None
            }
            Effect::ExternalEdit { at, text } => Some(self.external_edit(at, &text)),
            Effect::Quit => {
                // Nothing is unsaved: this session's own file goes, if it
                // reads back so; anything else keeps it (and says so on exit).
                let _ = write_recovery(app);
                return Err(Exit::Quit);
            }
            Effect::QuitDiscarding => {
                if let Some(target) = &app.recovery() {
                    let _ = recovery::discard(&target.file);
                }
                return Err(Exit::Quit);
            }
            Effect::QuitKeepingRecovery => return Err(Exit::Quit),
            Effect::TakeOver { others } => {
                // The status line says whom it waits for while it waits.
                let _ = self.draw(app);
                Some(handover::take_over(app, &others))
            }
        })
    }

    /// Save under the journey's lock, checking what is on disk first.
    fn save(&mut self, app: &App, path: &Path, then_quit: bool, force: bool) -> Msg {
        // What jgrid believes is on disk: its own file as loaded or last saved;
        // for another file, nothing (an existing one is not overwritten unasked).
        let own = app.path().as_deref() == Some(path);
        let expected = if own { app.on_disk().hash() } else { None };
        let options = SaveOptions { overwrite_changed: force, overwrite_read_only: force };
        let result = match store::save_checked(path, app.journey(), expected, options) {
            Err(SaveError::Changed) => return Msg::SaveConflict { path: path.to_path_buf(), then_quit },
            Err(SaveError::ReadOnly) => Err(SaveFailure::ReadOnly),
            Err(e) => Err(SaveFailure::Io(e.to_string())),
            Ok(hash) => Ok(hash),
        };
        let mut moved = None;
        if result.is_ok() && !own {
            // Saved under a new name: the recovery file follows the journey
            // there, written anew before the old one goes.
            if let Some(old) = &app.recovery() {
                let dir = old.file.parent().unwrap_or(Path::new("."));
                let target = RecoveryTarget::new(dir, Some(path), &old.session);
                if let Some((_, mut moved)) = app.recovery_snapshot().filter(|_| app.has_unsaved()) {
                    moved.journey_path.clone_from(&target.key);
                    if recovery::write(&target.file, &moved).is_err() {
                        return Msg::Saved { path: path.to_path_buf(), result, then_quit, recovery: None };
                    }
                }
                let _ = recovery::discard(&old.file);
                if let Some(session) = self.session.as_deref_mut() {
                    let _ = session.set_key(&target.key);
                }
                moved = Some(target);
            }
        }
        Msg::Saved { path: path.to_path_buf(), result, then_quit, recovery: moved }
    }

    /// Start drawing on a cleared screen, so the next frame is complete.
    fn fresh_terminal(&mut self) -> io::Result<()> {
        let area = self.terminal.area();
        self.terminal = cleared_terminal(area)?;
        Ok(())
    }

    /// Hand the terminal to `$VISUAL`/`$EDITOR` and take it back.
    fn external_edit(&mut self, at: CellRef, text: &str) -> Msg {
        if external::editor().is_none() {
            return Msg::ExternalEdited { at, result: external::edit(text) };
        }
        self.inputs.pause_reading();
        term::restore();
        let result = external::edit(text);
        let resumed = term::resume().and_then(|()| self.fresh_terminal());
        self.inputs.resume_reading();
        match resumed {
            Ok(()) => Msg::ExternalEdited { at, result },
            Err(e) => Msg::ExternalEdited { at, result: Err(crate::app::EditorFailure::Terminal(e.to_string())) },
        }
    }
}
