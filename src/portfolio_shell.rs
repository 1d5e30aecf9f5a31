//! The portfolio screen's event loop (`jgrid DIR`): reads the folder in the
//! background while the first frame is already drawn, feeds keys to
//! [`crate::app::portfolio::update`], and runs its effects: opening a
//! journey runs the editor ([`crate::shell::edit`]) in the same terminal,
//! and when it quits the journey is read again and the list comes back. It
//! changes no state itself.
//!
//! While the folder is being read the loop wakes every [`POLL`] to show the
//! progress and pick up the result; once it is read, it sleeps until input
//! arrives, as the editor does.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use anyhow::Context as _;
use ratatui::crossterm::event::{Event, MouseEventKind};
use ratatui::widgets::Widget as _;

use crate::app::portfolio::{PortfolioEffect, PortfolioMsg, PortfolioView, update};
use crate::app::{App, Opening, Settings};
use crate::config::Config;
use crate::journey::Journey;
use crate::portfolio::{self, Portfolio};
use crate::shell::{self, Exit, Term, cleared_terminal, drawn_area};
use crate::term::{Input, Inputs, TerminalGuard};
use crate::ui::{PortfolioScreen, Theme};

/// How often the loop looks at a folder being read.
const POLL: Duration = Duration::from_millis(30);

/// The folder being read in the background: files read so far, and the result.
struct Loading {
    progress: Arc<AtomicUsize>,
    done: Receiver<Result<Box<Portfolio>, String>>,
}

/// Start reading the folder on a thread of its own (the reading itself is parallel).
fn load(root: &Path) -> Loading {
    let progress = Arc::new(AtomicUsize::new(0));
    let (tx, done) = mpsc::channel();
    let (root, counter) = (root.to_path_buf(), Arc::clone(&progress));
    std::thread::spawn(move || {
        let read = portfolio::load(&root, |_, _| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let _ = tx.send(read.map(Box::new).map_err(|e| e.to_string()));
    });
    Loading { progress, done }
}

/// What opening journeys needs from the command line and the config.
pub struct Opener<'a> {
    pub config: &'a Config,
    pub settings: Settings,
    pub source: Option<String>,
}

/// Run the portfolio screen on the folder `root` until the user quits, a
/// signal ends it, or a bug panics (the terminal is restored in every case).
pub fn run(root: PathBuf, theme: Theme, opener: &Opener) -> anyhow::Result<Exit> {
    ratatui::crossterm::style::force_color_output(true);
    let inputs = crate::term::inputs().context("cannot listen for input and signals")?;
    let guard = TerminalGuard::enter(opener.settings.mouse).context("cannot set up the terminal")?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| screen(root, theme, opener, &inputs)));
    drop(guard);
    match outcome {
        Ok(result) => result,
        // The panic hook has restored the terminal and printed the panic.
        Err(_) => Ok(Exit::Crashed),
    }
}

fn fresh_terminal() -> anyhow::Result<Term> {
    let (w, h) = ratatui::crossterm::terminal::size()?;
    Ok(cleared_terminal(drawn_area(w, h))?)
}

fn draw(terminal: &mut Term, view: &PortfolioView, theme: &Theme) -> anyhow::Result<()> {
    terminal.draw(|buf| {
        (&PortfolioScreen { view, theme }).render(buf.area, buf);
        None
    })?;
    terminal.writer_mut().commit()?;
    Ok(())
}

fn screen(root: PathBuf, theme: Theme, opener: &Opener, inputs: &Inputs) -> anyhow::Result<Exit> {
    let mut terminal = fresh_terminal()?;
    let mut view = PortfolioView::new(root.clone());
    let area = terminal.area();
    update(&mut view, PortfolioMsg::Resize(area.width, area.height));
    let mut loading = Some(load(&root));
    draw(&mut terminal, &view, &theme)?;
    inputs.start().context("cannot listen for input and signals")?;
    loop {
        let input = match &loading {
            None => Some(inputs.rx.recv().context("input stopped")?),
            Some(_) => match inputs.rx.recv_timeout(POLL) {
                Ok(input) => Some(input),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => anyhow::bail!("input stopped"),
            },
        };
        let mut msgs = Vec::new();
        if let Some(l) = &loading {
            msgs.push(PortfolioMsg::Progress(l.progress.load(Ordering::Relaxed)));
            if let Ok(read) = l.done.try_recv() {
                msgs.push(PortfolioMsg::Loaded(read));
                loading = None;
            }
        }
        match input {
            Some(Input::Event(Event::Key(key))) => msgs.push(PortfolioMsg::Key(key)),
            Some(Input::Event(Event::Paste(text))) => msgs.push(PortfolioMsg::Paste(text)),
            Some(Input::Event(Event::Resize(w, h))) => {
                let area = drawn_area(w, h);
                terminal.resize(area)?;
                msgs.push(PortfolioMsg::Resize(area.width, area.height));
            }
            Some(Input::Event(Event::Mouse(m))) => match m.kind {
                MouseEventKind::ScrollDown => msgs.push(PortfolioMsg::Scroll { down: true }),
                MouseEventKind::ScrollUp => msgs.push(PortfolioMsg::Scroll { down: false }),
                _ => {}
            },
            Some(Input::Signal(signal)) => return Ok(Exit::Signal(signal)),
            Some(Input::Closed(_)) => return Ok(Exit::Signal(signal_hook::consts::SIGHUP)),
            Some(Input::Event(_)) | None => {}
        }
        for msg in msgs {
            for effect in update(&mut view, msg) {
                match effect {
                    PortfolioEffect::Quit => return Ok(Exit::Quit),
                    PortfolioEffect::Load => loading = Some(load(&root)),
                    PortfolioEffect::Open(path) => {
                        // The editor's first frame starts on a cleared screen.
                        terminal.clear()?;
                        terminal.writer_mut().commit()?;
                        if let Some(exit) = open(&path, &mut view, &theme, opener, inputs)? {
                            return Ok(exit);
                        }
                        terminal = fresh_terminal()?;
                        let area = terminal.area();
                        update(&mut view, PortfolioMsg::Resize(area.width, area.height));
                    }
                }
            }
        }
        draw(&mut terminal, &view, &theme)?;
    }
}

/// Open a journey in the editor; when it quits, read the journey again.
/// `Some` when the whole session is over (a signal, a crash).
fn open(
    path: &Path,
    view: &mut PortfolioView,
    theme: &Theme,
    opener: &Opener,
    inputs: &Inputs,
) -> anyhow::Result<Option<Exit>> {
    let config = opener.config;
    let fresh = Journey::new("", "", config.new_rows.clone(), config.new_phases.clone());
    let started = match crate::startup::open(Some(path), fresh, config.keymap(), opener.settings, opener.source.clone())
    {
        Ok(started) => started,
        Err(message) => {
            update(view, PortfolioMsg::Notice { text: message.replace("\n  hint:", "; hint:"), error: true });
            return Ok(None);
        }
    };
    let mut app = App::open(Opening { from_list: true, ..started.opening });
    for notice in started.notices {
        crate::app::update(&mut app, notice);
    }
    crate::app::update(&mut app, started.opened);
    match shell::edit(inputs, &mut app, *theme, started.session)? {
        Exit::Quit => {
            if let Some(p) = view.portfolio.as_deref() {
                let read = p.reread(path);
                update(view, PortfolioMsg::Reread { path: path.to_path_buf(), read });
            }
            Ok(None)
        }
        other => Ok(Some(other)),
    }
}
