//! Can the editor draw on this terminal? It moves the cursor to draw, so a
//! terminal that cannot (`TERM=dumb`, `TERM` unset, or a terminfo entry
//! without cursor addressing, `cup`) gets a clear message instead of a
//! stream of escapes it would print as text. A terminal whose entry is not
//! installed here is trusted: most are xterm-like.

use std::path::{Path, PathBuf};

/// Why the editor cannot draw on the terminal `TERM` names; `None` when it can.
pub fn cannot_draw(term: Option<&str>) -> Option<String> {
    let term = term.unwrap_or("").trim();
    let why = match term {
        "" => "TERM is not set, so jgrid cannot know how to draw on this terminal".to_owned(),
        "dumb" | "unknown" => format!("the terminal (TERM={term}) cannot move the cursor, which the editor needs"),
        _ => match entry(term).map(|bytes| has_cursor_addressing(&bytes)) {
            Some(Some(false)) => {
                format!(
                    "the terminal (TERM={term}) has no cursor addressing in its terminfo entry, which the editor needs"
                )
            }
            _ => return None,
        },
    };
    Some(format!(
        "{why}.\n  hint: run jgrid in a full-screen terminal (xterm, tmux, screen, a terminal app; e.g. TERM=xterm-256color); jgrid check, export, report and the other subcommands work on any terminal"
    ))
}

/// The compiled terminfo entry of `term`, from where ncurses looks.
fn entry(term: &str) -> Option<Vec<u8>> {
    let first = term.chars().next()?;
    if term.contains('/') || term.contains("..") {
        return None;
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(dir) = std::env::var_os("TERMINFO") {
        dirs.push(dir.into());
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".terminfo"));
    }
    if let Some(list) = std::env::var_os("TERMINFO_DIRS") {
        dirs.extend(std::env::split_paths(&list).filter(|d| !d.as_os_str().is_empty()));
    }
    dirs.extend(["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"].map(PathBuf::from));
    let subdirs = [first.to_string(), format!("{:x}", u32::from(first))];
    dirs.iter().flat_map(|d| subdirs.iter().map(move |s| d.join(s).join(term))).find_map(|p| std::fs::read(p).ok())
}

/// Whether a compiled terminfo entry (legacy or extended-number format)
/// has `cup`, the cursor addressing string; `None` when it is not one.
fn has_cursor_addressing(bytes: &[u8]) -> Option<bool> {
    let short = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let number_size = match short(0)? {
        0o432 => 2,
        0o1036 => 4,
        _ => return None,
    };
    let [names, bools, numbers, strings] = [short(2)?, short(4)?, short(6)?, short(8)?].map(usize::from);
    const CUP: usize = 10;
    if strings <= CUP {
        return Some(false);
    }
    let mut at = 12 + names + bools;
    at += at % 2;
    at += numbers * number_size + CUP * 2;
    // -1: absent, -2: cancelled.
    Some(!matches!(short(at)?, 0xffff | 0xfffe))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compiled entry with these names and, when given, `cup` at string offset 0.
    fn compiled(names: &str, cup: bool) -> Vec<u8> {
        let names = format!("{names}\0");
        let strings: u16 = if cup { 11 } else { 2 };
        let mut b = Vec::new();
        for n in [0o432, names.len() as u16, 1, 1, strings, 4] {
            b.extend(n.to_le_bytes());
        }
        b.extend(names.as_bytes());
        b.push(0); // one boolean
        if b.len() % 2 == 1 {
            b.push(0);
        }
        b.extend(80u16.to_le_bytes()); // one number
        for i in 0..strings {
            b.extend(if cup && i == 10 { 0u16 } else { 0xffff }.to_le_bytes());
        }
        b.extend(b"\x1b[H\0");
        b
    }

    #[test]
    fn cursor_addressing_is_read_from_the_compiled_entry() {
        assert_eq!(has_cursor_addressing(&compiled("glass|a glass tty", false)), Some(false));
        assert_eq!(has_cursor_addressing(&compiled("fine|a screen", true)), Some(true));
        assert_eq!(has_cursor_addressing(b"not terminfo"), None);
        assert_eq!(has_cursor_addressing(&[]), None);
    }

    #[test]
    fn dumb_and_unset_terminals_are_refused_and_others_trusted() {
        for term in [None, Some(""), Some("dumb"), Some(" dumb ")] {
            let why = cannot_draw(term).expect("refused");
            assert!(why.contains("jgrid check, export"), "{why}");
        }
        assert_eq!(cannot_draw(Some("xterm-256color")), None);
        assert_eq!(cannot_draw(Some("no-such-terminal-anywhere")), None);
        assert_eq!(cannot_draw(Some("../../etc/passwd")), None);
    }
}
