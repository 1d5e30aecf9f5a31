//! Walls between silos: a channel that continues from one phase to the next
//! but changes owner (`handoff`) or system (`system-seam`). Owners and
//! systems are read by the owner rule ([`super::owner`]); a change is a
//! finding when both phases name owners for the channel and none of them is
//! the same. External channels (`[checks] external`) are left out.

use super::owner::{self, Clause, Owner};
use super::tags::{same, tags};
use super::{Finding, Grid, list};
use crate::journey::CellRef;

/// One wall check: its id, the row it reads and how its sentence goes.
struct Wall {
    id: &'static str,
    row: Option<usize>,
    /// `owned by` / `served by`.
    by: &'static str,
}

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let Some(tp) = g.touchpoints else { return };
    let walls = [
        Wall { id: "handoff", row: g.organization, by: "owned by" },
        Wall { id: "system-seam", row: g.systems, by: "served by" },
    ];
    for wall in &walls {
        let Some(row) = wall.row else { continue };
        let clauses: Vec<Vec<Clause>> = g.phases().map(|p| owner::clauses(g.text(p, row), g.lang)).collect();
        for p in g.phases().skip(1) {
            pair(g, wall, tp, row, (p - 1, p), (&clauses[p - 1], &clauses[p]), out);
        }
    }
}

/// The findings of one wall check between two consecutive phases.
fn pair(
    g: &Grid,
    wall: &Wall,
    tp: usize,
    row: usize,
    (from, to): (usize, usize),
    (before, after): (&[Clause], &[Clause]),
    out: &mut Vec<Finding>,
) {
    let later = tags(g.text(to, tp));
    for tag in tags(g.text(from, tp)) {
        if g.journey.is_external(tag) || !later.iter().any(|t| same(t, tag)) {
            continue;
        }
        let (old, new) = (owner::owners_of(before, tag), owner::owners_of(after, tag));
        if old.is_empty() || new.is_empty() || old.iter().any(|o| new.iter().any(|n| n.key == o.key)) {
            continue;
        }
        let (old, new) = (names(&old), names(&new));
        let question = match wall.id {
            "handoff" => format!("the customer notices the handoff from {old} to {new}"),
            _ => format!("{new} is connected to {old}"),
        };
        let message = format!(
            "{tag} is {by} {old} in {} and by {new} in {} ({}): ask whether {question}.",
            g.quoted_phase(from),
            g.quoted_phase(to),
            g.row_name(row),
            by = wall.by,
        );
        let mut finding = Finding::in_phase(wall.id, from, vec![row], message);
        finding.cells = vec![CellRef::new(from, row), CellRef::new(to, row)];
        out.push(finding.about(vec![tag.trim_start_matches('#').to_owned()]));
    }
}

fn names(owners: &[&Owner]) -> String {
    let names: Vec<&str> = owners.iter().map(|o| o.name.as_str()).collect();
    list(&names)
}
