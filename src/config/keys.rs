//! Key names as written in the config file: `ctrl-s`, `G`, `shift-tab`, `f2`.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::input::keymap::Key;

const EXAMPLES: &str =
    "for example `x`, `G`, `?`, `ctrl-s`, `alt-x`, `shift-tab`, `enter`, `esc`, `f2`, `pgdn` or `space`";

/// Read a key name from the config file.
///
/// A name is modifiers followed by a key, joined with `-` or `+`: `ctrl-s`,
/// `ctrl+s`, `C-s`, `alt-x` (`M-x`), `shift-tab` (`S-tab`), `ctrl-alt-left`.
/// Named keys: `enter`, `esc`/`escape`, `tab`, `backtab`, `backspace`,
/// `delete`/`del`, `insert`/`ins`, `left`, `right`, `up`, `down`, `home`,
/// `end`, `pageup`/`pgup`, `pagedown`/`pgdn`, `f1`..`f24`, `space`. Any other
/// key is the one character it types: `x`, `G`, `?`, `$`, `:`, `-`.
///
/// Names and modifiers ignore case, but a single letter keeps it: `G` is
/// shift-g, `g` is g.
pub fn parse_key(name: &str) -> Result<Key, String> {
    let text = if name.trim().is_empty() { name } else { name.trim() };
    if text.is_empty() {
        return Err(format!("the key name is empty; name a key, {EXAMPLES}"));
    }
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    while let Some((m, after)) = split_modifier(rest) {
        if mods.contains(m) {
            return Err(format!("`{text}` names a modifier twice; write each of ctrl, alt and shift once"));
        }
        mods |= m;
        rest = after;
    }
    let code = match named_key(rest) {
        Some(code) => code,
        None => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_control() => {
                    return Err(format!("`{}` is a control character; name the key, {EXAMPLES}", c.escape_debug()));
                }
                (Some(c), None) => KeyCode::Char(c),
                _ => return Err(unknown(text, rest)),
            }
        }
    };
    let code = match code {
        KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
            mods.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) && !c.is_ascii_alphabetic() => {
            let shown = if c == ' ' { "space".to_owned() } else { c.to_string() };
            return Err(format!(
                "`{text}`: shift only goes with letters and named keys; for a shifted character write the character it types, e.g. `?` or `G`, not `shift-{shown}`"
            ));
        }
        code => code,
    };
    Ok(Key::new(code, mods))
}

/// The config file's name for a key, e.g. `ctrl-w`; `parse_key` reads it back
/// as the same key.
pub fn key_name(key: &Key) -> String {
    let mut mods = key.mods;
    let code = match key.code {
        KeyCode::BackTab => {
            mods |= KeyModifiers::SHIFT;
            "tab".to_owned()
        }
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".to_owned(),
        KeyCode::Esc => "esc".to_owned(),
        KeyCode::Tab => "tab".to_owned(),
        KeyCode::Backspace => "backspace".to_owned(),
        KeyCode::Delete => "delete".to_owned(),
        KeyCode::Insert => "insert".to_owned(),
        KeyCode::Left => "left".to_owned(),
        KeyCode::Right => "right".to_owned(),
        KeyCode::Up => "up".to_owned(),
        KeyCode::Down => "down".to_owned(),
        KeyCode::Home => "home".to_owned(),
        KeyCode::End => "end".to_owned(),
        KeyCode::PageUp => "pageup".to_owned(),
        KeyCode::PageDown => "pagedown".to_owned(),
        KeyCode::F(n) => format!("f{n}"),
        other => format!("{other:?}").to_lowercase(),
    };
    let mut s = String::new();
    for (m, prefix) in [(KeyModifiers::CONTROL, "ctrl-"), (KeyModifiers::ALT, "alt-"), (KeyModifiers::SHIFT, "shift-")]
    {
        if mods.contains(m) {
            s.push_str(prefix);
        }
    }
    s.push_str(&code);
    s
}

/// `ctrl-x` → (CONTROL, "x"). Only when something follows the separator, so
/// `-` and `ctrl--` work.
fn split_modifier(s: &str) -> Option<(KeyModifiers, &str)> {
    let i = s.find(['-', '+'])?;
    let after = &s[i + 1..];
    if after.is_empty() {
        return None;
    }
    Some((modifier(&s[..i])?, after))
}

fn modifier(name: &str) -> Option<KeyModifiers> {
    match name.to_ascii_lowercase().as_str() {
        "ctrl" | "control" | "c" => Some(KeyModifiers::CONTROL),
        "alt" | "meta" | "m" | "option" | "opt" => Some(KeyModifiers::ALT),
        "shift" | "s" => Some(KeyModifiers::SHIFT),
        _ => None,
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" | "bs" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" | "page-up" => KeyCode::PageUp,
        "pagedown" | "pgdn" | "pgdown" | "page-down" => KeyCode::PageDown,
        "space" | "spc" => KeyCode::Char(' '),
        _ => {
            let digits = lower.strip_prefix('f').filter(|d| (1..=2).contains(&d.len()))?;
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: u8 = digits.parse().ok().filter(|n| (1..=24).contains(n))?;
            KeyCode::F(n)
        }
    };
    Some(code)
}

fn unknown(text: &str, rest: &str) -> String {
    if let Some(i) = rest.find(['-', '+']) {
        let (head, tail) = (&rest[..i], &rest[i + 1..]);
        if tail.is_empty() && modifier(head).is_some() {
            return format!("`{text}` has no key after `{rest}`; {EXAMPLES}");
        }
        if modifier(head).is_none() && i > 0 {
            return format!("unknown modifier `{head}` in `{text}`; the modifiers are ctrl (C), alt (M) and shift (S)");
        }
    }
    if rest != text {
        return format!("unknown key `{rest}` in `{text}`; name a key, {EXAMPLES}");
    }
    format!("unknown key `{text}`; name a key, {EXAMPLES}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyCode as K;
    use KeyModifiers as M;

    fn key(name: &str) -> Key {
        parse_key(name).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    #[test]
    fn modifiers_in_every_spelling() {
        for name in ["ctrl-s", "ctrl+s", "C-s", "c-s", "CTRL-S", "Control-s", "ctrl-S"] {
            assert_eq!(key(name), Key::ctrl('s'), "{name}");
        }
        for name in ["alt-x", "Alt+x", "M-x", "meta-x"] {
            assert_eq!(key(name), Key::new(K::Char('x'), M::ALT), "{name}");
        }
        assert_eq!(key("ctrl-alt-left"), Key::new(K::Left, M::CONTROL | M::ALT));
        assert_eq!(key("alt+ctrl+left"), Key::new(K::Left, M::CONTROL | M::ALT));
        assert_eq!(key("shift-left"), Key::new(K::Left, M::SHIFT));
    }

    #[test]
    fn named_keys_ignore_case() {
        let cases = [
            ("enter", K::Enter),
            ("Return", K::Enter),
            ("esc", K::Esc),
            ("ESCAPE", K::Esc),
            ("tab", K::Tab),
            ("backtab", K::BackTab),
            ("shift-tab", K::BackTab),
            ("S-Tab", K::BackTab),
            ("backspace", K::Backspace),
            ("delete", K::Delete),
            ("Del", K::Delete),
            ("insert", K::Insert),
            ("left", K::Left),
            ("Right", K::Right),
            ("up", K::Up),
            ("DOWN", K::Down),
            ("home", K::Home),
            ("end", K::End),
            ("pageup", K::PageUp),
            ("PgUp", K::PageUp),
            ("pagedown", K::PageDown),
            ("pgdn", K::PageDown),
            ("f1", K::F(1)),
            ("F2", K::F(2)),
            ("f12", K::F(12)),
            ("space", K::Char(' ')),
            (" ", K::Char(' ')),
        ];
        for (name, code) in cases {
            assert_eq!(key(name), Key::code(code), "{name}");
        }
    }

    #[test]
    fn single_characters_keep_their_case() {
        for c in ['x', 'G', '?', '$', ':', '-', '+', '0', '[', 'é'] {
            assert_eq!(key(&c.to_string()), Key::plain(c), "{c}");
        }
        assert_eq!(key("shift-g"), Key::plain('G'));
        assert_eq!(key("S-G"), Key::plain('G'));
        assert_eq!(key("ctrl--"), Key::ctrl('-'));
        assert_eq!(key("ctrl++"), Key::ctrl('+'));
        assert_eq!(key("alt-G"), Key::new(K::Char('G'), M::ALT));
        assert_ne!(key("g"), key("G"));
    }

    #[test]
    fn bad_names_say_what_is_wrong_and_show_examples() {
        let err = |name: &str| parse_key(name).expect_err(name);
        assert!(err("").contains("empty"));
        assert!(err("ctlr-s").contains("unknown modifier `ctlr`"), "{}", err("ctlr-s"));
        assert!(err("ctrl-sx").contains("unknown key `sx` in `ctrl-sx`"), "{}", err("ctrl-sx"));
        assert!(err("hello").contains("unknown key `hello`"));
        assert!(err("hello").contains("`ctrl-s`"), "lists examples");
        assert!(err("f13x").contains("unknown key"));
        assert!(err("f0").contains("unknown key"));
        assert!(err("ctrl-ctrl-s").contains("twice"));
        assert!(err("shift-1").contains("shift only goes with letters"));
        assert!(err("\t").contains("control character"));
    }

    #[test]
    fn names_round_trip() {
        let mut keys = Vec::new();
        let codes = [
            K::Enter,
            K::Esc,
            K::Tab,
            K::BackTab,
            K::Backspace,
            K::Delete,
            K::Insert,
            K::Left,
            K::Right,
            K::Up,
            K::Down,
            K::Home,
            K::End,
            K::PageUp,
            K::PageDown,
            K::F(1),
            K::F(12),
            K::Char(' '),
            K::Char('x'),
            K::Char('G'),
            K::Char('?'),
            K::Char('$'),
            K::Char(':'),
            K::Char('-'),
            K::Char('+'),
            K::Char('1'),
            K::Char('ö'),
        ];
        for code in codes {
            for mods in [M::NONE, M::CONTROL, M::ALT, M::SHIFT, M::CONTROL | M::ALT, M::CONTROL | M::SHIFT] {
                keys.push(Key::new(code, mods));
            }
        }
        // Shift-Tab arrives as BackTab, and the config spells that `shift-tab`;
        // `Key::new` keeps Tab with Shift as a separate key no name reaches.
        keys.retain(|k| !(k.code == K::Tab && k.mods.contains(M::SHIFT)));
        for k in keys {
            let name = key_name(&k);
            assert_eq!(parse_key(&name), Ok(k), "{name}");
        }
        assert_eq!(key_name(&Key::ctrl('w')), "ctrl-w");
        assert_eq!(key_name(&Key::code(K::BackTab)), "shift-tab");
        assert_eq!(key_name(&Key::plain('G')), "G");
        assert_eq!(key_name(&Key::code(K::F(2))), "f2");
    }
}
