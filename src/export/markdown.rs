//! Markdown: one GitHub/GitLab-flavoured table, phases as columns.

use super::{lines, one_line};
use crate::insights::mood;
use crate::journey::{CellRef, Journey, Note};
use crate::text::sanitize;

/// The journey as one Markdown table that renders on GitHub and GitLab.
///
/// Shape (every line ends in LF):
///
/// ```text
/// # TITLE
///
/// _Persona: PERSONA_
///
/// |  | PHASE 1 | PHASE 2 |
/// | --- | --- | --- |
/// | Mood | -1 unhappy |  |
/// | ROW 1 | CELL | line 1<br>line 2 |
/// | ROW 2 |  | CELL |
///
/// ## Unsorted notes
///
/// | Note | Source | Taken |
/// | --- | --- | --- |
/// | chat bot could not change the address | @sara | 2026-12-01 14:03 UTC |
/// ```
///
/// - The `# TITLE` and `_Persona: …_` paragraphs are left out when empty.
/// - The `Mood` row is there when any phase has a mood: the mood as a
///   number and a word (`+2 very happy` … `-2 very unhappy`), an empty cell
///   where it is unknown. Under it, one `Mood @sara` row per source with a
///   mood in any phase (`[phase.moods]`), by source name.
/// - `Unsorted notes` lists the journey's inbox, oldest first, and is left
///   out when the inbox is empty: the note, its source (empty when none)
///   and when it was taken (`YYYY-MM-DD HH:MM UTC`; as written in the file
///   when that is no RFC 3339 time).
/// - The header cell above the row names is empty; an empty grid cell is
///   an empty table cell (`|  |`).
/// - A cell's lines are trimmed and joined with `<br>`; empty lines at the
///   start and end of a cell are dropped.
/// - Escaped everywhere: `\` as `\\`, `|` as `\|`, `<` as `&lt;` (so text is
///   never taken for HTML), and `&` as `&amp;` where it would start an entity
///   such as `&copy;`. The title also escapes `#`, the persona `_` and `*`.
///   Other Markdown (`*emphasis*`, `` `code` ``, links) is left as written.
/// - Control and bidi characters become visible placeholders such as `␛`.
pub fn to_markdown(journey: &Journey) -> String {
    let mut out = String::new();
    let title = one_line(&journey.title);
    let title = title.trim();
    if !title.is_empty() {
        out.push_str(&format!("# {}\n\n", escape(title, "#*_`[]~")));
    }
    let persona = one_line(&journey.persona);
    let persona = persona.trim();
    if !persona.is_empty() {
        out.push_str(&format!("_Persona: {}_\n\n", escape(persona, MARKUP)));
    }

    let phases = journey.phases();
    let header: Vec<String> = phases.iter().map(|p| escape(one_line(&p.name).trim(), MARKUP)).collect();
    out.push_str(&table_line("", &header));
    out.push_str(&table_line("---", &vec!["---".to_owned(); phases.len()]));
    if phases.iter().any(|p| p.mood.is_some()) {
        let moods: Vec<String> =
            phases.iter().map(|p| p.mood.map_or(String::new(), |m| mood::label(Some(m)))).collect();
        out.push_str(&table_line("Mood", &moods));
    }
    // One row per source with a mood (`Mood @sara`), by name.
    for curve in mood::curves(journey).iter().skip(1) {
        let moods: Vec<String> =
            curve.moods.iter().map(|m| m.map_or(String::new(), |m| mood::label(Some(m)))).collect();
        let whose = format!("Mood @{}", curve.source.as_deref().unwrap_or_default());
        out.push_str(&table_line(&escape(&whose, MARKUP), &moods));
    }
    for (r, row) in journey.rows().iter().enumerate() {
        let cells: Vec<String> = (0..phases.len()).map(|p| cell(journey.cell(CellRef::new(p, r)))).collect();
        out.push_str(&table_line(&escape(one_line(row).trim(), MARKUP), &cells));
    }
    inbox(&mut out, &journey.inbox);
    out
}

/// The inbox as a table under the grid; nothing when it is empty.
fn inbox(out: &mut String, notes: &[Note]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("\n## Unsorted notes\n\n");
    out.push_str(&table_line("Note", &["Source".to_owned(), "Taken".to_owned()]));
    out.push_str(&table_line("---", &["---".to_owned(), "---".to_owned()]));
    for note in notes {
        let source = note.source.as_deref().map_or(String::new(), |s| escape(&format!("@{}", one_line(s).trim()), ""));
        let taken = escape(&super::taken(&note.at), "");
        out.push_str(&table_line(&cell(&note.text), &[source, taken]));
    }
}

/// `| first | a | b |` and a newline; an empty cell is `|  |`.
fn table_line(first: &str, rest: &[String]) -> String {
    let mut line = format!("| {first} |");
    for c in rest {
        line.push_str(&format!(" {c} |"));
    }
    line.push('\n');
    line
}

/// A cell's text for a table cell: lines trimmed, escaped and joined with `<br>`.
fn cell(text: &str) -> String {
    let lines: Vec<String> = lines(text).map(|l| sanitize(l).trim().to_owned()).collect();
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(start, |i| i + 1);
    lines[start..end].iter().map(|l| escape(l, MARKUP)).collect::<Vec<_>>().join("<br>")
}

/// The characters that would turn text into emphasis, code, a link or strike-through.
const MARKUP: &str = "*_`[]~";

/// Escape one line of text for Markdown: `\`, `|`, `<`, an `&` that would
/// start an entity, and each character of `also` with a backslash.
fn escape(text: &str, also: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' if starts_entity(&text[i + 1..]) => out.push_str("&amp;"),
            _ if also.contains(c) => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// True when the text after an `&` would make it an HTML entity (`&copy;`, `&#169;`).
pub(crate) fn starts_entity(after: &str) -> bool {
    let body = after.strip_prefix('#').unwrap_or(after);
    let name_len = body.chars().take_while(char::is_ascii_alphanumeric).count();
    name_len > 0 && body[name_len..].starts_with(';')
}
