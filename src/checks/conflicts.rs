//! `merge-conflict`: what a merge left for a person to decide. A cell with
//! conflict blocks, a phase name, row name, title or persona holding an
//! inline conflict, and each choice the merge recorded (a mood, a role, the
//! language, an order or a deletion: the file's `[[conflict]]`). It cannot be switched off: a conflict is not a matter of
//! taste, and a file with one should not be committed unnoticed.

use super::{Finding, Grid};
use crate::journey::Unresolved;
use crate::merge::{blocks, parse_inline, unresolved_cell};

const ID: &str = "merge-conflict";

fn count(n: usize, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

/// Every merge conflict in the journey, in phase-major order.
pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    for p in g.phases() {
        phase(g, p, out);
    }
    names(g, out);
}

/// The merge conflicts of one phase: in its name, then in its cells.
pub(super) fn phase(g: &Grid, p: usize, out: &mut Vec<Finding>) {
    let j = g.journey;
    let first_row = g.row_name(0);
    if let Some((ours, theirs)) = parse_inline(g.phase_name(p)) {
        let message = format!(
            "The phase {} has two names after a merge: \"{ours}\" (ours) or \"{theirs}\" (theirs); \
             :take ours or :take theirs in any cell of it (here {first_row}), or rename it.",
            g.quoted_phase(p)
        );
        out.push(Finding::in_phase(ID, p, vec![0], message));
    }
    for r in 0..j.rows().len() {
        let found = blocks(g.text(p, r));
        if found.is_empty() {
            continue;
        }
        let deleted = found.iter().any(|b| b.ours_label.contains("(deleted") || b.theirs_label.contains("(deleted"));
        let why = if deleted {
            "one side deleted this phase or row, the other changed the cell"
        } else {
            "both sides changed the same lines"
        };
        let message = format!(
            "In {}, {} has {} from a merge ({why}): \
             keep one version with :take ours, :take theirs or :take both, or edit the cell.",
            g.quoted_phase(p),
            g.row_name(r),
            count(found.len(), "conflict"),
        );
        out.push(Finding::in_phase(ID, p, vec![r], message));
    }
}

/// The merge conflicts in the names of rows, the title and the persona, and
/// the choices a merge recorded (the file's `[[conflict]]`).
pub(super) fn names(g: &Grid, out: &mut Vec<Finding>) {
    let j = g.journey;
    let first_row = g.row_name(0);
    if j.phases().is_empty() {
        return;
    }
    for u in &j.unresolved {
        let at = unresolved_cell(j, u);
        let how = match u {
            Unresolved::Deleted { axis, by, .. } => {
                format!(":take {} deletes the {}, :take {} keeps it", by.word(), axis.word(), by.other().word())
            }
            _ => ":take ours keeps it as it is, :take theirs takes theirs".to_owned(),
        };
        let message = format!("After a merge, {}; {how} (M here).", u.describe(j));
        out.push(Finding::in_phase(ID, at.phase, vec![at.row], message));
    }
    let first_phase = g.quoted_phase(0);
    for (r, row) in j.rows().iter().enumerate() {
        if let Some((ours, theirs)) = parse_inline(row) {
            let message = format!(
                "The row \"{row}\" has two names after a merge: \"{ours}\" (ours) or \"{theirs}\" (theirs); \
                 :take ours or :take theirs in any cell of it (here in {first_phase}), or rename it."
            );
            out.push(Finding::in_phase(ID, 0, vec![r], message));
        }
    }
    for (what, value) in [("title", &j.title), ("persona", &j.persona)] {
        if let Some((ours, theirs)) = parse_inline(value) {
            let message = format!(
                "The {what} has two versions after a merge: \"{ours}\" (ours) or \"{theirs}\" (theirs); \
                 :take ours or :take theirs in a cell without a conflict (for example {first_phase}, {first_row}), or edit it."
            );
            out.push(Finding::in_phase(ID, 0, vec![0], message));
        }
    }
}
