//! Conflicting messages: Message lines `topic: statement` that give the same
//! topic different statements anywhere in the grid.
//!
//! Topics compare by [`normal::key`] (case, Unicode form, punctuation,
//! spacing and word endings do not matter), statements by
//! [`normal::statement_key`]; a line's mark and `@sources` are left out.

use crate::journey::{CellRef, Mark};

use super::channel_tags::tag_spans;
use super::{Finding, Grid, Severity, normal};

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

struct Topic {
    key: String,
    /// The topic as first written.
    first: String,
    /// (statement key, statement as first written, places)
    answers: Vec<(String, String, Vec<String>)>,
    cells: Vec<CellRef>,
}

/// True when a line can state a topic: not an open question (`? `) or an
/// idea (`+ `), which say what might be, not what the customer is told.
fn states(line: &str) -> bool {
    !matches!(Mark::of(line), Some(Mark::Question | Mark::Opportunity))
}

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let Some(row) = g.message else { return };
    let mut topics: Vec<Topic> = Vec::new();
    let mut keys = normal::Keys::new(&g.stemmer);
    for p in g.phases() {
        for line in g.text(p, row).lines().filter(|l| l.contains(": ") && states(l)) {
            let line = normal::content(line);
            let Some(s) = parse_line(&line) else { continue };
            let key = keys.key(s.topic);
            let i = match topics.iter().position(|t| t.key == key) {
                Some(i) => i,
                None => {
                    let first = s.topic.to_owned();
                    topics.push(Topic { key, first, answers: Vec::new(), cells: Vec::new() });
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
            let said = normal::statement_key(s.statement);
            match topic.answers.iter_mut().find(|a| a.0 == said) {
                Some(answer) if !answer.2.contains(&place) => answer.2.push(place),
                Some(_) => {}
                None => topic.answers.push((said, s.statement.to_owned(), vec![place])),
            }
        }
    }
    for topic in topics.into_iter().filter(|t| t.answers.len() > 1) {
        let answers: Vec<String> =
            topic.answers.iter().map(|(_, said, places)| format!("\"{said}\" ({})", places.join("; "))).collect();
        let message =
            format!("{} gives \"{}\" different answers: {}.", g.row_name(row), topic.first, answers.join(" vs "));
        out.push(Finding {
            id: "conflicting-message",
            severity: Severity::Warning,
            phase: topic.cells[0].phase,
            rows: vec![row],
            cells: topic.cells,
            message,
            subjects: vec![topic.first],
        });
    }
}
