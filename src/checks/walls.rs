//! Walls between silos: a channel that continues from one phase to the next
//! but changes owner (`handoff`) or system (`system-seam`). Owners and
//! systems are read by the owner rule ([`super::owner`]); a change is a
//! finding when both phases name owners for the channel and none of them is
//! the same. External channels (`[checks] external`) are left out.

use super::channel_tags::same;
use super::owner::{self, Owner, Reader};
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
    if g.touchpoints.is_none() {
        return;
    }
    // The channels of each phase that the organisation runs.
    let channels: Vec<Vec<&str>> =
        g.channels.iter().map(|tags| tags.iter().copied().filter(|t| !g.journey.is_external(t)).collect()).collect();
    let walls = [
        Wall { id: "handoff", row: g.organization, by: "owned by" },
        Wall { id: "system-seam", row: g.systems, by: "served by" },
    ];
    // The channels each pair of consecutive phases shares.
    let shared: Vec<Vec<&str>> = (1..channels.len())
        .map(|to| channels[to - 1].iter().copied().filter(|t| channels[to].iter().any(|u| same(t, u))).collect())
        .collect();
    let mut reader = Reader::new(g.lang, &g.stemmer);
    for wall in &walls {
        let Some(row) = wall.row else { continue };
        // Clauses are read only for phases that share a channel with a neighbour.
        let mut clauses: Vec<Option<Vec<usize>>> = vec![None; channels.len()];
        for (from, tags) in shared.iter().enumerate().filter(|(_, tags)| !tags.is_empty()) {
            let to = from + 1;
            for p in [from, to] {
                if clauses[p].is_none() {
                    clauses[p] = Some(reader.read(g.text(p, row)));
                }
            }
            let side = |p: usize| clauses[p].iter().flatten().map(|&i| reader.clause(i));
            for tag in tags {
                let owners = (owner::owners_of(side(from), tag), owner::owners_of(side(to), tag));
                if let Some(f) = wall_at(g, wall, row, (from, to), tag, owners) {
                    out.push(f);
                }
            }
        }
    }
}

/// The finding of one wall check for one channel between two consecutive
/// phases, if its owners change.
fn wall_at(
    g: &Grid,
    wall: &Wall,
    row: usize,
    (from, to): (usize, usize),
    tag: &str,
    (old, new): (Vec<&Owner>, Vec<&Owner>),
) -> Option<Finding> {
    if old.is_empty() || new.is_empty() || old.iter().any(|o| new.iter().any(|n| n.key == o.key)) {
        return None;
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
    Some(finding.about(vec![tag.trim_start_matches('#').to_owned()]))
}

fn names(owners: &[&Owner]) -> String {
    let names: Vec<&str> = owners.iter().map(|o| o.name.as_str()).collect();
    list(&names)
}
