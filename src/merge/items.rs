//! Which phases (or rows) a merge keeps, in which order, under which names.
//!
//! A phase deleted on one side and left alone on the other is gone. When
//! the other side changed it (a cell, which is then marked, see `grid`; its
//! name; its mood, for a row its role), it stays, and the merge records the
//! deletion as a choice for a person (`Unresolved::Deleted`): taking the
//! deleting side deletes it. Nothing either side did is dropped unseen.

use super::Place;
use super::Report;
use super::fields::{Value, value3};
use super::grid::Grid;
use super::markers::inline;
use super::order::{BASE, Ident, OURS, THEIRS, merge_order};
use crate::journey::{Axis, Version};

/// What a merge keeps of the phases (or rows).
pub struct Kept {
    /// The kept items in merged order, as indices into the grid's list.
    pub order: Vec<usize>,
    /// Items one side deleted and the other renamed or gave a mood (role):
    /// kept, with the side that deleted them.
    pub deleted: Vec<(usize, Version)>,
    /// Both sides moved items, differently: ours' order was taken.
    pub both_moved: bool,
}

fn items<'g>(grid: &'g Grid, axis: Axis) -> &'g [Ident] {
    match axis {
        Axis::Phase => &grid.phases,
        Axis::Row => &grid.rows,
    }
}

/// The name of item `id` in version `v` ("" when it is not there).
pub fn item_name<'a>(grid: &Grid<'a>, axis: Axis, v: usize, id: &Ident) -> &'a str {
    match (id[v], axis) {
        (Some(i), Axis::Phase) => &grid.versions[v].phases()[i].name,
        (Some(i), Axis::Row) => &grid.versions[v].rows()[i],
        (None, _) => "",
    }
}

/// True when side `v` renamed the item, or changed its mood or a source's
/// mood in it (a row: its role).
fn renamed_or_valued(grid: &Grid, axis: Axis, v: usize, id: &Ident) -> bool {
    if item_name(grid, axis, v, id) != item_name(grid, axis, BASE, id) {
        return true;
    }
    let moods = |v: usize| id[v].map(|i| &grid.versions[v].phases()[i].moods);
    if axis == Axis::Phase && moods(v) != moods(BASE) {
        return true;
    }
    let value = |v: usize| {
        id[v].map(|i| match axis {
            Axis::Phase => grid.versions[v].phases()[i].mood.map(i16::from),
            Axis::Row => grid.versions[v].explicit_role(i).map(|r| r as i16),
        })
    };
    value(v) != value(BASE)
}

/// The kept phases (or rows), in merged order.
pub fn keep_and_order(grid: &Grid, axis: Axis) -> Kept {
    let items = items(grid, axis);
    let phase = axis == Axis::Phase;
    let mut keep = Vec::new();
    let mut deleted = Vec::new();
    for (i, id) in items.iter().enumerate() {
        // Deleted on one side: kept when the other changed a cell of it (the
        // cells are marked), renamed it or gave it a value; the deletion is a choice.
        let (side, by) = match *id {
            [Some(_), Some(_), None] => (OURS, Version::Theirs),
            [Some(_), None, Some(_)] => (THEIRS, Version::Ours),
            _ => {
                if grid.kept(id, phase) {
                    keep.push(i);
                }
                continue;
            }
        };
        if grid.kept(id, phase) || renamed_or_valued(grid, axis, side, id) {
            keep.push(i);
            deleted.push((i, by));
        }
    }
    if keep.is_empty() && !items.is_empty() {
        // Each side deleted what the other kept: keep them all, each a choice.
        for (i, id) in items.iter().enumerate() {
            match (id[OURS], id[THEIRS]) {
                (Some(_), None) => deleted.push((i, Version::Theirs)),
                (None, Some(_)) => deleted.push((i, Version::Ours)),
                _ => {}
            }
            if id[OURS].is_some() || id[THEIRS].is_some() {
                keep.push(i);
            }
        }
    }
    let (order, both_moved) = merge_order(items, &keep);
    Kept { order, deleted, both_moved }
}

/// The merged names of the kept items, in order, all different.
pub fn item_names(
    items: &[Ident],
    order: &[usize],
    names: [&[String]; 3],
    axis: Axis,
    report: &mut Report,
) -> Vec<String> {
    let place = |name: String| if axis == Axis::Phase { Place::Phase(name) } else { Place::Row(name) };
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

/// Theirs' order of the items all three versions have, by merged name.
pub fn theirs_order(items: &[Ident], order: &[usize], merged: &[String]) -> Vec<String> {
    let mut common: Vec<(usize, &String)> = order
        .iter()
        .zip(merged)
        .filter_map(|(&i, name)| match items[i] {
            [Some(_), Some(_), Some(t)] => Some((t, name)),
            _ => None,
        })
        .collect();
    common.sort_by_key(|(t, _)| *t);
    common.into_iter().map(|(_, name)| name.clone()).collect()
}
