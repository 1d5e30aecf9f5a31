//! The portfolio screen's keys: one table gives each action its keys and
//! its help line, so dispatch, the hint line and help never disagree.

use std::sync::OnceLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::app::Key;

/// What a key does on the portfolio screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected journey in the editor (in the findings list: the
    /// first journey the finding names).
    Open,
    Filter,
    Sort,
    Reverse,
    Findings,
    Blueprint,
    Help,
    Reload,
    /// Close a panel or help, or clear the filter.
    Back,
    Quit,
}

/// An action, its keys (the first is the one hints show) and what it does.
pub struct Binding {
    pub act: Act,
    pub keys: Vec<Key>,
    pub help: &'static str,
}

/// Every binding, in the order help lists them.
pub fn bindings() -> &'static [Binding] {
    static TABLE: OnceLock<Vec<Binding>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let b = |act, keys: Vec<Key>, help| Binding { act, keys, help };
        let (c, p) = (Key::code, Key::plain);
        vec![
            b(Act::Up, vec![c(KeyCode::Up), p('k')], "the journey above"),
            b(Act::Down, vec![c(KeyCode::Down), p('j')], "the journey below"),
            b(Act::PageUp, vec![c(KeyCode::PageUp), Key::ctrl('b')], "a page up"),
            b(Act::PageDown, vec![c(KeyCode::PageDown), Key::ctrl('f')], "a page down"),
            b(Act::Top, vec![c(KeyCode::Home), p('g')], "the first journey"),
            b(Act::Bottom, vec![c(KeyCode::End), p('G')], "the last one"),
            b(
                Act::Open,
                vec![c(KeyCode::Enter), p('l')],
                "open the journey in the editor (q or Esc there comes back); in the findings, the first journey named",
            ),
            b(Act::Filter, vec![p('/')], "filter by title, persona or file (every word must match); Esc clears it"),
            b(
                Act::Sort,
                vec![p('s')],
                "sort by the next column: file, title, open findings, notes, backed, mood, change",
            ),
            b(Act::Reverse, vec![p('S')], "reverse the order"),
            b(Act::Findings, vec![p('f')], "the findings across journeys"),
            b(Act::Blueprint, vec![p('b')], "the blueprint: channels, their teams and systems, and the walls"),
            b(Act::Help, vec![p('?')], "this help"),
            b(Act::Reload, vec![p('r')], "read the folder again"),
            b(Act::Back, vec![c(KeyCode::Esc)], "close the panel or help; clear the filter"),
            b(Act::Quit, vec![p('q'), Key::ctrl('c')], "quit (in a panel: close it)"),
        ]
    })
}

/// The action a key press stands for, if any.
pub fn act(event: &KeyEvent) -> Option<Act> {
    let key = Key::from_event(event);
    bindings().iter().find(|b| b.keys.contains(&key)).map(|b| b.act)
}

/// The first key of an action, as hints show it.
pub fn label(act: Act) -> String {
    bindings().iter().find(|b| b.act == act).and_then(|b| b.keys.first()).map_or_else(String::new, Key::label)
}
