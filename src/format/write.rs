//! The canonical form of format 1: one way to write every journey, so a
//! no-op save gives the same bytes and a change touches only its own lines.
//!
//! Order: `format`, `title`, `persona`, `lang`, `rows`, `[roles]`, `[checks]`,
//! each `[[accepted]]`, each `[[phase]]` (`name`, `mood`, `[phase.cells]` in
//! row order), each `[[inbox]]` note in the order taken.

use std::fmt::Write as _;

use super::FORMAT_VERSION;
use crate::journey::{Journey, Role};

/// Write a journey in canonical format-1 form.
pub fn to_toml(journey: &Journey) -> String {
    let mut out = String::with_capacity(256 + journey.filled_cells() * 64);
    let _ = writeln!(out, "format = {FORMAT_VERSION}");
    let _ = writeln!(out, "title = {}", basic_string(&journey.title));
    let _ = writeln!(out, "persona = {}", basic_string(&journey.persona));
    if let Some(lang) = journey.lang {
        let _ = writeln!(out, "lang = {}", basic_string(lang.code()));
    }
    let rows: Vec<String> = journey.rows().iter().map(|r| basic_string(r)).collect();
    let _ = writeln!(out, "rows = [{}]", rows.join(", "));
    let roles: Vec<(&String, Role)> =
        journey.rows().iter().enumerate().filter_map(|(i, r)| journey.explicit_role(i).map(|role| (r, role))).collect();
    if !roles.is_empty() {
        out.push_str("\n[roles]\n");
        for (row, role) in roles {
            let _ = writeln!(out, "{} = {}", key(row), basic_string(role.id()));
        }
    }
    if !journey.checks_off.is_empty() || !journey.external.is_empty() {
        out.push_str("\n[checks]\n");
        if !journey.checks_off.is_empty() {
            let _ = writeln!(out, "off = {}", string_list(&journey.checks_off));
        }
        if !journey.external.is_empty() {
            let _ = writeln!(out, "external = {}", string_list(&journey.external));
        }
    }
    for a in &journey.accepted {
        let _ = write!(out, "\n[[accepted]]\ncheck = {}\nphase = {}\n", basic_string(&a.check), basic_string(&a.phase));
        let _ = writeln!(out, "rows = {}", string_list(&a.rows));
        if let Some(subject) = &a.subject {
            let _ = writeln!(out, "subject = {}", basic_string(subject));
        }
        let _ = writeln!(out, "reason = {}", value(&a.reason));
    }
    for phase in journey.phases() {
        let _ = write!(out, "\n[[phase]]\nname = {}\n", basic_string(&phase.name));
        if let Some(mood) = phase.mood {
            let _ = writeln!(out, "mood = {mood}");
        }
        if phase.is_empty() {
            continue;
        }
        out.push_str("\n[phase.cells]\n");
        for (row, text) in journey.rows().iter().zip(phase.cells()) {
            if !text.is_empty() {
                let _ = writeln!(out, "{} = {}", key(row), value(text));
            }
        }
    }
    for note in &journey.inbox {
        let _ = write!(out, "\n[[inbox]]\ntext = {}\n", value(&note.text));
        if let Some(source) = &note.source {
            let _ = writeln!(out, "source = {}", basic_string(source));
        }
        let _ = writeln!(out, "at = {}", basic_string(&note.at));
    }
    out
}

/// `["a", "b"]`.
fn string_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| basic_string(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn key(name: &str) -> String {
    let bare = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare { name.to_owned() } else { basic_string(name) }
}

fn value(text: &str) -> String {
    if text.contains('\n') { multiline_string(text) } else { basic_string(text) }
}

fn push_escaped_control(out: &mut String, c: char) {
    match c {
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        c => {
            let _ = write!(out, "\\u{:04X}", c as u32);
        }
    }
}

fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    push_escaped(&mut out, text, |bytes, i| match bytes[i] {
        b'"' | b'\\' => true,
        b => b < 0x20 || b == 0x7f,
    });
    out.push('"');
    out
}

/// `"""` + newline + the text + `"""`. A quote is escaped where it would end
/// the string early or run into the closing delimiter.
fn multiline_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str("\"\"\"\n");
    push_escaped(&mut out, text, |bytes, i| match bytes[i] {
        b'"' => matches!(bytes.get(i + 1), None | Some(b'"')),
        b'\\' => true,
        b'\n' | b'\t' => false,
        b => b < 0x20 || b == 0x7f,
    });
    out.push_str("\"\"\"");
    out
}

/// Push `text`, escaping each ASCII character at a byte where `escape`
/// says so, and copying the runs between them whole: a cell of 20 MB is
/// written in one pass of byte comparisons, not one push per character.
/// (Every character that is escaped is ASCII, so its byte is never part of
/// a longer character.)
fn push_escaped(out: &mut String, text: &str, escape: impl Fn(&[u8], usize) -> bool) {
    let bytes = text.as_bytes();
    let mut from = 0;
    for i in 0..bytes.len() {
        if bytes[i] < 0x80 && escape(bytes, i) {
            out.push_str(&text[from..i]);
            match bytes[i] {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b => push_escaped_control(out, char::from(b)),
            }
            from = i + 1;
        }
    }
    out.push_str(&text[from..]);
}
