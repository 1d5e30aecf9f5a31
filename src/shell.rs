//! The event loop: event -> action -> update -> effects -> render. Draws only
//! after something happened, coalescing whatever input is already queued.
//! Runs the effects `update` asks for: saves, the recovery file, reloads.

use std::fs;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::Event;

use crate::app::{Action, App, Effect, resolve_key, update};
use crate::recovery::{self, RecoveryTarget};
use crate::term::{self, FrameWriter, Input, TerminalGuard};
use crate::ui::{Screen, Theme};
use crate::{format, store};

/// Text being typed is written to the recovery file this soon after the last
/// keystroke, and at the latest this long after the first unwritten one.
const TYPING_PAUSE: Duration = Duration::from_millis(250);
const TYPING_MAX: Duration = Duration::from_millis(900);

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
pub fn run(mut app: App) -> anyhow::Result<Exit> {
    let theme = Theme::from_env();
    // crossterm drops every style attribute when NO_COLOR is set; jgrid reads
    // NO_COLOR itself and picks a monochrome theme instead.
    ratatui::crossterm::style::force_color_output(true);
    let inputs = term::inputs().context("cannot listen for input and signals")?;
    let guard = TerminalGuard::enter().context("cannot set up the terminal")?;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| event_loop(&mut app, &inputs, &theme)));
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

fn event_loop(app: &mut App, inputs: &Receiver<Input>, theme: &Theme) -> anyhow::Result<Exit> {
    let mut terminal = Terminal::new(CrosstermBackend::new(FrameWriter::new()))?;
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    draw(&mut terminal, app, theme)?;
    // (first, last) unwritten keystroke in edit mode.
    let mut typing: Option<(Instant, Instant)> = None;
    loop {
        let first = match typing {
            None => inputs.recv().context("input stopped")?,
            Some((first, last)) => {
                let due = (last + TYPING_PAUSE).min(first + TYPING_MAX);
                match inputs.recv_timeout(due.saturating_duration_since(Instant::now())) {
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
        for input in std::iter::once(first).chain(inputs.try_iter()) {
            let typed = matches!(input, Input::Event(Event::Key(_) | Event::Paste(_)));
            if let Some(exit) = handle(app, input) {
                return Ok(exit);
            }
            if app.editor().is_none() {
                typing = None;
            } else if typed {
                let now = Instant::now();
                typing = Some((typing.map_or(now, |(first, _)| first), now));
            }
        }
        draw(&mut terminal, app, theme)?;
    }
}

fn draw(terminal: &mut Term, app: &App, theme: &Theme) -> io::Result<()> {
    terminal.draw(|frame| frame.render_widget(&Screen { app, theme }, frame.area()))?;
    terminal.backend_mut().writer_mut().commit()
}

/// Apply one input; `Some` when the session is over.
fn handle(app: &mut App, input: Input) -> Option<Exit> {
    let actions = match input {
        Input::Event(Event::Key(key)) => resolve_key(app, key),
        Input::Event(Event::Paste(text)) => vec![Action::Paste(text)],
        Input::Event(Event::Resize(w, h)) => vec![Action::Resize(w, h)],
        Input::Event(_) => Vec::new(),
        Input::Signal(signal) => return Some(Exit::Signal(signal)),
        Input::Closed(_) => return Some(Exit::Signal(signal_hook::consts::SIGHUP)),
    };
    for action in actions {
        let mut effects = update(app, action);
        while !effects.is_empty() {
            let mut next = Vec::new();
            for effect in effects {
                match run_effect(app, effect) {
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

/// Run one effect; it may produce an action to feed back, or end the session.
fn run_effect(app: &mut App, effect: Effect) -> Result<Option<Action>, Exit> {
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
        Effect::Quit => {
            remove_recovery(app);
            return Err(Exit::Quit);
        }
        Effect::QuitKeepingRecovery => return Err(Exit::Quit),
    })
}

/// True when saving to `path` would overwrite something jgrid has not seen:
/// its own file changed on disk, or another file that already exists.
fn would_clobber(app: &App, path: &Path) -> bool {
    if app.path.as_deref() == Some(path) {
        match fs::read(path) {
            Ok(bytes) => Some(recovery::fnv1a(&bytes)) != app.disk_hash,
            Err(_) => false,
        }
    } else {
        path.exists()
    }
}

fn save(app: &mut App, path: &Path, then_quit: bool, force: bool) -> Action {
    if !force && would_clobber(app, path) {
        return Action::SaveConflict { path: path.to_path_buf(), then_quit };
    }
    let text = format::to_toml(&app.journey);
    let result = store::save_atomic(path, &text).map(|()| recovery::fnv1a(text.as_bytes()));
    if result.is_ok() && app.path.as_deref() != Some(path) {
        // Saved under a new name: the recovery file follows the journey there.
        remove_recovery(app);
        app.recovery = RecoveryTarget::for_path(Some(path));
    }
    Action::Saved { path: path.to_path_buf(), result: result.map_err(|e| store::describe_io_error(&e)), then_quit }
}

fn reload(app: &mut App) -> Action {
    write_recovery(app);
    let kept = app.recovery.as_ref().filter(|t| t.file.exists()).and_then(|t| recovery::keep_aside(&t.file).ok());
    let Some(path) = app.path.clone() else {
        return Action::Reloaded { result: Err("the journey has no file yet".into()), kept };
    };
    let result = store::read(&path).map_err(|e| e.render(&path)).and_then(|bytes| {
        let journey = format::parse(&bytes).map_err(|e| e.render(&path.display().to_string()))?;
        Ok((Box::new(journey), recovery::fnv1a(&bytes)))
    });
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
