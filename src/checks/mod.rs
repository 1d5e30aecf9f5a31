//! Checks: deterministic findings about gaps and cross-row discrepancies.
//! Pure: reads a journey, never changes it, knows no terminal.
//!
//! Rows are found by their role (`Journey::role_of`); a check whose role has
//! no row stays silent, and rows without a role only get the gap check.
//!
//! Two entry points: [`check`] gives every finding about the grid's cells, as
//! exports show them; [`review`] is what a user sees (highlight mode, `jgrid
//! check`): the findings split into open and accepted (`[[accepted]]`), plus
//! the findings about the journey as a whole (`stale-acceptance`,
//! `unsorted-notes`).
//!
//! The checks work phase by phase (presence and tags), pair of consecutive
//! phases by pair (walls) and topic by topic (messages), so a later
//! incremental re-check can redo only what an edit touches.

mod channel_tags;
mod checker;
mod conflicts;
mod grid;
mod index;
mod link_words;
mod messages;
pub mod normal;
pub mod owner;
mod plan;
mod presence;
mod review;
pub mod sentences;
mod tags;
#[cfg(test)]
mod tests;
mod topics;
mod waiting;
mod walls;

pub use channel_tags::tag_spans;
pub use checker::Checker;
pub use messages::stated;
pub use plan::{PLAN_IDS, stale_links};
pub use review::{Accepted, Candidate, Review, acceptances_for, candidates, describe, old_reason, review};

use crate::journey::{CellRef, Journey};
use grid::Grid;

pub use crate::journey::{IDS, JOURNEY_IDS};

/// The checks whose findings are about a channel (their subject is a tag
/// without `#`); `conflicting-message` is about a topic.
pub const TAG_CHECKS: [&str; 5] =
    ["channel-without-owner", "channel-without-system", "stray-channel", "handoff", "system-seam"];

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Gap,
    Warning,
    Info,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Gap => "gap",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// How strongly a cell is marked: higher wins. Warning > Gap > Info, so an
    /// empty cell that also causes a warning is shown as a warning.
    pub fn rank(self) -> u8 {
        match self {
            Severity::Info => 0,
            Severity::Gap => 1,
            Severity::Warning => 2,
        }
    }
}

/// The severity every finding of this check has.
pub fn severity_of(id: &str) -> Option<Severity> {
    Some(match id {
        "empty-cell" => Severity::Gap,
        "merge-conflict" => Severity::Warning,
        "inside-out" | "handoff" | "system-seam" | "stale-acceptance" | "unsorted-notes" | "stale-link"
        | "unscored" => Severity::Info,
        _ if IDS.contains(&id) => Severity::Warning,
        _ => return None,
    })
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable kebab-case id, one of [`IDS`].
    pub id: &'static str,
    pub severity: Severity,
    /// The phase the finding is about (for a finding across phases, the
    /// first); [`Finding::JOURNEY`] for a finding about the whole journey.
    pub phase: usize,
    /// The rows involved, in row order.
    pub rows: Vec<usize>,
    /// The cells it marks.
    pub cells: Vec<CellRef>,
    /// One plain sentence naming the phase, the rows and the reason.
    pub message: String,
    /// What the finding is about, where the check has a subject: the tags
    /// (without `#`, as first written) of a tag check, the topic of a
    /// `conflicting-message`; empty otherwise. A finding about several tags
    /// is accepted one tag at a time ([`acceptances_for`]).
    pub subjects: Vec<String>,
}

impl Finding {
    /// The `phase` of a finding about the whole journey (`unsorted-notes`, a
    /// `stale-acceptance` whose phase is gone): it marks no cell.
    pub const JOURNEY: usize = usize::MAX;

    /// A finding about one phase that marks the cells of `rows` in that phase.
    fn in_phase(id: &'static str, phase: usize, mut rows: Vec<usize>, message: String) -> Self {
        rows.sort_unstable();
        rows.dedup();
        let cells = rows.iter().map(|&r| CellRef::new(phase, r)).collect();
        let severity = severity_of(id).unwrap_or(Severity::Warning);
        Self { id, severity, phase, rows, cells, message, subjects: Vec::new() }
    }

    /// The same finding about these subjects.
    fn about(mut self, subjects: Vec<String>) -> Self {
        self.subjects = subjects;
        self
    }

    /// The phases an acceptance may name for this finding: every phase a
    /// `conflicting-message` marks (its topic spans the grid, so it survives
    /// moving phases), else the finding's own phase.
    pub fn phases(&self) -> Vec<usize> {
        if self.id != "conflicting-message" {
            return vec![self.phase];
        }
        let mut phases: Vec<usize> = self.cells.iter().map(|c| c.phase).collect();
        phases.dedup();
        phases
    }

    /// Where the finding comes in a list: by phase, then first row, then
    /// check id (order of [`IDS`]); findings about the journey come last.
    pub fn order(&self) -> (usize, Option<usize>, usize) {
        (self.phase, self.rows.first().copied(), id_order(self.id))
    }

    /// True when this finding marks the cell.
    pub fn marks(&self, at: CellRef) -> bool {
        self.cells.contains(&at)
    }
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn id_order(id: &str) -> usize {
    IDS.iter().position(|i| *i == id).unwrap_or(IDS.len())
}

/// Run every check about the grid's cells that is not switched off for this
/// journey, ignoring acceptances: every finding marks at least one cell.
/// Findings come in a fixed order: by phase, then first row, then check id
/// (order of [`IDS`]).
pub fn check(journey: &Journey) -> Vec<Finding> {
    run(&Grid::new(journey, &[]))
}

/// The checks on a grid; a tag the grid's acceptances name gets a finding of its own.
fn run(grid: &Grid) -> Vec<Finding> {
    let mut out = Vec::new();
    presence::run(grid, &mut out);
    tags::run(grid, &mut out);
    messages::run(grid, &mut out);
    sentences::run(grid, &mut out);
    walls::run(grid, &mut out);
    out.retain(|f| !is_off(grid.journey, f.id));
    // Merge conflicts are reported even when switched off.
    conflicts::run(grid, &mut out);
    sort(&mut out);
    out
}

/// Only the `merge-conflict` findings (for showing conflicts while highlight
/// mode is off), in phase-major order.
pub fn merge_conflicts(journey: &Journey) -> Vec<Finding> {
    let mut out = Vec::new();
    conflicts::run(&Grid::new(journey, &[]), &mut out);
    out
}

/// True when the journey (or its portfolio) switches this check off (`[checks] off`).
fn is_off(journey: &Journey, id: &str) -> bool {
    journey.is_off(id)
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by_key(Finding::order);
}

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub gaps: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.gaps + self.warnings + self.infos
    }

    /// `7 gaps · 8 warnings · 1 info`; severities with no findings are left
    /// out; `No findings` when there are none.
    pub fn to_words(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.gaps > 0 {
            parts.push(plural(self.gaps, "gap", "gaps"));
        }
        if self.warnings > 0 {
            parts.push(plural(self.warnings, "warning", "warnings"));
        }
        if self.infos > 0 {
            parts.push(format!("{} info", self.infos));
        }
        if parts.is_empty() { "No findings".to_owned() } else { parts.join(" · ") }
    }
}

/// Count findings by severity.
pub fn summary(findings: &[Finding]) -> Counts {
    let mut counts = Counts::default();
    for f in findings {
        match f.severity {
            Severity::Gap => counts.gaps += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    counts
}

/// The findings that mark this cell, in their order.
pub fn findings_at(findings: &[Finding], at: CellRef) -> impl Iterator<Item = &Finding> {
    findings.iter().filter(move |f| f.marks(at))
}

/// The severity a cell is marked with: the highest [`Severity::rank`] among
/// the findings that mark it.
pub fn worst_at(findings: &[Finding], at: CellRef) -> Option<Severity> {
    findings_at(findings, at).map(|f| f.severity).max_by_key(|s| s.rank())
}
