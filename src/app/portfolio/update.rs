//! `update(view, msg)`: the only place the portfolio screen's state changes;
//! what needs the disk or the editor comes back as effects.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};

use super::keys::{self, Act};
use super::panels;
use super::state::{Panel, PortfolioView, Row};
use crate::app::{LineInput, LineKind, Status};
use crate::portfolio::{Portfolio, Read, blueprint, cross};

/// What the portfolio screen reacts to.
#[derive(Debug)]
pub enum PortfolioMsg {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    /// While the folder is read: how many files so far.
    Progress(usize),
    /// The folder was read, or why not.
    Loaded(Result<Box<Portfolio>, String>),
    /// A file was read again after the editor had it.
    Reread {
        path: PathBuf,
        read: Read<()>,
    },
    /// A message for the status line (the editor could not open a journey, say).
    Notice {
        text: String,
        error: bool,
    },
    /// The mouse wheel turned.
    Scroll {
        down: bool,
    },
}

/// What the portfolio screen asks the shell to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortfolioEffect {
    /// Open this journey in the editor; come back here when it quits.
    Open(PathBuf),
    /// Read the folder again.
    Load,
    Quit,
}

/// Apply one message; return what the shell must do.
pub fn update(view: &mut PortfolioView, msg: PortfolioMsg) -> Vec<PortfolioEffect> {
    match msg {
        PortfolioMsg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        PortfolioMsg::Key(key) => {
            view.status = None;
            if view.typing.is_some() {
                type_filter(view, key);
                return Vec::new();
            }
            match keys::act(&key) {
                Some(act) => run(view, act),
                // A quick Esc then a key can arrive as Alt+key (tmux, a slow link).
                None if key.modifiers.contains(KeyModifiers::ALT) => {
                    let mut effects = run(view, Act::Back);
                    let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
                    if let Some(act) = keys::act(&plain) {
                        effects.extend(run(view, act));
                    }
                    effects
                }
                None => Vec::new(),
            }
        }
        PortfolioMsg::Paste(text) => {
            if let Some(line) = &mut view.typing {
                line.paste(&text);
                view.filter = line.text().to_lowercase();
                view.arrange();
            }
            Vec::new()
        }
        PortfolioMsg::Resize(w, h) => {
            view.width = w;
            view.height = h;
            view.scroll_to_selected();
            Vec::new()
        }
        PortfolioMsg::Progress(n) => {
            view.progress = n;
            Vec::new()
        }
        PortfolioMsg::Loaded(Ok(p)) => {
            view.failed = None;
            view.portfolio = Some(p);
            refresh(view);
            Vec::new()
        }
        PortfolioMsg::Loaded(Err(why)) => {
            view.failed = Some(why);
            Vec::new()
        }
        PortfolioMsg::Reread { path, read } => {
            if let Some(p) = view.portfolio.as_deref_mut() {
                p.replace(&path, read);
                refresh(view);
            }
            Vec::new()
        }
        PortfolioMsg::Notice { text, error } => {
            view.status = Some(Status { text, error });
            Vec::new()
        }
        PortfolioMsg::Scroll { down } => run(view, if down { Act::Down } else { Act::Up }),
    }
}

/// After the journeys changed: the checks across them, the blueprint, the rows.
fn refresh(view: &mut PortfolioView) {
    let Some(p) = view.portfolio.as_deref() else { return };
    view.labels = p.labels();
    view.across = cross::check(&p.journeys, &view.labels, p.rules.as_deref());
    view.blueprint = blueprint::of(&p.journeys, p.rules.as_deref());
    if let Panel::Findings { selected, .. } = &mut view.panel {
        *selected = (*selected).min(view.across.len().saturating_sub(1));
    }
    view.arrange();
}

fn run(view: &mut PortfolioView, act: Act) -> Vec<PortfolioEffect> {
    if view.panel != Panel::None {
        return in_panel(view, act);
    }
    let page = view.list_height().max(1);
    let last = view.rows.len().saturating_sub(1);
    match act {
        Act::Up => view.selected = view.selected.saturating_sub(1),
        Act::Down => view.selected = (view.selected + 1).min(last),
        Act::PageUp => view.selected = view.selected.saturating_sub(page),
        Act::PageDown => view.selected = (view.selected + page).min(last),
        Act::Top => view.selected = 0,
        Act::Bottom => view.selected = last,
        Act::Open => return open(view),
        Act::Filter => view.typing = Some(LineInput::new(LineKind::Filter, &view.filter)),
        Act::Sort => {
            view.sort = view.sort.next();
            view.reversed = false;
            view.status = Some(Status { text: format!("Sorted by {}", view.sort.name()), error: false });
            view.arrange();
        }
        Act::Reverse => {
            view.reversed = !view.reversed;
            let order = if view.reversed { ", reversed" } else { "" };
            view.status = Some(Status { text: format!("Sorted by {}{order}", view.sort.name()), error: false });
            view.arrange();
        }
        Act::Findings => view.panel = Panel::Findings { selected: 0, top: 0 },
        Act::Blueprint => view.panel = Panel::Blueprint { scroll: 0 },
        Act::Help => view.panel = Panel::Help { scroll: 0 },
        Act::Reload => {
            view.progress = 0;
            return vec![PortfolioEffect::Load];
        }
        Act::Back if !view.filter.is_empty() => {
            view.filter.clear();
            view.arrange();
        }
        Act::Back => {}
        Act::Quit => return vec![PortfolioEffect::Quit],
    }
    view.scroll_to_selected();
    Vec::new()
}

/// Enter on a row: a journey opens in the editor; a file apart says why it is apart.
fn open(view: &mut PortfolioView) -> Vec<PortfolioEffect> {
    let Some(p) = view.portfolio.as_deref() else { return Vec::new() };
    match view.rows.get(view.selected) {
        Some(Row::Journey(j)) => vec![PortfolioEffect::Open(p.journeys[*j].path.clone())],
        Some(Row::Broken(i)) => {
            let text = p.broken[*i].1.replace("\n  hint:", "; hint:");
            view.status = Some(Status { text, error: true });
            Vec::new()
        }
        Some(Row::Other(i)) => {
            let (name, why) = &p.others[*i];
            view.status = Some(Status { text: format!("{name}: {why}"), error: false });
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// Keys while a panel is open: they move in it; Esc or q closes it.
fn in_panel(view: &mut PortfolioView, act: Act) -> Vec<PortfolioEffect> {
    let width = usize::from(view.width);
    let height = view.list_height().max(1);
    let len = match &view.panel {
        Panel::Findings { .. } => view.across.len(),
        Panel::Blueprint { .. } => panels::blueprint(view).len(),
        Panel::Help { .. } => panels::help().len(),
        Panel::None => 0,
    };
    let step = |at: usize, act: Act, page: usize, len: usize| -> usize {
        let last = len.saturating_sub(1);
        match act {
            Act::Up => at.saturating_sub(1),
            Act::Down => (at + 1).min(last),
            Act::PageUp => at.saturating_sub(page),
            Act::PageDown => (at + page).min(last),
            Act::Top => 0,
            Act::Bottom => last,
            _ => at,
        }
    };
    // Where each finding starts in the findings panel, to keep the selected one in sight.
    let starts =
        if matches!(view.panel, Panel::Findings { .. }) { panels::findings(view, width).1 } else { Vec::new() };
    match (&mut view.panel, act) {
        (_, Act::Back | Act::Quit) => view.panel = Panel::None,
        (Panel::Findings { selected, .. }, Act::Open) => {
            let Some(place) = view.across.get(*selected).and_then(|f| f.places.first()) else { return Vec::new() };
            let Some(p) = view.portfolio.as_deref() else { return Vec::new() };
            return vec![PortfolioEffect::Open(p.journeys[place.journey].path.clone())];
        }
        (_, Act::Help) => view.panel = Panel::Help { scroll: 0 },
        (Panel::Findings { selected, top }, act) => {
            *selected = step(*selected, act, 3, len);
            let start = starts.get(*selected).copied().unwrap_or(0);
            let end = starts.get(*selected + 1).copied().unwrap_or(start + 1);
            if start < *top {
                *top = start;
            } else if end > *top + height {
                *top = end.saturating_sub(height).min(start);
            }
        }
        (Panel::Blueprint { scroll } | Panel::Help { scroll }, act) => {
            *scroll = step(*scroll, act, height, len.saturating_sub(height) + 1);
        }
        _ => {}
    }
    Vec::new()
}

/// A key while the filter is typed: the rows follow every keystroke;
/// Enter keeps the filter, Esc (or Ctrl-c) clears it.
fn type_filter(view: &mut PortfolioView, key: KeyEvent) {
    use ratatui::crossterm::event::KeyCode;
    let Some(line) = &mut view.typing else { return };
    match key.code {
        KeyCode::Enter => view.typing = None,
        KeyCode::Esc => {
            view.typing = None;
            view.filter.clear();
        }
        KeyCode::Char('c') if key.modifiers == KeyModifiers::CONTROL => {
            view.typing = None;
            view.filter.clear();
        }
        _ => {
            line.input(key);
            view.filter = line.text().to_lowercase();
        }
    }
    view.arrange();
}
