//! The checks that read sentences: `sources-disagree`, `broken-promise` and
//! `dead-end`. A consultant's notes are sentences, not `topic: statement`
//! lines; these checks read them with the cue words of the journey's
//! language ([`cues`]), and every finding says which cues and words matched.
//!
//! All three work phase by phase; `broken-promise` also reads the Message
//! lines of the phase and the phases before it ([`Promises`]). The
//! incremental checker keeps the [`Promises`] between edits: an edit re-reads
//! the cell it changed, and a Message edit redoes only the later phases
//! whose lines it can link or unlink.

pub mod cues;
mod dead_end;
mod disagree;
mod promise;
mod read;
#[cfg(test)]
mod tests;

use super::{Finding, Grid};
use crate::journey::{Mark, Role};
pub use cues::{Cues, cues};
pub use promise::Promises;

/// The sentence checks, in check order.
pub const IDS: [&str; 3] = ["sources-disagree", "broken-promise", "dead-end"];

/// The sentence findings of every phase.
pub(super) fn run(g: &Grid, out: &mut Vec<Finding>) {
    let promises = Promises::new(g);
    for p in g.phases() {
        phase(g, &promises, p, out);
    }
}

/// The sentence findings of phase `p`, in check order.
pub(super) fn phase(g: &Grid, promises: &Promises, p: usize, out: &mut Vec<Finding>) {
    disagree::phase(g, p, out);
    promise::phase(g, promises, p, out);
    dead_end::phase(g, p, out);
}

/// The sentence findings of phase `p` that read only phase `p`.
pub(super) fn local(g: &Grid, p: usize, out: &mut Vec<Finding>) {
    disagree::phase(g, p, out);
    dead_end::phase(g, p, out);
}

/// The `broken-promise` findings of phase `p` (they read the Message lines
/// of `p` and the phases before it).
pub(super) fn promised(g: &Grid, promises: &Promises, p: usize, out: &mut Vec<Finding>) {
    promise::phase(g, promises, p, out);
}

/// True when the customer is the actor in this text: a line names a
/// `@source` or says `I`, `me`, `my` (in the journey's language).
pub(super) fn customer_acts(g: &Grid, text: &str) -> bool {
    let first_person = cues(g.lang).first_person;
    text.lines().filter(|l| states(l)).any(|line| {
        !crate::journey::source_spans(line).is_empty()
            || read::tokens(line).iter().any(|t| matches!(t, read::Tok::Word(w) if first_person.contains(&w.as_str())))
    })
}

/// True when a line says something (not an open question or an idea).
fn states(line: &str) -> bool {
    !line.trim().is_empty() && !matches!(Mark::of(line), Some(Mark::Question | Mark::Opportunity))
}

/// The rows whose lines tell the customer's experience: every row but
/// Message, Organization and Systems.
fn experience_rows(g: &Grid) -> Vec<usize> {
    let inside = [g.journey.row_with_role(Role::Message), g.organization, g.systems];
    (0..g.journey.rows().len()).filter(|r| !inside.contains(&Some(*r))).collect()
}

/// A line as quoted in a finding: without its mark and sources.
fn quoted(line: &str) -> String {
    format!("\"{}\"", super::normal::content(line))
}
