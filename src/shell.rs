//! The event loop: event -> action -> update -> effects -> render. Draws only
//! after something happened, coalescing whatever input is already queued.
//! Runs the effects `update` asks for: saves, the recovery file, reloads.

use std::io::{self, Write as _};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use base64::Engine as _;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};

use crate::app::{Action, App, Effect, resolve_key, update};
use crate::journey::CellRef;
use crate::recovery::{self, RecoveryTarget};
use crate::store::{SaveError, SaveOptions};
use crate::term::{self, FrameWriter, Input, Inputs, TerminalGuard};
use crate::ui::{Screen, Theme};
use crate::{external, format, store};

/// Text being typed is written to the recovery file this soon after the last
/// keystroke, and at the latest this long after the first unwritten one.
const TYPING_PAUSE: Duration = Duration::from_millis(250);
const TYPING_MAX: Duration = Duration::from_millis(900);
/// Two clicks on the same spot within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by a signal; the process should exit with 128 + the signal number.
    Signal(i32),
    /// A bug panicked; the terminal was restored and unsaved changes written.
    Crashed,
}

type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Run the TUI until the user quits, a signal ends it, or a bug panics.
pub fn run(mut app: App, theme: Theme) -> anyhow::Result<Exit> {
    // crossterm drops every style attribute when NO_COLOR is set; jgrid reads
    // NO_COLOR itself and picks a monochrome theme instead.
    ratatui::crossterm::style::force_color_output(true);
    let inputs = term::inputs().context("cannot listen for input and signals")?;
    let guard = TerminalGuard::enter(app.settings.mouse).context("cannot set up the terminal")?;
    let outcome =
        panic::catch_unwind(AssertUnwindSafe(|| Shell::new(&inputs, theme).and_then(|mut s| s.run(&mut app))));
    let exit = match outcome {
        Ok(Ok(Exit::Signal(signal))) => {
            // The link dropped or we were told to stop: keep every word, then restore.
            write_recovery(&mut app);
            Exit::Signal(signal)
        }
        Ok(result) => result?,
        Err(_) => {
            // The panic hook has restored the terminal and printed the panic.
            write_recovery(&mut app);
            if let Some(target) = app.recovery.as_ref().filter(|t| t.file.exists()) {
                eprintln!(
                    "jgrid: your unsaved changes are safe in {}; start jgrid on {} again to recover them",
                    target.file.display(),
                    app.file_label()
                );
            }
            Exit::Crashed
        }
    };
    drop(guard);
    Ok(exit)
}

/// The running terminal session: where frames go and input comes from.
struct Shell<'a> {
    terminal: Term,
    inputs: &'a Inputs,
    theme: Theme,
    /// When and where the last left click was, to spot a double click.
    last_click: Option<(Instant, u16, u16)>,
}

impl<'a> Shell<'a> {
    fn new(inputs: &'a Inputs, theme: Theme) -> anyhow::Result<Self> {
        let terminal = Terminal::new(CrosstermBackend::new(FrameWriter::new()))?;
        Ok(Self { terminal, inputs, theme, last_click: None })
    }

    fn run(&mut self, app: &mut App) -> anyhow::Result<Exit> {
        let size = self.terminal.size()?;
        update(app, Action::Resize(size.width, size.height));
        self.draw(app)?;
        // (first, last) unwritten keystroke in edit mode.
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
                            write_recovery(app);
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => anyhow::bail!("input stopped"),
                    }
                }
            };
            let batch: Vec<Input> = std::iter::once(first).chain(self.inputs.rx.try_iter()).collect();
            for input in batch {
                let typed = matches!(input, Input::Event(Event::Key(_) | Event::Paste(_)));
                if let Some(exit) = self.handle(app, input) {
                    return Ok(exit);
                }
                if app.editor().is_none() {
                    typing = None;
                } else if typed {
                    let now = Instant::now();
                    typing = Some((typing.map_or(now, |(first, _)| first), now));
                }
            }
            self.draw(app)?;
        }
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        let theme = &self.theme;
        self.terminal.draw(|frame| frame.render_widget(&Screen { app, theme }, frame.area()))?;
        self.terminal.backend_mut().writer_mut().commit()
    }

    /// Apply one input; `Some` when the session is over.
    fn handle(&mut self, app: &mut App, input: Input) -> Option<Exit> {
        let actions = match input {
            Input::Event(Event::Key(key)) => resolve_key(app, key),
            Input::Event(Event::Paste(text)) => vec![Action::Paste(text)],
            Input::Event(Event::Resize(w, h)) => vec![Action::Resize(w, h)],
            Input::Event(Event::Mouse(mouse)) => self.mouse(mouse).into_iter().collect(),
            Input::Event(_) => Vec::new(),
            Input::Signal(signal) => return Some(Exit::Signal(signal)),
            Input::Closed(_) => return Some(Exit::Signal(signal_hook::consts::SIGHUP)),
        };
        for action in actions {
            let mut effects = update(app, action);
            while !effects.is_empty() {
                let mut next = Vec::new();
                for effect in effects {
                    match self.run_effect(app, effect) {
                        Ok(Some(action)) => next.extend(update(app, action)),
                        Ok(None) => {}
                        Err(exit) => return Some(exit),
                    }
                }
                effects = next;
            }
        }
        None
    }

    fn mouse(&mut self, mouse: MouseEvent) -> Option<Action> {
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let now = Instant::now();
                let double = self.last_click.is_some_and(|(t, c, r)| {
                    now.duration_since(t) < DOUBLE_CLICK && c == mouse.column && r == mouse.row
                });
                self.last_click = if double { None } else { Some((now, mouse.column, mouse.row)) };
                Some(Action::Click { col: mouse.column, row: mouse.row, double })
            }
            MouseEventKind::ScrollDown => Some(Action::Scroll { down: true }),
            MouseEventKind::ScrollUp => Some(Action::Scroll { down: false }),
            _ => None,
        }
    }

    /// Run one effect; it may produce an action to feed back, or end the session.
    fn run_effect(&mut self, app: &mut App, effect: Effect) -> Result<Option<Action>, Exit> {
        Ok(match effect {
            Effect::Save { path, then_quit, force } => Some(save(app, &path, then_quit, force)),
            Effect::WriteRecovery => {
                write_recovery(app);
                None
            }
            Effect::DiscardRecovery => {
                remove_recovery(app);
                None
            }
            Effect::Reload => Some(reload(app)),
            Effect::Clipboard(text) => {
                // OSC 52: the terminal (even at the far end of SSH) puts it on the clipboard.
                let osc = format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text));
                let _ = self.terminal.backend_mut().writer_mut().write_all(osc.as_bytes());
                None
            }
            Effect::ExternalEdit { at, text } => Some(self.external_edit(at, &text)),
            Effect::Quit => {
                remove_recovery(app);
                return Err(Exit::Quit);
            }
            Effect::QuitKeepingRecovery => return Err(Exit::Quit),
        })
    }

    /// Start drawing on a cleared screen with empty buffers, so the next frame
    /// is complete. (`Terminal::clear` would query the cursor position, a
    /// round trip jgrid never makes.)
    fn fresh_terminal(&mut self) -> io::Result<()> {
        let mut writer = FrameWriter::new();
        ratatui::crossterm::queue!(
            writer,
            ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
        )?;
        self.terminal = Terminal::new(CrosstermBackend::new(writer))?;
        Ok(())
    }

    /// Hand the terminal to `$VISUAL`/`$EDITOR` and take it back.
    fn external_edit(&mut self, at: CellRef, text: &str) -> Action {
        if external::editor().is_none() {
            return Action::ExternalEdited { at, result: external::edit(text) };
        }
        self.inputs.pause_reading();
        term::restore();
        let result = external::edit(text);
        let resumed = term::resume().and_then(|()| self.fresh_terminal());
        self.inputs.resume_reading();
        match resumed {
            Ok(()) => Action::ExternalEdited { at, result },
            Err(e) => Action::ExternalEdited { at, result: Err(format!("Cannot take the terminal back: {e}")) },
        }
    }
}

fn save(app: &mut App, path: &Path, then_quit: bool, force: bool) -> Action {
    let text = format::to_toml(&app.journey);
    // What jgrid believes is on disk: its own file as loaded or last saved;
    // for another file, nothing (an existing one is not overwritten unasked).
    let expected = if app.path.as_deref() == Some(path) { app.disk_hash } else { None };
    let options = SaveOptions { overwrite_changed: force, overwrite_read_only: force };
    let result = match store::save_checked(path, &text, expected, options) {
        Err(SaveError::Changed) => return Action::SaveConflict { path: path.to_path_buf(), then_quit },
        Err(SaveError::ReadOnly) => Err("the file is read-only; :w! overwrites it".to_owned()),
        Err(e) => Err(e.to_string()),
        Ok(hash) => Ok(hash),
    };
    if result.is_ok() && app.path.as_deref() != Some(path) {
        // Saved under a new name: the recovery file follows the journey there.
        remove_recovery(app);
        app.recovery = RecoveryTarget::for_path(Some(path));
    }
    Action::Saved { path: path.to_path_buf(), result, then_quit }
}

fn reload(app: &mut App) -> Action {
    write_recovery(app);
    let kept = app.recovery.as_ref().filter(|t| t.file.exists()).and_then(|t| recovery::keep_aside(&t.file).ok());
    let Some(path) = app.path.clone() else {
        return Action::Reloaded { result: Err("the journey has no file yet".into()), kept };
    };
    let result =
        store::load_with_hash(&path).map(|(journey, hash)| (Box::new(journey), hash)).map_err(|e| e.render(&path));
    Action::Reloaded { result, kept }
}

/// Bring the recovery file up to date: written while anything is unsaved,
/// removed once nothing is.
fn write_recovery(app: &mut App) {
    let Some((file, snapshot)) = app.recovery_snapshot() else { return };
    let result = if app.has_unsaved() { recovery::write(&file, &snapshot) } else { recovery::remove(&file) };
    if let Err(e) = result {
        app.error(format!("Could not write the recovery file {}: {e}. Save soon", file.display()));
    }
}

fn remove_recovery(app: &App) {
    if let Some(target) = &app.recovery {
        let _ = recovery::remove(&target.file);
    }
}
