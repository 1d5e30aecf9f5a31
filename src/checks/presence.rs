//! Presence checks: empty cells, and rows that have text where the row they
//! depend on in the same phase is empty (then that empty cell gets no
//! `empty-cell` of its own: one cause, one finding).
//!
//! Two cases are no gaps (see [`Grid::waits`] and [`Grid::external_only`]):
//! an Organization or Systems row that waits for the organisation's side of
//! an interview grid, and the Organization and Systems cells of a phase whose
//! touchpoints are all external channels.

use super::{Finding, Grid, list};

pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    for p in g.phases() {
        phase(g, p, out);
    }
}

/// The presence checks of one phase.
pub(super) fn phase(g: &Grid, p: usize, out: &mut Vec<Finding>) {
    let external = g.external_only(p);
    // Rows nobody can be asked to fill here: their emptiness is no finding.
    let excused = |row: usize| [g.organization, g.systems].contains(&Some(row)) && (external || g.waits(row));
    let mut explained = Vec::new();
    let pairs = [
        ("unanswered-need", g.need, g.message, "no message answers the customer's need"),
        ("unowned-touchpoint", g.touchpoints, g.organization, "no one in the organisation owns these touchpoints"),
        ("unsupported-touchpoint", g.touchpoints, g.systems, "no system supports these touchpoints"),
        ("message-without-channel", g.message, g.touchpoints, "no touchpoint carries the message"),
    ];
    for (id, full, empty, reason) in pairs {
        let (Some(full), Some(empty)) = (full, empty) else { continue };
        if g.filled(p, full) && !g.filled(p, empty) && !excused(empty) {
            let message = format!(
                "In {}, {} has text but {} is empty: {reason}.",
                g.quoted_phase(p),
                g.row_name(full),
                g.row_name(empty)
            );
            out.push(Finding::in_phase(id, p, vec![full, empty], message));
            if !g.journey.is_off(id) {
                explained.push(empty);
            }
        }
    }
    // An empty cell a finding above explains is one cause: one finding.
    for r in 0..g.journey.rows().len() {
        if !g.filled(p, r) && !excused(r) && !explained.contains(&r) {
            let message = format!("In {}, {} is empty.", g.quoted_phase(p), g.row_name(r));
            out.push(Finding::in_phase("empty-cell", p, vec![r], message));
        }
    }
    inside_out(g, p, out);
}

/// Activity (touchpoints, message, organisation, systems) with no customer need.
fn inside_out(g: &Grid, p: usize, out: &mut Vec<Finding>) {
    let Some(need) = g.need else { return };
    if g.filled(p, need) {
        return;
    }
    let mut active: Vec<usize> = [g.touchpoints, g.message, g.organization, g.systems]
        .into_iter()
        .flatten()
        .filter(|&r| g.filled(p, r))
        .collect();
    // The customer acting or speaking (`I called`, `@sara`) is no inside-out phase.
    if active.is_empty() || active.iter().any(|&r| super::sentences::customer_acts(g, g.text(p, r))) {
        return;
    }
    active.sort_unstable();
    let names: Vec<&str> = active.iter().map(|&r| g.row_name(r)).collect();
    let verb = if names.len() == 1 { "has" } else { "have" };
    let message = format!(
        "In {}, {} {verb} text but {} is empty: activity without a customer need (an inside-out phase).",
        g.quoted_phase(p),
        list(&names),
        g.row_name(need)
    );
    let mut rows = active;
    rows.push(need);
    out.push(Finding::in_phase("inside-out", p, rows, message));
}
