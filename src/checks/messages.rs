//! Conflicting messages: Message lines `topic: statement` that give the same
//! topic different statements anywhere in the grid.

use crate::journey::CellRef;

use super::tags::tag_spans;
use super::{Finding, Grid, Severity};

/// One `topic: statement` line of a Message cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Statement<'a> {
    /// The leading `#tag`, if the line starts with one.
    pub tag: Option<&'a str>,
    pub topic: &'a str,
    pub statement: &'a str,
}

/// Split a line into an optional leading tag, a topic and a statement.
/// The line needs `: ` with text on both sides; a topic containing `://` is
/// part of a URL, not a topic, and a statement starting with `//` is the rest
/// of a broken URL (`http: //x.y`). A leading list bullet (`- `, `* `, `• `) is skipped.
pub(super) fn parse_line(line: &str) -> Option<Statement<'_>> {
    let mut rest = line.trim();
    for bullet in ["- ", "* ", "• "] {
        if let Some(r) = rest.strip_prefix(bullet) {
            rest = r.trim_start();
            break;
        }
    }
    let mut tag = None;
    if let Some(span) = tag_spans(rest).into_iter().next().filter(|s| s.start == 0) {
        tag = Some(&rest[span.clone()]);
        rest = rest[span.end..].trim_start();
    }
    let (topic, statement) = rest.split_once(": ")?;
    let (topic, statement) = (topic.trim(), statement.trim());
    if topic.is_empty() || statement.is_empty() || topic.contains("://") || statement.starts_with("//") {
        return None;
    }
    Some(Statement { tag, topic, statement })
}

/// Lowercase with runs of white space made one space.
fn normal(text: &str) -> String {
    text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A statement compared ignoring case, spacing and a final full stop.
fn normal_statement(text: &str) -> String {
    normal(text.trim_end_matches(['.', '!', ';', ',']))
}

struct Topic<'a> {
    key: String,
    first: &'a str,
    /// (normalised statement, statement as first written, places)
    answers: Vec<(String, &'a str, Vec<String>)>,
    cells: Vec<CellRef>,
}

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let Some(row) = g.message else { return };
    let mut topics: Vec<Topic> = Vec::new();
    for p in g.phases() {
        for s in g.text(p, row).lines().filter_map(parse_line) {
            let key = normal(s.topic);
            let i = match topics.iter().position(|t| t.key == key) {
                Some(i) => i,
                None => {
                    topics.push(Topic { key, first: s.topic, answers: Vec::new(), cells: Vec::new() });
                    topics.len() - 1
                }
            };
            let topic = &mut topics[i];
            let cell = CellRef::new(p, row);
            if !topic.cells.contains(&cell) {
                topic.cells.push(cell);
            }
            let place = match s.tag {
                Some(tag) => format!("{}, {tag}", g.phase_name(p)),
                None => g.phase_name(p).to_owned(),
            };
            let said = normal_statement(s.statement);
            match topic.answers.iter_mut().find(|a| a.0 == said) {
                Some(answer) if !answer.2.contains(&place) => answer.2.push(place),
                Some(_) => {}
                None => topic.answers.push((said, s.statement, vec![place])),
            }
        }
    }
    for topic in topics.into_iter().filter(|t| t.answers.len() > 1) {
        let answers: Vec<String> =
            topic.answers.iter().map(|(_, said, places)| format!("\"{said}\" ({})", places.join("; "))).collect();
        let message =
            format!("{} gives \"{}\" different answers: {}.", g.row_name(row), topic.first, answers.join(" vs "));
        let phase = topic.cells[0].phase;
        out.push(Finding {
            id: "conflicting-message",
            severity: Severity::Warning,
            phase,
            rows: vec![row],
            cells: topic.cells,
            message,
        });
    }
}
