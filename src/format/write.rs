//! The canonical form of format 1: one way to write every journey, so a
//! no-op save gives the same bytes and a change touches only its own lines.
//!
//! Order: `format`, `title`, `persona`, `lang`, `rows`, `[roles]`, `[checks]`,
//! each `[[accepted]]`, `[sources]`, each `[[conflict]]`, each `[[phase]]`
//! (`name`, `mood`, `[phase.moods]` sorted by source name, `[phase.cells]` in
//! row order), each `[[inbox]]` note in the order taken, each
//! `[[opportunity]]` in the plan's order (see `plan`).
//!
//! Lines end as the file's did when it was read (`\r\n` or `\n`).
//!
//! Control characters (C0, DEL, C1) and bidi or invisible formatting
//! characters are written as escapes (`\t`, `\u009B`, `\u202E`), so `cat`
//! or a pager never sends them to a terminal raw.

use std::fmt::Write as _;

use super::FORMAT_VERSION;
use crate::journey::{Journey, Role};
use crate::text::is_unsafe_char;

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
    super::plan::write_sources(&mut out, &journey.sources, &|s| basic_string(s), &key);
    for u in &journey.unresolved {
        super::unresolved::write(&mut out, u, &|s| basic_string(s));
    }
    for phase in journey.phases() {
        let _ = write!(out, "\n[[phase]]\nname = {}\n", basic_string(&phase.name));
        if let Some(mood) = phase.mood {
            let _ = writeln!(out, "mood = {mood}");
        }
        if !phase.moods.is_empty() {
            out.push_str("\n[phase.moods]\n");
            for (source, mood) in &phase.moods {
                let _ = writeln!(out, "{} = {mood}", key(source));
            }
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
    for o in &journey.opportunities {
        super::plan::write(&mut out, o, &|s| basic_string(s));
    }
    journey.line_ends.apply(out)
}

/// `["a", "b"]`.
fn string_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| basic_string(s)).collect();
    format!("[{}]", quoted.join(", "))
}

pub(super) fn key(name: &str) -> String {
    let bare = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare { name.to_owned() } else { basic_string(name) }
}

pub(super) fn value(text: &str) -> String {
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

/// Push `text`, escaping the characters the writer must: an ASCII one where
/// `ascii` says so at its byte, any other one that [`is_unsafe_char`] (C1
/// controls, bidi and invisible formatting characters). The runs between
/// them are copied whole: a cell of 20 MB is written in one pass of byte
/// comparisons, not one push per character.
fn push_escaped(out: &mut String, text: &str, ascii: impl Fn(&[u8], usize) -> bool) {
    let bytes = text.as_bytes();
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let escaped = if b < 0x80 {
            ascii(bytes, i).then_some(char::from(b))
        } else if b >= 0xc0 {
            text[i..].chars().next().filter(|&c| is_unsafe_char(c))
        } else {
            None
        };
        let Some(c) = escaped else {
            i += 1;
            continue;
        };
        out.push_str(&text[from..i]);
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => push_escaped_control(out, c),
        }
        i += c.len_utf8();
        from = i;
    }
    out.push_str(&text[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{CellRef, Change};

    #[test]
    fn control_and_bidi_characters_are_written_escaped_and_read_back() {
        let hostile = "a\u{9b}31m\u{202e}b\u{1b}[2J\u{7f}\u{2066}";
        let mut j = Journey::new(hostile, hostile, [hostile, "Need"], [hostile]);
        Change::SetCell { at: CellRef::new(0, 0), text: format!("{hostile}\nline two {hostile}") }
            .apply(&mut j)
            .unwrap();
        Change::SetCell { at: CellRef::new(0, 1), text: hostile.into() }.apply(&mut j).unwrap();
        let text = to_toml(&j);
        assert!(!text.chars().any(|c| c != '\n' && is_unsafe_char(c)), "{text:?}");
        assert!(text.contains("a\\u009B31m\\u202Eb\\u001B[2J\\u007F\\u2066"), "{text}");
        assert_eq!(crate::format::parse(text.as_bytes()).unwrap(), j);
    }
}

#[cfg(test)]
mod line_end_tests {
    use super::*;
    use crate::journey::{CellRef, Change, LineEnds};

    #[test]
    fn a_crlf_file_reads_without_a_carriage_return_and_writes_back_byte_for_byte() {
        let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["Use"]);
        Change::SetCell { at: CellRef::new(0, 0), text: "fast\ncheap\n\"quoted\"".into() }.apply(&mut j).unwrap();
        Change::SetCell { at: CellRef::new(0, 1), text: "a lone \r stays".into() }.apply(&mut j).unwrap();
        let lf = to_toml(&j);
        let crlf = lf.replace('\n', "\r\n");
        let read = crate::format::parse(crlf.as_bytes()).unwrap();
        assert_eq!(read.line_ends, LineEnds::Crlf);
        assert_eq!(read.cell(CellRef::new(0, 0)), "fast\ncheap\n\"quoted\"");
        assert_eq!(read.cell(CellRef::new(0, 1)), "a lone \r stays");
        assert_eq!(to_toml(&read), crlf, "written back as it was read");
        let mut lf_read = read.clone();
        lf_read.line_ends = LineEnds::Lf;
        assert_eq!(lf_read, j);
    }

    #[test]
    fn a_file_with_mixed_line_ends_is_read_by_its_first_line_and_gets_no_carriage_return() {
        let text = "format = 1\r\nrows = [\"Need\"]\n\n[[phase]]\r\nname = \"Use\"\n[phase.cells]\r\nNeed = \"\"\"\r\na\r\nb\nc\"\"\"\r\n";
        let j = crate::format::parse(text.as_bytes()).unwrap();
        assert_eq!(j.cell(CellRef::new(0, 0)), "a\nb\nc");
        assert_eq!(j.line_ends, LineEnds::Crlf);
        assert!(!to_toml(&j).replace("\r\n", "").contains('\r'));
    }
}
