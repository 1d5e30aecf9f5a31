//! The keymap is data: a list of (mode, key, action) bindings. Defaults live
//! here (a question's default keys live with the question); the config file
//! may add or replace bindings.

use ratatui::crossterm::event::KeyCode;

use crate::app::input::action::Action;
pub use crate::app::input::key::Key;
use crate::app::questions::{QUESTIONS, QuestionKind};

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
    pub const ALL: [KeyMode; 8 + QUESTIONS.len()] = {
        let mut all = [KeyMode::Normal; 8 + QUESTIONS.len()];
        all[1] = KeyMode::Edit;
        all[2] = KeyMode::Line;
        all[3] = KeyMode::Help;
        all[4] = KeyMode::Inbox;
        all[5] = KeyMode::Place;
        all[6] = KeyMode::List;
        let mut i = 0;
        while i < QUESTIONS.len() {
            all[7 + i] = KeyMode::Question(QUESTIONS[i].kind);
            i += 1;
        }
        all[7 + QUESTIONS.len()] = KeyMode::Present;
        all
    };

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
        bind(n, &[Key::code(K::Left), Key::plain('h')], C::MoveLeft);
        bind(n, &[Key::code(K::Right), Key::plain('l')], C::MoveRight);
        bind(n, &[Key::code(K::Up), Key::plain('k')], C::MoveUp);
        bind(n, &[Key::code(K::Down), Key::plain('j')], C::MoveDown);
        bind(n, &[Key::code(K::Tab)], C::NextPhase);
        bind(n, &[Key::code(K::BackTab)], C::PrevPhase);
        bind(n, &[Key::code(K::Home), Key::plain('0')], C::FirstPhase);
        bind(n, &[Key::code(K::End), Key::plain('$')], C::LastPhase);
        bind(n, &[Key::plain('g')], C::FirstRow);
        bind(n, &[Key::plain('G')], C::LastRow);
        bind(n, &[Key::code(K::PageUp)], C::PageUp);
        bind(n, &[Key::code(K::PageDown)], C::PageDown);
        bind(n, &[Key::code(K::Enter), Key::plain('i')], C::Edit);
        bind(n, &[Key::plain('a')], C::Append);
        bind(n, &[Key::plain('x'), Key::code(K::Delete)], C::Clear);
        bind(n, &[Key::plain('u'), Key::ctrl('z')], C::Undo);
        bind(n, &[Key::ctrl('r'), Key::ctrl('y')], C::Redo);
        bind(n, &[Key::ctrl('s')], C::Save);
        bind(n, &[Key::plain('q')], C::Quit);
        bind(n, &[Key::plain('?'), Key::code(K::F(1))], C::Help);
        bind(n, &[Key::plain(':')], C::CommandLine);
        bind(n, &[Key::plain('H')], C::ToggleHighlight);
        bind(n, &[Key::plain(']')], C::NextFinding);
        bind(n, &[Key::plain('[')], C::PrevFinding);
        bind(n, &[Key::plain('y')], C::Copy);
        bind(n, &[Key::plain('p')], C::Paste);
        bind(n, &[Key::plain('d')], C::Cut);
        bind(n, &[Key::plain('/')], C::Search);
        bind(n, &[Key::plain('n')], C::SearchNext);
        bind(n, &[Key::plain('N')], C::SearchPrev);
        bind(n, &[Key::plain('z')], C::Zoom);
        bind(n, &[Key::plain('e')], C::ExternalEditor);
        bind(n, &[Key::plain('o')], C::AddPhase);
        bind(n, &[Key::plain('O')], C::InsertPhase);
        bind(n, &[Key::plain('r')], C::RenamePhase);
        bind(n, &[Key::plain('X')], C::DeletePhase);
        bind(n, &[Key::plain('<')], C::MovePhaseLeft);
        bind(n, &[Key::plain('>')], C::MovePhaseRight);
        bind(n, &[Key::plain('+')], C::AddRow);
        bind(n, &[Key::plain('R')], C::RenameRow);
        bind(n, &[Key::plain('K')], C::MoveRowUp);
        bind(n, &[Key::plain('J')], C::MoveRowDown);
        bind(n, &[Key::plain('T')], C::EditTitle);
        bind(n, &[Key::plain('P')], C::EditPersona);
        bind(n, &[Key::code(K::Esc)], C::Cancel);
        bind(n, &[Key::plain('c')], C::Capture);
        bind(n, &[Key::plain('I')], C::ShowInbox);
        bind(n, &[Key::plain('}')], C::RaiseMood);
        bind(n, &[Key::plain('{')], C::LowerMood);
        bind(n, &[Key::plain('L')], C::ShowInsights);
        bind(n, &[Key::plain('E')], C::ToggleEvidence);
        bind(n, &[Key::plain('M')], C::ResolveConflict);
        bind(n, &[Key::plain('A')], C::AcceptFinding);
        let e = KeyMode::Edit;
        bind(e, &[Key::code(K::Esc)], C::KeepEdit);
        bind(e, &[Key::ctrl('c')], C::AbandonEdit);
        bind(e, &[Key::ctrl('s')], C::KeepAndSave);
        let l = KeyMode::Line;
        bind(l, &[Key::code(K::Enter)], C::Submit);
        bind(l, &[Key::code(K::Esc), Key::ctrl('c')], C::Cancel);
        bind(l, &[Key::code(K::Tab)], C::Complete);
        let h = KeyMode::Help;
        bind(h, &[Key::code(K::Up), Key::plain('k')], C::MoveUp);
        bind(h, &[Key::code(K::Down), Key::plain('j')], C::MoveDown);
        bind(h, &[Key::code(K::PageUp)], C::PageUp);
        bind(h, &[Key::code(K::PageDown), Key::plain(' ')], C::PageDown);
        bind(h, &[Key::code(K::Esc), Key::plain('q'), Key::plain('?')], C::Cancel);
        let i = KeyMode::Inbox;
        bind(i, &[Key::plain('k'), Key::code(K::Up)], C::MoveUp);
        bind(i, &[Key::plain('j'), Key::code(K::Down)], C::MoveDown);
        bind(i, &[Key::code(K::Home), Key::plain('g')], C::FirstRow);
        bind(i, &[Key::code(K::End), Key::plain('G')], C::LastRow);
        bind(i, &[Key::code(K::Enter)], C::PickNote);
        bind(i, &[Key::plain('x'), Key::code(K::Delete)], C::DeleteNote);
        bind(i, &[Key::plain('e')], C::EditNote);
        bind(i, &[Key::plain('u'), Key::ctrl('z')], C::Undo);
        bind(i, &[Key::ctrl('r'), Key::ctrl('y')], C::Redo);
        bind(i, &[Key::code(K::Esc), Key::plain('I'), Key::plain('q')], C::Cancel);
        let l = KeyMode::List;
        bind(l, &[Key::plain('k'), Key::code(K::Up)], C::MoveUp);
        bind(l, &[Key::plain('j'), Key::code(K::Down)], C::MoveDown);
        bind(l, &[Key::plain('g'), Key::code(K::Home)], C::FirstRow);
        bind(l, &[Key::plain('G'), Key::code(K::End)], C::LastRow);
        bind(l, &[Key::code(K::PageUp)], C::PageUp);
        bind(l, &[Key::code(K::PageDown), Key::plain(' ')], C::PageDown);
        bind(l, &[Key::code(K::Enter)], C::Submit);
        bind(l, &[Key::plain('x'), Key::code(K::Delete)], C::Unaccept);
        bind(l, &[Key::code(K::Esc), Key::plain('q'), Key::plain('L')], C::Cancel);
        let p = KeyMode::Place;
        bind(p, &[Key::code(K::Left), Key::plain('h')], C::MoveLeft);
        bind(p, &[Key::code(K::Right), Key::plain('l')], C::MoveRight);
        bind(p, &[Key::code(K::Up), Key::plain('k')], C::MoveUp);
        bind(p, &[Key::code(K::Down), Key::plain('j')], C::MoveDown);
        bind(p, &[Key::code(K::Tab)], C::NextPhase);
        bind(p, &[Key::code(K::BackTab)], C::PrevPhase);
        bind(p, &[Key::code(K::Home), Key::plain('0')], C::FirstPhase);
        bind(p, &[Key::code(K::End), Key::plain('$')], C::LastPhase);
        bind(p, &[Key::plain('g')], C::FirstRow);
        bind(p, &[Key::plain('G')], C::LastRow);
        bind(p, &[Key::code(K::Enter)], C::DropNote);
        bind(p, &[Key::code(K::Esc)], C::Cancel);
        bind(n, &[Key::plain('v')], C::ToggleOverview);
        bind(n, &[Key::plain('F')], C::ToggleFreeze);
        let p = KeyMode::Present;
        bind(p, &[Key::code(K::Right), Key::plain('l'), Key::code(K::Tab)], C::NextPhase);
        bind(p, &[Key::code(K::Left), Key::plain('h'), Key::code(K::BackTab)], C::PrevPhase);
        bind(p, &[Key::plain(' '), Key::code(K::PageDown), Key::code(K::Down), Key::plain('j')], C::PageDown);
        bind(p, &[Key::code(K::PageUp), Key::code(K::Up), Key::plain('k'), Key::code(K::Backspace)], C::PageUp);
        bind(p, &[Key::code(K::Home), Key::plain('0')], C::FirstPhase);
        bind(p, &[Key::code(K::End), Key::plain('$')], C::LastPhase);
        bind(p, &[Key::plain('H')], C::ToggleHighlight);
        bind(p, &[Key::code(K::Esc), Key::plain('q')], C::Cancel);
        for question in &QUESTIONS {
            for answer in question.answers {
                let keys: Vec<Key> = answer.keys.iter().map(|&k| Key::code(k)).collect();
                bind(KeyMode::Question(question.kind), &keys, answer.action);
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
        Action::ALL.into_iter().filter(|&c| !self.keys_for(mode, c).is_empty()).collect()
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
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('l')), Some(Action::MoveRight));
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('$')), Some(Action::LastPhase));
        assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('s')), Some(Action::Save));
        assert_eq!(k.lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), Some(Action::KeepEdit));
        assert_eq!(k.lookup(KeyMode::Edit, Key::plain('q')), None);
    }

    #[test]
    fn a_new_binding_shadows_the_default_and_help_follows() {
        let mut k = Keymap::default();
        k.bind(KeyMode::Normal, Key::ctrl('w'), Action::Save);
        k.bind(KeyMode::Normal, Key::plain('q'), Action::Help);
        assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('w')), Some(Action::Save));
        assert_eq!(k.keys_for(KeyMode::Normal, Action::Save), [Key::ctrl('w'), Key::ctrl('s')]);
        assert!(k.keys_for(KeyMode::Normal, Action::Quit).is_empty());
        assert_eq!(k.label(KeyMode::Normal, Action::Save).as_deref(), Some("Ctrl-w"));
    }

    #[test]
    fn unbind_removes_a_key_in_one_mode_only() {
        let mut k = Keymap::default();
        k.bind(KeyMode::Normal, Key::plain('x'), Action::Help);
        k.unbind(KeyMode::Normal, Key::plain('x'));
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('x')), None);
        assert_eq!(k.keys_for(KeyMode::Normal, Action::Clear), [Key::code(KeyCode::Delete)]);
        k.unbind(KeyMode::Normal, Key::code(KeyCode::Esc));
        assert_eq!(k.lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), Some(Action::KeepEdit));
    }
}
