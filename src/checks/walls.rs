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

fn walls(g: &Grid) -> [Wall; 2] {
    [
        Wall { id: "handoff", row: g.organization, by: "owned by" },
        Wall { id: "system-seam", row: g.systems, by: "served by" },
    ]
}

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let mut reading = Reading::new(g);
    for wall in &walls(g) {
        for from in 1..g.journey.phases().len() {
            reading.between(wall, from - 1, out);
        }
    }
}

/// The findings about the walls between each phase of `froms` and the
/// next one: for each, handoffs, then system seams (as [`run`] has them).
pub(super) fn pairs(g: &Grid, froms: &[usize]) -> Vec<Vec<Finding>> {
    let mut reading = Reading::new(g);
    let walls = walls(g);
    froms
        .iter()
        .map(|&from| {
            let mut out = Vec::new();
            for wall in &walls {
                reading.between(wall, from, &mut out);
            }
            out
        })
        .collect()
}

/// What the wall checks read, each once: the channels of each phase that
/// the organisation runs, and the clauses of each wall's row.
struct Reading<'g, 'a> {
    g: &'g Grid<'a>,
    channels: Vec<Option<Vec<&'a str>>>,
    /// By wall (handoff, system seam), then phase.
    clauses: [Vec<Option<Vec<usize>>>; 2],
    reader: Reader<'a, 'g>,
}

impl<'g, 'a> Reading<'g, 'a> {
    fn new(g: &'g Grid<'a>) -> Self {
        let n = g.journey.phases().len();
        Self {
            g,
            channels: vec![None; n],
            clauses: [vec![None; n], vec![None; n]],
            reader: Reader::new(g.lang, &g.stemmer),
        }
    }

    fn channels(&mut self, p: usize) -> &[&'a str] {
        let g = self.g;
        self.channels[p]
            .get_or_insert_with(|| g.channels(p).iter().copied().filter(|t| !g.journey.is_external(t)).collect())
    }

    /// One wall check between phase `from` and the next one.
    fn between(&mut self, wall: &Wall, from: usize, out: &mut Vec<Finding>) {
        let (g, to) = (self.g, from + 1);
        let (Some(row), Some(_)) = (wall.row, g.touchpoints) else { return };
        if to >= g.journey.phases().len() {
            return;
        }
        let next = self.channels(to).to_vec();
        let shared: Vec<&str> =
            self.channels(from).iter().copied().filter(|t| next.iter().any(|u| same(t, u))).collect();
        if shared.is_empty() {
            return;
        }
        let kind = usize::from(wall.id != "handoff");
        for p in [from, to] {
            if self.clauses[kind][p].is_none() {
                self.clauses[kind][p] = Some(self.reader.read(g.text(p, row)));
            }
        }
        let (clauses, reader) = (&self.clauses[kind], &self.reader);
        let side = |p: usize| clauses[p].iter().flatten().map(|&i| reader.clause(i));
        for tag in shared {
            let owners = (owner::owners_of(side(from), tag), owner::owners_of(side(to), tag));
            if let Some(f) = wall_at(g, wall, row, (from, to), tag, owners) {
                out.push(f);
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
