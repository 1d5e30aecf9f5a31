//! What changed between two versions of a journey, cell by cell: what
//! `jgrid diff` (and git, through it) shows. Pure.
//!
//! Phases and rows are followed by identity as the merge follows them (by
//! name, and across a rename), so a renamed phase shows as renamed and its
//! edited cells under its new name, not as a phase removed and another added.

mod render;
mod unified;

pub use render::{to_json, to_text};
pub use unified::unified;

use serde::Serialize;

use crate::journey::{Acceptance, CellRef, Journey, Note, Unresolved};
use crate::merge::identity::{Correspondence, correspond};

/// One line of a cell's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// `-` removed, `+` added.
    pub sign: char,
    pub text: String,
}

/// An inbox note, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    pub text: String,
    pub source: Option<String>,
    pub at: String,
}

impl From<&Note> for NoteView {
    fn from(n: &Note) -> Self {
        Self { text: n.text.clone(), source: n.source.clone(), at: n.at.clone() }
    }
}

/// An accepted finding, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedView {
    pub check: String,
    pub phase: String,
    pub rows: Vec<String>,
    pub subject: Option<String>,
    pub reason: String,
}

impl From<&Acceptance> for AcceptedView {
    fn from(a: &Acceptance) -> Self {
        let a = a.clone();
        Self { check: a.check, phase: a.phase, rows: a.rows, subject: a.subject, reason: a.reason }
    }
}

/// A choice a merge recorded (`[[conflict]]`), as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictView {
    /// `mood`, `role`, `lang`, `phase-order`, `row-order`, `deleted-phase`, `deleted-row`.
    pub about: String,
    /// The phase or row it is about.
    pub subject: Option<String>,
    /// Theirs' value (a mood, a role, a language, an order of names joined by `, `).
    pub theirs: Option<String>,
    /// Who deleted it (`ours`, `theirs`), for a deletion.
    pub by: Option<String>,
}

impl From<&Unresolved> for ConflictView {
    fn from(u: &Unresolved) -> Self {
        let mut subject = u.phase().or(u.row()).map(str::to_owned);
        let (theirs, by) = match u {
            Unresolved::Plan { title, field, theirs } => {
                subject = Some(format!("{title} › {}", field.id()));
                (Some(field.show(theirs)), None)
            }
            Unresolved::Source { name, theirs } => {
                subject = Some(name.clone());
                (Some(theirs.clone()), None)
            }
            Unresolved::Mood { theirs, .. } => (theirs.map(|m| m.to_string()), None),
            Unresolved::SourceMood { phase, source, theirs } => {
                subject = Some(format!("{phase} › @{source}"));
                (theirs.map(|m| m.to_string()), None)
            }
            Unresolved::Role { theirs, .. } => (theirs.map(|r| r.id().to_owned()), None),
            Unresolved::Lang { theirs } => (theirs.map(|l| l.code().to_owned()), None),
            Unresolved::Order { theirs, .. } => (Some(theirs.join(", ")), None),
            Unresolved::Deleted { by, .. } => (None, Some(by.word().to_owned())),
        };
        Self { about: u.about().to_owned(), subject, theirs, by }
    }
}

/// One difference between two journeys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Edit {
    Title {
        old: String,
        new: String,
    },
    Persona {
        old: String,
        new: String,
    },
    Lang {
        old: Option<String>,
        new: Option<String>,
    },
    ChecksOff {
        removed: Vec<String>,
        added: Vec<String>,
    },
    External {
        removed: Vec<String>,
        added: Vec<String>,
    },
    RowAdded {
        name: String,
        at: usize,
    },
    RowRemoved {
        name: String,
    },
    RowRenamed {
        old: String,
        new: String,
    },
    /// Positions are 1-based.
    RowMoved {
        name: String,
        from: usize,
        to: usize,
    },
    Role {
        row: String,
        old: Option<String>,
        new: Option<String>,
    },
    PhaseAdded {
        name: String,
        at: usize,
    },
    PhaseRemoved {
        name: String,
    },
    PhaseRenamed {
        old: String,
        new: String,
    },
    PhaseMoved {
        name: String,
        from: usize,
        to: usize,
    },
    Mood {
        phase: String,
        old: Option<i8>,
        new: Option<i8>,
    },
    /// One source's mood in a phase (`[phase.moods]`), the source without `@`.
    SourceMood {
        phase: String,
        source: String,
        old: Option<i8>,
        new: Option<i8>,
    },
    /// The lines removed from and added to one cell (the phase and row as
    /// named in the new version, or the old one when removed).
    Cell {
        phase: String,
        row: String,
        lines: Vec<Line>,
    },
    NoteAdded {
        note: NoteView,
    },
    NoteRemoved {
        note: NoteView,
    },
    AcceptedAdded {
        accepted: AcceptedView,
    },
    AcceptedRemoved {
        accepted: AcceptedView,
    },
    ConflictAdded {
        conflict: ConflictView,
    },
    ConflictRemoved {
        conflict: ConflictView,
    },
}

/// The `-`/`+` lines between two texts of a cell: each run of changes as its
/// removed lines, then its added lines.
pub fn cell_lines(old: &str, new: &str) -> Vec<Line> {
    let (a, b) = (crate::merge::split_lines(old), crate::merge::split_lines(new));
    let mut out = Vec::new();
    let mut added = Vec::new();
    for op in crate::merge::diff_ops(&a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            out.append(&mut added);
            continue;
        }
        out.extend(a[old_range].iter().map(|l| Line { sign: '-', text: (*l).to_owned() }));
        added.extend(b[new_range].iter().map(|l| Line { sign: '+', text: (*l).to_owned() }));
    }
    out.append(&mut added);
    out
}

/// Items moved relative to each other: (index in old, index in new) of
/// matched items whose order changed.
fn moved(to_new: &[Option<usize>]) -> Vec<(usize, usize)> {
    let old_order: Vec<usize> = (0..to_new.len()).filter(|&i| to_new[i].is_some()).collect();
    let mut new_order = old_order.clone();
    new_order.sort_by_key(|&i| to_new[i]);
    let mut out = Vec::new();
    for op in crate::merge::diff_ops(&old_order, &new_order) {
        let (tag, _, new_range) = op.as_tag_tuple();
        if tag != similar::DiffTag::Equal {
            out.extend(new_order[new_range].iter().filter_map(|&o| to_new[o].map(|n| (o, n))));
        }
    }
    out.sort_by_key(|&(_, n)| n);
    out
}

/// The items of `a` that `b` does not have (as often as `a` has them more).
fn minus<'a, T: PartialEq>(a: &'a [T], b: &[T]) -> Vec<&'a T> {
    let mut left: Vec<&T> = b.iter().collect();
    let mut out = Vec::new();
    for item in a {
        match left.iter().position(|x| *x == item) {
            Some(i) => {
                left.remove(i);
            }
            None => out.push(item),
        }
    }
    out
}

fn set_change(old: &[String], new: &[String]) -> (Vec<String>, Vec<String>) {
    let removed = old.iter().filter(|x| !new.contains(x)).cloned().collect();
    let added = new.iter().filter(|x| !old.contains(x)).cloned().collect();
    (removed, added)
}

/// Everything that differs between `old` and `new`, in the order shown:
/// the journey's fields, rows, phases and moods, cells (in the new phase
/// order, then removed phases), inbox notes, accepted findings, choices a
/// merge recorded. Empty when
/// the two are the same journey.
pub fn diff(old: &Journey, new: &Journey) -> Vec<Edit> {
    let mut out = Vec::new();
    if old.title != new.title {
        out.push(Edit::Title { old: old.title.clone(), new: new.title.clone() });
    }
    if old.persona != new.persona {
        out.push(Edit::Persona { old: old.persona.clone(), new: new.persona.clone() });
    }
    if old.lang != new.lang {
        let code = |j: &Journey| j.lang.map(|l| l.code().to_owned());
        out.push(Edit::Lang { old: code(old), new: code(new) });
    }
    let (removed, added) = set_change(&old.checks_off, &new.checks_off);
    if !removed.is_empty() || !added.is_empty() {
        out.push(Edit::ChecksOff { removed, added });
    }
    let (removed, added) = set_change(&old.external, &new.external);
    if !removed.is_empty() || !added.is_empty() {
        out.push(Edit::External { removed, added });
    }
    let c = correspond(old, new);
    structure(old, new, &c, &mut out);
    cells(old, new, &c, &mut out);
    for note in minus(&old.inbox, &new.inbox) {
        out.push(Edit::NoteRemoved { note: note.into() });
    }
    for note in minus(&new.inbox, &old.inbox) {
        out.push(Edit::NoteAdded { note: note.into() });
    }
    for a in minus(&old.accepted, &new.accepted) {
        out.push(Edit::AcceptedRemoved { accepted: a.into() });
    }
    for a in minus(&new.accepted, &old.accepted) {
        out.push(Edit::AcceptedAdded { accepted: a.into() });
    }
    for u in minus(&old.unresolved, &new.unresolved) {
        out.push(Edit::ConflictRemoved { conflict: u.into() });
    }
    for u in minus(&new.unresolved, &old.unresolved) {
        out.push(Edit::ConflictAdded { conflict: u.into() });
    }
    out
}

/// Rows and phases added, removed, renamed and moved; roles and moods changed.
fn structure(old: &Journey, new: &Journey, c: &Correspondence, out: &mut Vec<Edit>) {
    for (r, name) in new.rows().iter().enumerate() {
        match c.rows.to_base[r] {
            None => out.push(Edit::RowAdded { name: name.clone(), at: r + 1 }),
            Some(o) if old.rows()[o] != *name => {
                out.push(Edit::RowRenamed { old: old.rows()[o].clone(), new: name.clone() });
            }
            Some(_) => {}
        }
    }
    for (o, name) in old.rows().iter().enumerate() {
        if c.rows.to_side[o].is_none() {
            out.push(Edit::RowRemoved { name: name.clone() });
        }
    }
    for (o, n) in moved(&c.rows.to_side) {
        out.push(Edit::RowMoved { name: new.rows()[n].clone(), from: o + 1, to: n + 1 });
    }
    for (r, name) in new.rows().iter().enumerate() {
        let (was, is) = (c.rows.to_base[r].and_then(|o| old.role_of(o)), new.role_of(r));
        if c.rows.to_base[r].is_some() && was != is {
            out.push(Edit::Role { row: name.clone(), old: was.map(|x| x.id().into()), new: is.map(|x| x.id().into()) });
        }
    }
    for (p, phase) in new.phases().iter().enumerate() {
        match c.phases.to_base[p] {
            None => out.push(Edit::PhaseAdded { name: phase.name.clone(), at: p + 1 }),
            Some(o) if old.phases()[o].name != phase.name => {
                out.push(Edit::PhaseRenamed { old: old.phases()[o].name.clone(), new: phase.name.clone() });
            }
            Some(_) => {}
        }
    }
    for (o, phase) in old.phases().iter().enumerate() {
        if c.phases.to_side[o].is_none() {
            out.push(Edit::PhaseRemoved { name: phase.name.clone() });
        }
    }
    for (o, n) in moved(&c.phases.to_side) {
        out.push(Edit::PhaseMoved { name: new.phases()[n].name.clone(), from: o + 1, to: n + 1 });
    }
    for (p, phase) in new.phases().iter().enumerate() {
        let was = c.phases.to_base[p].and_then(|o| old.phases()[o].mood);
        if was != phase.mood {
            out.push(Edit::Mood { phase: phase.name.clone(), old: was, new: phase.mood });
        }
        let none = std::collections::BTreeMap::new();
        let was = c.phases.to_base[p].map_or(&none, |o| &old.phases()[o].moods);
        let sources: std::collections::BTreeSet<&String> = was.keys().chain(phase.moods.keys()).collect();
        for source in sources {
            let (old, new) = (was.get(source).copied(), phase.moods.get(source).copied());
            if old != new {
                out.push(Edit::SourceMood { phase: phase.name.clone(), source: source.clone(), old, new });
            }
        }
    }
}

/// The cells whose text changed, including those of added and removed phases and rows.
fn cells(old: &Journey, new: &Journey, c: &Correspondence, out: &mut Vec<Edit>) {
    for (p, phase) in new.phases().iter().enumerate() {
        for (r, row) in new.rows().iter().enumerate() {
            let was = match (c.phases.to_base[p], c.rows.to_base[r]) {
                (Some(op), Some(or)) => old.cell(CellRef::new(op, or)),
                _ => "",
            };
            let lines = cell_lines(was, new.cell(CellRef::new(p, r)));
            if !lines.is_empty() {
                out.push(Edit::Cell { phase: phase.name.clone(), row: row.clone(), lines });
            }
        }
        // Cells of rows that are gone, in this phase.
        if let Some(op) = c.phases.to_base[p] {
            for (or, row) in old.rows().iter().enumerate().filter(|(or, _)| c.rows.to_side[*or].is_none()) {
                let lines = cell_lines(old.cell(CellRef::new(op, or)), "");
                if !lines.is_empty() {
                    out.push(Edit::Cell { phase: phase.name.clone(), row: row.clone(), lines });
                }
            }
        }
    }
    for (op, phase) in old.phases().iter().enumerate().filter(|(op, _)| c.phases.to_side[*op].is_none()) {
        for (or, row) in old.rows().iter().enumerate() {
            let lines = cell_lines(old.cell(CellRef::new(op, or)), "");
            if !lines.is_empty() {
                out.push(Edit::Cell { phase: phase.name.clone(), row: row.clone(), lines });
            }
        }
    }
}

#[cfg(test)]
mod tests;
