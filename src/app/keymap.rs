//! The keymap is data: a list of (mode, key, command) bindings. Defaults live
//! here; the config file may add or replace bindings.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Command;

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    Normal,
    Edit,
    /// The `:` command line and other one-line prompts.
    Line,
    Help,
}

impl KeyMode {
    pub const ALL: [KeyMode; 4] = [KeyMode::Normal, KeyMode::Edit, KeyMode::Line, KeyMode::Help];

    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Edit => "edit",
            KeyMode::Line => "line",
            KeyMode::Help => "help",
        }
    }
}

/// A key with its modifiers, normalised so `G` and `shift-g` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let mut code = code;
        match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() => {
                code = KeyCode::Char(c.to_ascii_uppercase());
                mods.remove(KeyModifiers::SHIFT);
            }
            KeyCode::Char(_) | KeyCode::BackTab => mods.remove(KeyModifiers::SHIFT),
            _ => {}
        }
        if let KeyCode::Char(c) = code
            && mods.contains(KeyModifiers::CONTROL)
        {
            code = KeyCode::Char(c.to_ascii_lowercase());
        }
        Self { code, mods }
    }

    pub fn plain(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    pub fn ctrl(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    pub fn code(code: KeyCode) -> Self {
        Self::new(code, KeyModifiers::NONE)
    }

    pub fn from_event(e: &KeyEvent) -> Self {
        Self::new(e.code, e.modifiers)
    }

    /// Short name for help and the status bar, e.g. `Ctrl-s`, `Shift-Tab`, `↵`.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        let code = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        s.push_str(&code);
        s
    }
}

/// One binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: KeyMode,
    pub key: Key,
    pub command: Command,
}

/// All bindings. Lookups go front to back, so later overrides are inserted first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Command as C;
        use KeyCode as K;
        let mut b = Vec::new();
        let mut bind = |mode, keys: &[Key], command| {
            for &key in keys {
                b.push(Binding { mode, key, command });
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
        Self { bindings: b }
    }
}

impl Keymap {
    /// The command bound to this key in this mode.
    pub fn lookup(&self, mode: KeyMode, key: Key) -> Option<Command> {
        self.bindings.iter().find(|b| b.mode == mode && b.key == key).map(|b| b.command)
    }

    /// The keys bound to a command in a mode, in binding order.
    pub fn keys_for(&self, mode: KeyMode, command: Command) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.mode == mode && b.command == command) {
            // A key shadowed by an earlier binding does not run this command.
            if self.lookup(mode, b.key) == Some(command) && !keys.contains(&b.key) {
                keys.push(b.key);
            }
        }
        keys
    }

    /// The first key's label for a command, for the status bar's hints.
    pub fn label(&self, mode: KeyMode, command: Command) -> Option<String> {
        self.keys_for(mode, command).first().map(Key::label)
    }

    /// Bind a key, taking precedence over earlier bindings of that key.
    pub fn bind(&mut self, mode: KeyMode, key: Key, command: Command) {
        self.bindings.insert(0, Binding { mode, key, command });
    }

    /// Remove every binding of a key in a mode, defaults included.
    pub fn unbind(&mut self, mode: KeyMode, key: Key) {
        self.bindings.retain(|b| !(b.mode == mode && b.key == key));
    }

    /// The commands bound in a mode, each once, in help order.
    pub fn commands(&self, mode: KeyMode) -> Vec<Command> {
        Command::ALL.into_iter().filter(|&c| !self.keys_for(mode, c).is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('l')), Some(Command::MoveRight));
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('$')), Some(Command::LastPhase));
        assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('s')), Some(Command::Save));
        assert_eq!(k.lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), Some(Command::KeepEdit));
        assert_eq!(k.lookup(KeyMode::Edit, Key::plain('q')), None);
    }

    #[test]
    fn a_new_binding_shadows_the_default_and_help_follows() {
        let mut k = Keymap::default();
        k.bind(KeyMode::Normal, Key::ctrl('w'), Command::Save);
        k.bind(KeyMode::Normal, Key::plain('q'), Command::Help);
        assert_eq!(k.lookup(KeyMode::Normal, Key::ctrl('w')), Some(Command::Save));
        assert_eq!(k.keys_for(KeyMode::Normal, Command::Save), [Key::ctrl('w'), Key::ctrl('s')]);
        assert!(k.keys_for(KeyMode::Normal, Command::Quit).is_empty());
        assert_eq!(k.label(KeyMode::Normal, Command::Save).as_deref(), Some("Ctrl-w"));
    }

    #[test]
    fn unbind_removes_a_key_in_one_mode_only() {
        let mut k = Keymap::default();
        k.bind(KeyMode::Normal, Key::plain('x'), Command::Help);
        k.unbind(KeyMode::Normal, Key::plain('x'));
        assert_eq!(k.lookup(KeyMode::Normal, Key::plain('x')), None);
        assert_eq!(k.keys_for(KeyMode::Normal, Command::Clear), [Key::code(KeyCode::Delete)]);
        k.unbind(KeyMode::Normal, Key::code(KeyCode::Esc));
        assert_eq!(k.lookup(KeyMode::Edit, Key::code(KeyCode::Esc)), Some(Command::KeepEdit));
    }
}
