//! Conflicting messages: Message lines `topic: statement` that give the same
//! topic different statements anywhere in the grid.
//!
//! Topics compare by [`normal::key`] (case, Unicode form, punctuation,
//! spacing and word endings do not matter), statements by
//! [`normal::statement_key`]; a line's mark and `@sources` are left out.

use std::collections::{HashMap, HashSet};

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

/// One line of a Message cell that states a topic, read for comparing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Said {
    /// The topic's [`normal::key`].
    pub key: String,
    /// The topic as written.
    pub topic: String,
    /// The statement's [`normal::statement_key`].
    pub said: String,
    /// The statement as written.
    pub statement: String,
    /// Where: the phase's name, and the line's leading tag if it has one.
    pub place: String,
}

/// True when a line can state a topic: not an open question (`? `) or an
/// idea (`+ `), which say what might be, not what the customer is told.
fn states(line: &str) -> bool {
    !matches!(Mark::of(line), Some(Mark::Question | Mark::Opportunity))
}

/// What one Message line states, read as `conflicting-message` reads it
/// (without its mark and `@sources`): its leading tag (with `#`), topic and
/// statement; `None` for a line that states no topic, an open question or an idea.
/// The checks across journeys (`crate::portfolio`) read lines this way too.
pub fn stated(line: &str) -> Option<(Option<String>, String, String)> {
    if !line.contains(": ") || !states(line) {
        return None;
    }
    let line = normal::content(line);
    let s = parse_line(&line)?;
    Some((s.tag.map(str::to_owned), s.topic.to_owned(), s.statement.to_owned()))
}

/// What the Message cell (row `row`) of phase `p` says, line by line.
pub(super) fn said_in(g: &Grid, row: usize, p: usize, keys: &mut normal::Keys) -> Vec<Said> {
    let mut out = Vec::new();
    for line in g.text(p, row).lines().filter(|l| l.contains(": ") && states(l)) {
        let line = normal::content(line);
        let Some(s) = parse_line(&line) else { continue };
        let place = match s.tag {
            Some(tag) => format!("{}, {tag}", g.phase_name(p)),
            None => g.phase_name(p).to_owned(),
        };
        out.push(Said {
            key: keys.key(s.topic),
            topic: s.topic.to_owned(),
            said: normal::statement_key(s.statement),
            statement: s.statement.to_owned(),
            place,
        });
    }
    out
}

/// A topic and the different answers the grid gives it, gathered phase by
/// phase from the lines that speak of it.
pub(super) struct Topic<'s> {
    /// The topic as first written.
    first: &'s str,
    /// (statement key, statement as first written, places)
    answers: Vec<(&'s str, &'s str, Vec<&'s str>)>,
    /// The places each answer has (by its index), to find a repeat at once.
    places: fnv::FnvHashSet<(usize, &'s str)>,
    cells: Vec<CellRef>,
}

impl<'s> Topic<'s> {
    pub fn new(first: &'s Said) -> Self {
        Self { first: &first.topic, answers: Vec::new(), places: HashSet::default(), cells: Vec::new() }
    }

    /// Add a line of the topic, found in this cell (cells come in phase order).
    pub fn add(&mut self, s: &'s Said, cell: CellRef) {
        if self.cells.last() != Some(&cell) && !self.cells.contains(&cell) {
            self.cells.push(cell);
        }
        let i = match self.answers.iter().position(|a| a.0 == s.said) {
            Some(i) => i,
            None => {
                self.answers.push((&s.said, &s.statement, Vec::new()));
                self.answers.len() - 1
            }
        };
        if self.places.insert((i, &s.place)) {
            self.answers[i].2.push(&s.place);
        }
    }

    /// The finding when the topic gets different answers.
    pub fn finding(self, g: &Grid, row: usize) -> Option<Finding> {
        if self.answers.len() < 2 {
            return None;
        }
        let answers: Vec<String> =
            self.answers.iter().map(|(_, said, places)| format!("\"{said}\" ({})", places.join("; "))).collect();
        let message =
            format!("{} gives \"{}\" different answers: {}.", g.row_name(row), self.first, answers.join(" vs "));
        Some(Finding {
            id: "conflicting-message",
            severity: Severity::Warning,
            phase: self.cells[0].phase,
            rows: vec![row],
            cells: self.cells,
            message,
            subjects: vec![self.first.to_owned()],
        })
    }
}

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let Some(row) = g.message else { return };
    let mut keys = normal::Keys::new(&g.stemmer);
    let said: Vec<Vec<Said>> = g.phases().map(|p| said_in(g, row, p, &mut keys)).collect();
    let mut topics: Vec<Topic> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (p, lines) in said.iter().enumerate() {
        for s in lines {
            let i = *by_key.entry(&s.key).or_insert_with(|| {
                topics.push(Topic::new(s));
                topics.len() - 1
            });
            topics[i].add(s, CellRef::new(p, row));
        }
    }
    out.extend(topics.into_iter().filter_map(|t| t.finding(g, row)));
}
