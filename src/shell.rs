//! The event loop: event -> action -> update -> effects -> render. Draws only
//! after something happened, coalescing whatever input is already queued.

use std::io;

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::Event;

use crate::app::{Action, App, Effect, resolve_key, update};
use crate::store;
use crate::term::{self, FrameWriter, Input, TerminalGuard};
use crate::ui::{Screen, Theme};

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by a signal; the process should exit with 128 + the signal number.
    Signal(i32),
}

/// Run the TUI until the user quits or a signal ends it.
pub fn run(mut app: App) -> anyhow::Result<Exit> {
    let theme = Theme::from_env();
    // crossterm drops every style attribute when NO_COLOR is set; jgrid reads
    // NO_COLOR itself and picks a monochrome theme instead.
    ratatui::crossterm::style::force_color_output(true);
    let inputs = term::inputs().context("cannot listen for input and signals")?;
    let _guard = TerminalGuard::enter().context("cannot set up the terminal")?;
    let mut terminal = Terminal::new(CrosstermBackend::new(FrameWriter::new()))?;
    let size = terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    draw(&mut terminal, &app, &theme)?;
    loop {
        let first = inputs.recv().context("input stopped")?;
        for input in std::iter::once(first).chain(inputs.try_iter()) {
            if let Some(exit) = handle(&mut app, input) {
                return Ok(exit);
            }
        }
        draw(&mut terminal, &app, &theme)?;
    }
}

fn draw(terminal: &mut Terminal<CrosstermBackend<FrameWriter>>, app: &App, theme: &Theme) -> io::Result<()> {
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
                match effect {
                    Effect::Quit => return Some(Exit::Quit),
                    Effect::Save { path, then_quit } => {
                        let result = store::save(&path, &app.journey).map_err(|e| e.to_string());
                        next.extend(update(app, Action::Saved { path, result, then_quit }));
                    }
                }
            }
            effects = next;
        }
    }
    None
}
