//! The journey's own three-way merge (what `jgrid merge` does for git).
//! Pure: journeys in, a journey and its conflicts out.
//!
//! - Title, persona, language, rows and their roles, phases and their moods,
//!   switched-off checks, external channels, accepted findings and the inbox
//!   merge as values and sets (see `fields`); opportunities by title, field
//!   by field, and the descriptions of sources by name (see `plan`).
//! - Phases and rows are followed by identity, not position: by name, and
//!   across a rename (see `identity`); a move on one side and an edit on the
//!   other both apply (see `order`).
//! - Cells merge line by line (see `lines`): edits of different lines merge,
//!   lines added on both sides are both kept (ours first), the same change
//!   is taken once.
//! - A true conflict is written into the journey with markers (see
//!   `markers`), so the file still opens and nothing of either side is lost.
//!   Values that cannot hold markers (a mood, a role, the language, the order
//!   of phases moved on both sides) keep ours, and theirs is recorded in the
//!   journey as a choice for a person (`Journey::unresolved`, the file's
//!   `[[conflict]]`), as is a phase deleted on one side and renamed or given
//!   a mood on the other (it is kept): each is a conflict like the others.

#[cfg(test)]
mod choice_tests;
mod fields;
mod grid;
pub mod identity;
mod items;
mod lines;
mod markers;
mod order;
mod plan;
#[cfg(test)]
pub(crate) mod proptests;
mod resolve;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::HashMap;
use std::fmt;

pub use fields::Value;
pub use lines::{ConflictStyle, Labels, Style, diff_ops, merge_text};
pub use markers::{Block, Side, blocks, has_conflict, inline, lines as split_lines, parse_inline, take, take_inline};
pub use resolve::{ConflictAt, conflict_at, resolve_at, take_everywhere, unresolved_cell};

use crate::journey::{Acceptance, Axis, CellRef, Change, Journey, Unresolved};
use fields::value3;
use grid::Grid;
use items::item_name;
use order::{BASE, Ident, OURS, THEIRS};

/// Where a conflict (or a choice) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Title,
    Persona,
    Language,
    /// The list of phases or rows as a whole (`"phases"` or `"rows"`).
    List(&'static str),
    Phase(String),
    Row(String),
    Cell {
        phase: String,
        row: String,
    },
    /// An opportunity, by title.
    Opportunity(String),
    /// The description of a source, by name.
    Source(String),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Title => f.write_str("title"),
            Place::Persona => f.write_str("persona"),
            Place::Language => f.write_str("lang"),
            Place::List(what) => f.write_str(what),
            Place::Phase(name) => write!(f, "phase \"{name}\""),
            Place::Row(name) => write!(f, "row \"{name}\""),
            Place::Cell { phase, row } => write!(f, "{phase} › {row}"),
            Place::Opportunity(title) => write!(f, "opportunity \"{title}\""),
            Place::Source(name) => write!(f, "source @{name}"),
        }
    }
}

/// A conflict the merge left in the journey: marked where it is, or
/// recorded as a choice for a person (`Journey::unresolved`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub place: Place,
    pub what: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.what)
    }
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub journey: Journey,
    /// Conflicts left in the journey, marked where they are or recorded.
    pub conflicts: Vec<Conflict>,
}

#[derive(Default)]
struct Report {
    conflicts: Vec<Conflict>,
}

impl Report {
    fn conflict(&mut self, place: Place, what: impl Into<String>) {
        self.conflicts.push(Conflict { place, what: what.into() });
    }
}

fn phase_names(j: &Journey) -> Vec<String> {
    j.phases().iter().map(|p| p.name.clone()).collect()
}

/// Merge the changes `ours` and `theirs` made to `base`.
///
/// ```
/// use jgrid::journey::{CellRef, Change, Journey};
/// let mut base = Journey::new("T", "P", ["Need"], ["Use"]);
/// Change::SetCell { at: CellRef::new(0, 0), text: "fast".into() }.apply(&mut base).unwrap();
/// let (mut ours, mut theirs) = (base.clone(), base.clone());
/// Change::SetCell { at: CellRef::new(0, 0), text: "fast\ncheap".into() }.apply(&mut ours).unwrap();
/// Change::SetCell { at: CellRef::new(0, 0), text: "fast\nsimple".into() }.apply(&mut theirs).unwrap();
/// let merged = jgrid::merge::merge(&base, &ours, &theirs, &Default::default());
/// assert_eq!(merged.journey.cell(CellRef::new(0, 0)), "fast\ncheap\nsimple");
/// assert!(merged.conflicts.is_empty());
/// ```
pub fn merge(base: &Journey, ours: &Journey, theirs: &Journey, labels: &Labels) -> Merged {
    // When one side changed nothing, the other side is the merge, whole:
    // then nothing of it can be lost, also not a field this merge does not
    // know yet. (A new field of `Journey` must be merged below too, or a
    // change both sides make to the journey drops it.)
    let whole = |side: &Journey| {
        let mut journey = side.clone();
        journey.line_ends = ours.line_ends;
        Merged { journey, conflicts: Vec::new() }
    };
    if same(ours, base) {
        return whole(theirs);
    }
    if same(theirs, base) || same(theirs, ours) {
        return whole(ours);
    }
    merge_both(base, ours, theirs, labels)
}

/// Equal journeys, whatever their files' line ends.
fn same(a: &Journey, b: &Journey) -> bool {
    if a.line_ends == b.line_ends {
        return a == b;
    }
    let mut a = a.clone();
    a.line_ends = b.line_ends;
    a == *b
}

/// The merge of two changed sides: every field of the journey, merged.
pub(crate) fn merge_both(base: &Journey, ours: &Journey, theirs: &Journey, labels: &Labels) -> Merged {
    let versions = [base, ours, theirs];
    let (co, ct) = (identity::correspond(base, ours), identity::correspond(base, theirs));
    let names = versions.map(phase_names);
    let grid = Grid {
        versions,
        phases: grid::identities(base.phase_count(), [&names[0], &names[1], &names[2]], &co.phases, &ct.phases),
        rows: grid::identities(base.row_count(), [base.rows(), ours.rows(), theirs.rows()], &co.rows, &ct.rows),
    };
    let mut report = Report::default();
    let kept_phases = items::keep_and_order(&grid, Axis::Phase);
    let kept_rows = items::keep_and_order(&grid, Axis::Row);
    let (phases, rows) = (&kept_phases.order, &kept_rows.order);
    let phase_names =
        items::item_names(&grid.phases, phases, [&names[0], &names[1], &names[2]], Axis::Phase, &mut report);
    let row_names =
        items::item_names(&grid.rows, rows, [base.rows(), ours.rows(), theirs.rows()], Axis::Row, &mut report);
    let text = |place: Place, get: fn(&Journey) -> &String, report: &mut Report| match value3(
        Some(get(base)),
        Some(get(ours)),
        Some(get(theirs)),
    ) {
        Value::Clean(v) => v,
        Value::Conflict { ours, theirs } => {
            report.conflict(place, format!("changed on both sides: \"{ours}\" (ours) or \"{theirs}\" (theirs)"));
            inline(&ours, &theirs)
        }
    };
    let title = text(Place::Title, |j| &j.title, &mut report);
    let persona = text(Place::Persona, |j| &j.persona, &mut report);
    let mut journey = Journey::new(&title, &persona, row_names.clone(), phase_names.clone());
    // Line ends are how OURS' file is spelled, not a change: never a conflict.
    journey.line_ends = ours.line_ends;
    // Values that cannot hold markers: ours stays, theirs is recorded for a person.
    let mut unresolved = Vec::new();
    journey.lang = match value3(Some(&base.lang), Some(&ours.lang), Some(&theirs.lang)) {
        Value::Clean(l) => l,
        Value::Conflict { ours, theirs } => {
            unresolved.push(Unresolved::Lang { theirs });
            ours
        }
    };
    for (r, &item) in rows.iter().enumerate() {
        let id = grid.rows[item];
        let role = |v: usize| id[v].map(|i| versions[v].explicit_role(i));
        let role = match value3(role(BASE).as_ref(), role(OURS).as_ref(), role(THEIRS).as_ref()) {
            Value::Clean(role) => role,
            Value::Conflict { ours, theirs } => {
                unresolved.push(Unresolved::Role { row: row_names[r].clone(), theirs });
                ours
            }
        };
        journey.set_explicit_role(r, role);
    }
    let mut changes = Vec::new();
    for (p, &item) in phases.iter().enumerate() {
        let id = grid.phases[item];
        let mood = |v: usize| id[v].map(|i| versions[v].phases()[i].mood);
        let mood = match value3(mood(BASE).as_ref(), mood(OURS).as_ref(), mood(THEIRS).as_ref()) {
            Value::Clean(mood) => mood,
            Value::Conflict { ours, theirs } => {
                unresolved.push(Unresolved::Mood { phase: phase_names[p].clone(), theirs });
                ours
            }
        };
        changes.push(Change::SetMood { phase: p, mood });
        let moods = |v: usize| id[v].map(|i| &versions[v].phases()[i].moods);
        let moods = fields::moods3([moods(BASE), moods(OURS), moods(THEIRS)], &phase_names[p], &mut unresolved);
        changes.extend(moods.into_iter().map(|(source, m)| Change::SetSourceMood { phase: p, source, mood: Some(m) }));
        for (r, &row) in rows.iter().enumerate() {
            let (text, conflict) = grid.cell(&id, &grid.rows[row], labels);
            if let Some(what) = conflict {
                report.conflict(Place::Cell { phase: phase_names[p].clone(), row: row_names[r].clone() }, what);
            }
            changes.push(Change::SetCell { at: CellRef::new(p, r), text });
        }
    }
    // Every position is inside the grid just built and every mood comes from a journey.
    let _ = Change::Batch(changes).apply(&mut journey);
    for (axis, kept, items, merged) in
        [(Axis::Phase, &kept_phases, &grid.phases, &phase_names), (Axis::Row, &kept_rows, &grid.rows, &row_names)]
    {
        let name = |item: usize| merged[kept.order.iter().position(|&i| i == item).unwrap_or(0)].clone();
        unresolved.extend(kept.deleted.iter().map(|&(item, by)| Unresolved::Deleted { axis, name: name(item), by }));
        if kept.both_moved {
            unresolved.push(Unresolved::Order { axis, theirs: items::theirs_order(items, &kept.order, merged) });
        }
    }
    journey.checks_off = fields::set3(&base.checks_off, &ours.checks_off, &theirs.checks_off);
    journey.external = fields::set3(&base.external, &ours.external, &theirs.external);
    journey.inbox = fields::inbox3(&base.inbox, &ours.inbox, &theirs.inbox);
    journey.opportunities = plan::opportunities3(
        &base.opportunities,
        &ours.opportunities,
        &theirs.opportunities,
        &mut unresolved,
        &mut report,
    );
    journey.sources = plan::sources3(&base.sources, &ours.sources, &theirs.sources, &mut unresolved);
    let renamed = |v: usize| Renames::new(&grid, v, phases, &phase_names, rows, &row_names);
    let accepted = [BASE, OURS, THEIRS].map(|v| renamed(v).accepted(&versions[v].accepted));
    journey.accepted = fields::set3(&accepted[0], &accepted[1], &accepted[2]);
    // Choices left open by earlier merges, then this merge's own.
    let open = [BASE, OURS, THEIRS].map(|v| renamed(v).unresolved(&versions[v].unresolved));
    journey.unresolved = fields::set3(&open[0], &open[1], &open[2]);
    for u in unresolved {
        let place = match (&u, u.phase(), u.row()) {
            (_, Some(phase), _) => Place::Phase(phase.to_owned()),
            (_, _, Some(row)) => Place::Row(row.to_owned()),
            (Unresolved::Lang { .. }, ..) => Place::Language,
            (Unresolved::Plan { title, .. }, ..) => Place::Opportunity(title.clone()),
            (Unresolved::Source { name, .. }, ..) => Place::Source(name.clone()),
            (Unresolved::Order { axis: Axis::Phase, .. }, ..) => Place::List("phases"),
            _ => Place::List("rows"),
        };
        report.conflict(place, u.describe(&journey));
        if !journey.unresolved.contains(&u) {
            journey.unresolved.push(u);
        }
    }
    Merged { journey, conflicts: report.conflicts }
}

/// Names of one version mapped to the merged names, to carry accepted findings across renames.
struct Renames {
    phases: HashMap<String, String>,
    rows: HashMap<String, String>,
}

impl Renames {
    fn new(
        grid: &Grid,
        v: usize,
        phases: &[usize],
        phase_names: &[String],
        rows: &[usize],
        row_names: &[String],
    ) -> Self {
        let map = |items: &[Ident], order: &[usize], merged: &[String], axis: Axis| -> HashMap<String, String> {
            order
                .iter()
                .zip(merged)
                .filter(|(i, _)| items[**i][v].is_some())
                .map(|(i, name)| (item_name(grid, axis, v, &items[*i]).to_owned(), name.clone()))
                .collect()
        };
        Self {
            phases: map(&grid.phases, phases, phase_names, Axis::Phase),
            rows: map(&grid.rows, rows, row_names, Axis::Row),
        }
    }

    fn phase(&self, name: &str) -> String {
        self.phases.get(name).map_or(name, String::as_str).to_owned()
    }

    fn row(&self, name: &str) -> String {
        self.rows.get(name).map_or(name, String::as_str).to_owned()
    }

    fn unresolved(&self, list: &[Unresolved]) -> Vec<Unresolved> {
        list.iter().map(|u| u.renamed(|p| self.phase(p), |r| self.row(r))).collect()
    }

    fn accepted(&self, list: &[Acceptance]) -> Vec<Acceptance> {
        let get = |map: &HashMap<String, String>, name: &String| map.get(name).unwrap_or(name).clone();
        list.iter()
            .map(|a| Acceptance {
                phase: get(&self.phases, &a.phase),
                rows: a.rows.iter().map(|r| get(&self.rows, r)).collect(),
                ..a.clone()
            })
            .collect()
    }
}
