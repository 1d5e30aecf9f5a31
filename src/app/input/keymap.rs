//! The keymap is data: a list of (mode, key, action) bindings. Defaults live
//! here (a question's default keys live with the question); the config file
//! may add or replace bindings.

use crate::app::input::action::{Edit, Grid, Inbox, List, Move};
use ratatui::crossterm::event::KeyCode;

use crate::app::input::action::Action;
pub use crate::app::input::key::Key;
use crate::app::questions::QuestionKind;

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    Normal,
    Edit,
    /// The `:` command line and other one-line prompts.
    Line,
    Help,
    /// The inbox panel has the focus.
    Inbox,
    /// A note picked up from the inbox waits for its cell.
    Place,
    /// A list over the grid (the insights): select and jump.
    List,
    /// A question waiting for its answer.
    Question(QuestionKind),
    /// Present mode: one phase per screen.
    Present,
}

impl KeyMode {
    /// Every mode, in the order help lists them: the panels, then the questions.
    pub fn all() -> impl Iterator<Item = KeyMode> {
        use KeyMode::*;
        let panels = [Normal, Edit, Line, Help, Inbox, Place, List];
        panels.into_iter().chain(QuestionKind::ALL.iter().map(|&q| Question(q))).chain([Present])
    }

    /// The name of its table in the config file (`[keys.normal]`, `[keys.quit]`).
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Edit => "edit",
            KeyMode::Line => "line",
            KeyMode::Help => "help",
            KeyMode::Inbox => "inbox",
            KeyMode::Place => "place",
            KeyMode::List => "list",
            KeyMode::Question(kind) => kind.spec().id,
            KeyMode::Present => "present",
        }
    }
}

/// One binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: KeyMode,
    pub key: Key,
    pub action: Action,
}

/// All bindings. Lookups go front to back, so later overrides are inserted first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Action as C;
        use KeyCode as K;
        let mut b = Vec::new();
        let mut bind = |mode, keys: &[Key], action| {
            for &key in keys {
                b.push(Binding { mode, key, action });
            }
        };
        let n = KeyMode::Normal;
        bind(n, &[Key::code(K::Left), Key::plain('h')], C::Move(Move::Left));
        bind(n, &[Key::code(K::Right), Key::plain('l')], C::Move(Move::Right));
        bind(n, &[Key::code(K::Up), Key::plain('k')], C::Move(Move::Up));
        bind(n, &[Key::code(K::Down), Key::plain('j')], C::Move(Move::Down));
        bind(n, &[Key::code(K::Tab)], C::Move(Move::NextPhase));
        bind(n, &[Key::code(K::BackTab)], C::Move(Move::PrevPhase));
        bind(n, &[Key::code(K::Home), Key::plain('0')], C::Move(Move::FirstPhase));
        bind(n, &[Key::code(K::End), Key::plain('$')], C::Move(Move::LastPhase));
        bind(n, &[Key::plain('g')], C::Move(Move::FirstRow));
        bind(n, &[Key::plain('G')], C::Move(Move::LastRow));
        bind(n, &[Key::code(K::PageUp)], C::Move(Move::PageUp));
        bind(n, &[Key::code(K::PageDown)], C::Move(Move::PageDown));
        bind(n, &[Key::code(K::Enter), Key::plain('i')], C::Grid(Grid::Edit));
        bind(n, &[Key::plain('a')], C::Grid(Grid::Append));
        bind(n, &[Key::plain('x'), Key::code(K::Delete)], C::Grid(Grid::Clear));
        bind(n, &[Key::plain('u'), Key::ctrl('z')], C::Grid(Grid::Undo));
        bind(n, &[Key::ctrl('r'), Key::ctrl('y')], C::Grid(Grid::Redo));
        bind(n, &[Key::ctrl('s')], C::Grid(Grid::Save));
        bind(n, &[Key::plain('q')], C::Grid(Grid::Quit));
        bind(n, &[Key::plain('?'), Key::code(K::F(1))], C::Grid(Grid::Help));
        bind(n, &[Key::plain(':')], C::Grid(Grid::CommandLine));
        bind(n, &[Key::plain('H')], C::Grid(Grid::ToggleHighlight));
        bind(n, &[Key::plain(']')], C::Grid(Grid::NextFinding));
        bind(n, &[Key::plain('[')], C::Grid(Grid::PrevFinding));
        bind(n, &[Key::plain('y')], C::Grid(Grid::Copy));
        bind(n, &[Key::plain('p')], C::Grid(Grid::Paste));
        bind(n, &[Key::plain('d')], C::Grid(Grid::Cut));
        bind(n, &[Key::plain('/')], C::Grid(Grid::Search));
        bind(n, &[Key::plain('n')], C::Grid(Grid::SearchNext));
        bind(n, &[Key::plain('N')], C::Grid(Grid::SearchPrev));
        bind(n, &[Key::plain('z')], C::Grid(Grid::Zoom));
        bind(n, &[Key::plain('e')], C::Grid(Grid::ExternalEditor));
        bind(n, &[Key::plain('o')], C::Grid(Grid::AddPhase));
        bind(n, &[Key::plain('B')], C::Grid(Grid::InsertPhase));
        bind(n, &[Key::plain('O')], C::Grid(Grid::NewOpportunity));
        bind(n, &[Key::plain('r')], C::Grid(Grid::RenamePhase));
        bind(n, &[Key::plain('X')], C::Grid(Grid::DeletePhase));
        bind(n, &[Key::plain('<')], C::Grid(Grid::MovePhaseLeft));
        bind(n, &[Key::plain('>')], C::Grid(Grid::MovePhaseRight));
        bind(n, &[Key::plain('+')], C::Grid(Grid::AddRow));
        bind(n, &[Key::plain('R')], C::Grid(Grid::RenameRow));
        bind(n, &[Key::plain('K')], C::Grid(Grid::MoveRowUp));
        bind(n, &[Key::plain('J')], C::Grid(Grid::MoveRowDown));
        bind(n, &[Key::plain('T')], C::Grid(Grid::EditTitle));
        bind(n, &[Key::plain('W')], C::Grid(Grid::EditPersona));
        bind(n, &[Key::plain('P')], C::Grid(Grid::ShowPlan));
        bind(n, &[Key::code(K::Esc)], C::Cancel);
        bind(n, &[Key::plain('c')], C::Grid(Grid::Capture));
        bind(n, &[Key::plain('I')], C::Grid(Grid::ShowInbox));
        bind(n, &[Key::plain('}')], C::Grid(Grid::RaiseMood));
        bind(n, &[Key::plain('{')], C::Grid(Grid::LowerMood));
        bind(n, &[Key::plain('L')], C::Grid(Grid::ShowInsights));
        bind(n, &[Key::plain('E')], C::Grid(Grid::ToggleEvidence));
        bind(n, &[Key::plain('M')], C::Grid(Grid::ResolveConflict));
        bind(n, &[Key::plain('A')], C::Grid(Grid::AcceptFinding));
        let e = KeyMode::Edit;
        bind(e, &[Key::code(K::Esc)], C::Edit(Edit::Keep));
        bind(e, &[Key::ctrl('c')], C::Edit(Edit::Abandon));
        bind(e, &[Key::ctrl('s')], C::Edit(Edit::KeepAndSave));
        let l = KeyMode::Line;
        bind(l, &[Key::code(K::Enter)], C::Submit);
        bind(l, &[Key::code(K::Esc), Key::ctrl('c')], C::Cancel);
        bind(l, &[Key::code(K::Tab)], C::Complete);
        let h = KeyMode::Help;
        bind(h, &[Key::code(K::Up), Key::plain('k')], C::Move(Move::Up));
        bind(h, &[Key::code(K::Down), Key::plain('j')], C::Move(Move::Down));
        bind(h, &[Key::code(K::PageUp)], C::Move(Move::PageUp));
        bind(h, &[Key::code(K::PageDown), Key::plain(' ')], C::Move(Move::PageDown));
        bind(h, &[Key::code(K::Esc), Key::plain('q'), Key::plain('?')], C::Cancel);
        let i = KeyMode::Inbox;
        bind(i, &[Key::plain('k'), Key::code(K::Up)], C::Move(Move::Up));
        bind(i, &[Key::plain('j'), Key::code(K::Down)], C::Move(Move::Down));
        bind(i, &[Key::code(K::Home), Key::plain('g')], C::Move(Move::FirstRow));
        bind(i, &[Key::code(K::End), Key::plain('G')], C::Move(Move::LastRow));
        bind(i, &[Key::code(K::Enter)], C::Inbox(Inbox::PickNote));
        bind(i, &[Key::plain('x'), Key::code(K::Delete)], C::Inbox(Inbox::DeleteNote));
        bind(i, &[Key::plain('e')], C::Inbox(Inbox::EditNote));
        bind(i, &[Key::plain('u'), Key::ctrl('z')], C::Grid(Grid::Undo));
        bind(i, &[Key::ctrl('r'), Key::ctrl('y')], C::Grid(Grid::Redo));
        bind(i, &[Key::code(K::Esc), Key::plain('I'), Key::plain('q')], C::Cancel);
        let l = KeyMode::List;
        bind(l, &[Key::plain('k'), Key::code(K::Up)], C::Move(Move::Up));
        bind(l, &[Key::plain('j'), Key::code(K::Down)], C::Move(Move::Down));
        bind(l, &[Key::plain('g'), Key::code(K::Home)], C::Move(Move::FirstRow));
        bind(l, &[Key::plain('G'), Key::code(K::End)], C::Move(Move::LastRow));
        bind(l, &[Key::code(K::PageUp)], C::Move(Move::PageUp));
        bind(l, &[Key::code(K::PageDown), Key::plain(' ')], C::Move(Move::PageDown));
        bind(l, &[Key::code(K::Enter)], C::Submit);
        bind(l, &[Key::plain('x'), Key::code(K::Delete)], C::List(List::Unaccept));
        bind(l, &[Key::plain('O')], C::List(List::Opportunity));
        bind(l, &[Key::plain('e')], C::List(List::EditOpportunity));
        bind(l, &[Key::plain('s')], C::List(List::NextStatus));
        bind(l, &[Key::plain('D')], C::List(List::DeleteOpportunity));
        bind(l, &[Key::code(K::Esc), Key::plain('q'), Key::plain('L'), Key::plain('P')], C::Cancel);
        let p = KeyMode::Place;
        bind(p, &[Key::code(K::Left), Key::plain('h')], C::Move(Move::Left));
        bind(p, &[Key::code(K::Right), Key::plain('l')], C::Move(Move::Right));
        bind(p, &[Key::code(K::Up), Key::plain('k')], C::Move(Move::Up));
        bind(p, &[Key::code(K::Down), Key::plain('j')], C::Move(Move::Down));
        bind(p, &[Key::code(K::Tab)], C::Move(Move::NextPhase));
        bind(p, &[Key::code(K::BackTab)], C::Move(Move::PrevPhase));
        bind(p, &[Key::code(K::Home), Key::plain('0')], C::Move(Move::FirstPhase));
        bind(p, &[Key::code(K::End), Key::plain('$')], C::Move(Move::LastPhase));
        bind(p, &[Key::plain('g')], C::Move(Move::FirstRow));
        bind(p, &[Key::plain('G')], C::Move(Move::LastRow));
        bind(p, &[Key::code(K::Enter)], C::Inbox(Inbox::DropNote));
        bind(p, &[Key::code(K::Esc)], C::Cancel);
        bind(n, &[Key::plain('v')], C::Grid(Grid::ToggleOverview));
        bind(n, &[Key::plain('F')], C::Grid(Grid::ToggleFreeze));
        let p = KeyMode::Present;
        bind(p, &[Key::code(K::Right), Key::plain('l'), Key::code(K::Tab)], C::Move(Move::NextPhase));
        bind(p, &[Key::code(K::Left), Key::plain('h'), Key::code(K::BackTab)], C::Move(Move::PrevPhase));
        bind(
            p,
            &[Key::plain(' '), Key::code(K::PageDown), Key::code(K::Down), Key::plain('j')],
            C::Move(Move::PageDown),
        );
        bind(
            p,
            &[Key::code(K::PageUp), Key::code(K::Up), Key::plain('k'), Key::code(K::Backspace)],
            C::Move(Move::PageUp),
        );
        bind(p, &[Key::code(K::Home), Key::plain('0')], C::Move(Move::FirstPhase));
        bind(p, &[Key::code(K::End), Key::plain('$')], C::Move(Move::LastPhase));
        bind(p, &[Key::plain('H')], C::Grid(Grid::ToggleHighlight));
        bind(p, &[Key::code(K::Esc), Key::plain('q')], C::Cancel);
        for &kind in QuestionKind::ALL {
            for answer in kind.spec().answers {
                let keys: Vec<Key> = answer.keys.iter().map(|&k| Key::code(k)).collect();
                bind(KeyMode::Question(kind), &keys, answer.action);
            }
        }
        Self { bindings: b }
    }
}

impl Keymap {
    /// The action bound to this key in this mode.
    pub fn lookup(&self, mode: KeyMode, key: Key) -> Option<Action> {
        self.bindings.iter().find(|b| b.mode == mode && b.key == key).map(|b| b.action)
    }

    /// The keys bound to a action in a mode, in binding order.
    pub fn keys_for(&self, mode: KeyMode, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.mode == mode && b.action == action) {
            // A key shadowed by an earlier binding does not run this action.
            if self.lookup(mode, b.key) == Some(action) && !keys.contains(&b.key) {
                keys.push(b.key);
            }
        }
        keys
    }

    /// The first key's label for a action, for the status bar's hints.
    pub fn label(&self, mode: KeyMode, action: Action) -> Option<String> {
        self.keys_for(mode, action).first().map(Key::label)
    }

    /// Bind a key, taking precedence over earlier bindings of that key.
    pub fn bind(&mut self, mode: KeyMode, key: Key, action: Action) {
        self.bindings.insert(0, Binding { mode, key, action });
    }

    /// Remove every binding of a key in a mode, defaults included.
    pub fn unbind(&mut self, mode: KeyMode, key: Key) {
        self.bindings.retain(|b| !(b.mode == mode && b.key == key));
    }

    /// The actions bound in a mode, each once, in help order.
    pub fn actions(&self, mode: KeyMode) -> Vec<Action> {
        Action::all().filter(|&c| !self.keys_for(mode, c).is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    #[test]
    fn shifted_letters_and_capitals_are_the_same_key() {
        assert_eq!(Key::new(KeyCode::Char('g'), KeyModifiers::SHIFT), Key::plain('G'));
        assert_eq!(Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT), Key::plain('G'));
        assert_eq!(Key::new(KeyCode::BackTab, KeyModifiers::SHIFT), Key::code(KeyCode::BackTab));
        assert_eq!(Key::new(KeyCode::Char('S'), KeyModifiers::CONTROL), Key::ctrl('s'));
    }

    #[test]
    fn defaults_follow_the_product_brief() {
        let k = Keymap::default();
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('l')), Some(Action::Move(Move::Right)));
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('$')), Some(Action::Move(Move::LastPhase)));
        assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('s')), Some(Action::Grid(Grid::Save)));
        assert_eq!(k.lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), Some(Action::Edit(Edit::Keep)));
        assert_eq!(k.lookup(KeyMode::Edit, Key::plain('q')), None);
    }

    #[test]
    fn a_new_binding_shadows_the_default_and_help_follows() {
        let mut k = Keymap::default();
        k.bind(KeyMode::Normal, Key::ctrl('w'), Action::Grid(Grid::Save));
        k.bind(KeyMode::Normal, Key::plain('q'), Action::Grid(Grid::Help));
        assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('w')), Some(Action::Grid(Grid::Save)));
        assert_eq!(k.keys_for(KeyMode::Normal, Action::Grid(Grid::Save)), [Key::ctrl('w'), Key::ctrl('s')]);
        assert!(k.keys_for(KeyMode::Normal, Action::Grid(Grid::Quit)).is_empty());
        assert_eq!(k.label(KeyMode::Normal, Action::Grid(Grid::Save)).as_deref(), Some("Ctrl-w"));
    }

    #[test]
    fn unbind_removes_a_key_in_one_mode_only() {
        let mut k = Keymap::default();
        k.bind(KeyMode::Normal, Key::plain('x'), Action::Grid(Grid::Help));
        k.unbind(KeyMode::Normal, Key::plain('x'));
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('x')), None);
        assert_eq!(k.keys_for(KeyMode::Normal, Action::Grid(Grid::Clear)), [Key::code(KeyCode::Delete)]);
        k.unbind(KeyMode::Normal, Key::code(KeyCode::Esc));
        assert_eq!(k.lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), Some(Action::Edit(Edit::Keep)));
    }
}
