//! The journey's own three-way merge (what `jgrid merge` does for git).
//! Pure: journeys in, a journey and its conflicts out.
//!
//! - Title, persona, language, rows and their roles, phases and their moods,
//!   switched-off checks, external channels, accepted findings and the inbox
//!   merge as values and sets (see `fields`).
//! - Phases and rows are followed by identity, not position: by name, and
//!   across a rename (see `identity`); a move on one side and an edit on the
//!   other both apply (see `order`).
//! - Cells merge line by line (see `lines`): edits of different lines merge,
//!   lines added on both sides are both kept (ours first), the same change
//!   is taken once.
//! - A true conflict is written into the journey with markers (see
//!   `markers`), so the file still opens and nothing of either side is lost.
//!   Values that cannot hold markers (a mood, a role, the language, the order
//!   of phases moved on both sides) keep ours; the merge lists them as
//!   choices with theirs' value.

mod fields;
mod grid;
pub mod identity;
mod lines;
mod markers;
mod order;
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
pub use resolve::{ConflictAt, conflict_at, resolve_at};

use crate::journey::{Acceptance, CellRef, Change, Journey};
use fields::value3;
use grid::Grid;
use order::{BASE, Ident, OURS, THEIRS, merge_order};

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
        }
    }
}

/// A conflict the merge wrote into the journey, or a choice it made.
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
    /// Conflicts left in the journey, marked where they are.
    pub conflicts: Vec<Conflict>,
    /// Values both sides changed that cannot hold markers: ours was kept.
    pub choices: Vec<Conflict>,
}

#[derive(Default)]
struct Report {
    conflicts: Vec<Conflict>,
    choices: Vec<Conflict>,
}

impl Report {
    fn conflict(&mut self, place: Place, what: impl Into<String>) {
        self.conflicts.push(Conflict { place, what: what.into() });
    }

    fn choice(&mut self, place: Place, what: impl Into<String>) {
        self.choices.push(Conflict { place, what: what.into() });
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
    let versions = [base, ours, theirs];
    let (co, ct) = (identity::correspond(base, ours), identity::correspond(base, theirs));
    let names = versions.map(phase_names);
    let grid = Grid {
        versions,
        phases: grid::identities(base.phase_count(), [&names[0], &names[1], &names[2]], &co.phases, &ct.phases),
        rows: grid::identities(base.row_count(), [base.rows(), ours.rows(), theirs.rows()], &co.rows, &ct.rows),
    };
    let mut report = Report::default();
    let phases = keep_and_order(&grid, true, &mut report);
    let rows = keep_and_order(&grid, false, &mut report);
    let phase_names = item_names(&grid.phases, &phases, [&names[0], &names[1], &names[2]], true, &mut report);
    let row_names = item_names(&grid.rows, &rows, [base.rows(), ours.rows(), theirs.rows()], false, &mut report);
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
    journey.lang =
        kept_ours(value3(Some(&base.lang), Some(&ours.lang), Some(&theirs.lang)), Place::Language, &mut report, |l| {
            l.map_or("none", |l| l.code()).to_owned()
        });
    for (r, &item) in rows.iter().enumerate() {
        let id = grid.rows[item];
        let role = |v: usize| id[v].map(|i| versions[v].explicit_role(i));
        let place = Place::Row(row_names[r].clone());
        let role = kept_ours(
            value3(role(BASE).as_ref(), role(OURS).as_ref(), role(THEIRS).as_ref()),
            place,
            &mut report,
            |r| r.map_or("none", |r| r.id()).to_owned(),
        );
        journey.set_explicit_role(r, role);
    }
    let mut changes = Vec::new();
    for (p, &item) in phases.iter().enumerate() {
        let id = grid.phases[item];
        let mood = |v: usize| id[v].map(|i| versions[v].phases()[i].mood);
        let place = Place::Phase(phase_names[p].clone());
        let mood = kept_ours(
            value3(mood(BASE).as_ref(), mood(OURS).as_ref(), mood(THEIRS).as_ref()),
            place,
            &mut report,
            |m| m.map_or("unknown".to_owned(), |m| m.to_string()),
        );
        changes.push(Change::SetMood { phase: p, mood });
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
    journey.checks_off = fields::set3(&base.checks_off, &ours.checks_off, &theirs.checks_off);
    journey.external = fields::set3(&base.external, &ours.external, &theirs.external);
    journey.inbox = fields::inbox3(&base.inbox, &ours.inbox, &theirs.inbox);
    let renamed = |v: usize| Renames::new(&grid, v, &phases, &phase_names, &rows, &row_names);
    let accepted = [BASE, OURS, THEIRS].map(|v| renamed(v).accepted(&versions[v].accepted));
    journey.accepted = fields::set3(&accepted[0], &accepted[1], &accepted[2]);
    Merged { journey, conflicts: report.conflicts, choices: report.choices }
}

/// The clean value, or ours with a choice reported.
fn kept_ours<T: Clone>(value: Value<T>, place: Place, report: &mut Report, show: impl Fn(&T) -> String) -> T {
    match value {
        Value::Clean(v) => v,
        Value::Conflict { ours, theirs } => {
            report.choice(
                place,
                format!("changed on both sides: kept ours ({}); theirs was {}", show(&ours), show(&theirs)),
            );
            ours
        }
    }
}

/// The kept phases (or rows), in merged order, as indices into the grid's list.
fn keep_and_order(grid: &Grid, phase: bool, report: &mut Report) -> Vec<usize> {
    let (items, word) = if phase { (&grid.phases, "phases") } else { (&grid.rows, "rows") };
    let mut keep: Vec<usize> = (0..items.len()).filter(|&i| grid.kept(&items[i], phase)).collect();
    for (i, id) in items.iter().enumerate() {
        if keep.contains(&i) || id[BASE].is_none() {
            continue;
        }
        let side = if id[OURS].is_some() {
            OURS
        } else if id[THEIRS].is_some() {
            THEIRS
        } else {
            continue;
        };
        let base_name = item_name(grid, phase, BASE, id);
        let renamed = item_name(grid, phase, side, id) != base_name;
        let mood = |v: usize| id[v].map(|i| grid.versions[v].phases()[i].mood);
        if renamed || (phase && mood(side) != mood(BASE)) {
            let (deleter, changer) = if side == OURS { ("theirs", "ours") } else { ("ours", "theirs") };
            report.choice(Place::List(word), format!("\"{base_name}\" was deleted on {deleter} and renamed or given a mood on {changer}: it stays deleted"));
        }
    }
    if keep.is_empty() && !items.is_empty() {
        keep = (0..items.len()).filter(|&i| items[i][OURS].is_some() || items[i][THEIRS].is_some()).collect();
        report.conflict(Place::List(word), format!("each side deleted the {word} the other kept; jgrid kept them all"));
    }
    let (order, both_moved) = merge_order(items, &keep);
    if both_moved {
        report.choice(Place::List(word), format!("both sides reordered the {word}: kept ours' order"));
    }
    order
}

fn item_name<'a>(grid: &Grid<'a>, phase: bool, v: usize, id: &Ident) -> &'a str {
    match id[v] {
        Some(i) if phase => &grid.versions[v].phases()[i].name,
        Some(i) => &grid.versions[v].rows()[i],
        None => "",
    }
}

/// The merged names of the kept items, in order, all different.
fn item_names(
    items: &[Ident],
    order: &[usize],
    names: [&[String]; 3],
    phase: bool,
    report: &mut Report,
) -> Vec<String> {
    let place = |name: String| if phase { Place::Phase(name) } else { Place::Row(name) };
    let versions = |i: usize| [BASE, OURS, THEIRS].map(|v| items[i][v].map(|x| &names[v][x]));
    let mut out: Vec<String> = Vec::with_capacity(order.len());
    for &i in order {
        let [b, o, t] = versions(i);
        out.push(match value3(b, o, t) {
            Value::Clean(name) => name,
            Value::Conflict { ours, theirs } => {
                let name = inline(&ours, &theirs);
                report.conflict(
                    place(name.clone()),
                    format!("renamed on both sides: \"{ours}\" (ours) or \"{theirs}\" (theirs)"),
                );
                name
            }
        });
    }
    // Two items with one name (renamed on one side to a name the other side
    // added): the renamed one shows both its names, else the later one is numbered.
    for k in 0..out.len() {
        let clash = out.iter().filter(|n| **n == out[k]).count() > 1;
        if let ([_, Some(o), Some(t)], true) = (versions(order[k]), clash)
            && o != t
        {
            out[k] = inline(o, t);
            report.conflict(
                place(out[k].clone()),
                format!("\"{o}\" (ours) is also the name of another one; \"{t}\" (theirs)"),
            );
        }
    }
    for k in 0..out.len() {
        if out[..k].contains(&out[k]) {
            let first = out[k].clone();
            let name = (2..).map(|n| format!("{first} ({n})")).find(|n| !out.contains(n)).unwrap_or(first.clone());
            report.conflict(place(name.clone()), format!("two of them were named \"{first}\" after the merge"));
            out[k] = name;
        }
    }
    out
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
        let map = |items: &[Ident], order: &[usize], merged: &[String], phase: bool| -> HashMap<String, String> {
            order
                .iter()
                .zip(merged)
                .filter(|(i, _)| items[**i][v].is_some())
                .map(|(i, name)| (item_name(grid, phase, v, &items[*i]).to_owned(), name.clone()))
                .collect()
        };
        Self { phases: map(&grid.phases, phases, phase_names, true), rows: map(&grid.rows, rows, row_names, false) }
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
