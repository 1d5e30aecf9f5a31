//! Checks: deterministic findings about gaps and cross-row discrepancies.
//! Pure: reads a journey, never changes it, knows no terminal.
//!
//! Rows are found by their role (`Journey::role_of`); a check whose role has
//! no row stays silent, and rows without a role only get the gap check.

mod conflicts;
mod messages;
mod presence;
mod tags;
#[cfg(test)]
mod tests;

pub use tags::tag_spans;

use crate::journey::{CellRef, Journey, Role};

/// Every check id, in the order checks run.
pub const IDS: [&str; 11] = [
    "merge-conflict",
    "empty-cell",
    "unanswered-need",
    "unowned-touchpoint",
    "unsupported-touchpoint",
    "message-without-channel",
    "inside-out",
    "channel-without-owner",
    "channel-without-system",
    "stray-channel",
    "conflicting-message",
];

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
        "inside-out" => Severity::Info,
        "merge-conflict" => Severity::Warning,
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
    /// The phase the finding is about (for a finding across phases, the first).
    pub phase: usize,
    /// The rows involved, in row order.
    pub rows: Vec<usize>,
    /// The cells it marks.
    pub cells: Vec<CellRef>,
    /// One plain sentence naming the phase, the rows and the reason.
    pub message: String,
}

impl Finding {
    /// A finding about one phase that marks the cells of `rows` in that phase.
    fn in_phase(id: &'static str, phase: usize, mut rows: Vec<usize>, message: String) -> Self {
        rows.sort_unstable();
        rows.dedup();
        let cells = rows.iter().map(|&r| CellRef::new(phase, r)).collect();
        let severity = severity_of(id).unwrap_or(Severity::Warning);
        Self { id, severity, phase, rows, cells, message }
    }

    /// True when this finding marks the cell.
    pub fn marks(&self, at: CellRef) -> bool {
        self.cells.contains(&at)
    }
}

/// Read-only view of a journey with the rows of each role looked up once.
struct Grid<'a> {
    journey: &'a Journey,
    need: Option<usize>,
    touchpoints: Option<usize>,
    message: Option<usize>,
    organization: Option<usize>,
    systems: Option<usize>,
}

impl<'a> Grid<'a> {
    fn new(journey: &'a Journey) -> Self {
        Self {
            journey,
            need: journey.row_with_role(Role::Need),
            touchpoints: journey.row_with_role(Role::Touchpoints),
            message: journey.row_with_role(Role::Message),
            organization: journey.row_with_role(Role::Organization),
            systems: journey.row_with_role(Role::Systems),
        }
    }

    fn phases(&self) -> std::ops::Range<usize> {
        0..self.journey.phases().len()
    }

    fn text(&self, phase: usize, row: usize) -> &'a str {
        self.journey.cell(CellRef::new(phase, row))
    }

    /// True when the cell holds more than white space.
    fn filled(&self, phase: usize, row: usize) -> bool {
        !self.text(phase, row).trim().is_empty()
    }

    /// The phase name in double quotes, for sentences.
    fn quoted_phase(&self, phase: usize) -> String {
        format!("\"{}\"", self.phase_name(phase))
    }

    fn phase_name(&self, phase: usize) -> &'a str {
        self.journey.phases().get(phase).map_or("", |p| p.name.as_str())
    }

    /// The row's name as written in the file.
    fn row_name(&self, row: usize) -> &'a str {
        self.journey.rows().get(row).map_or("", String::as_str)
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

/// Run every check that is not switched off for this journey. Findings come
/// in a fixed order: by phase, then first row, then check id (order of [`IDS`]).
pub fn check(journey: &Journey) -> Vec<Finding> {
    let grid = Grid::new(journey);
    let mut out = Vec::new();
    presence::run(&grid, &mut out);
    tags::run(&grid, &mut out);
    messages::run(&grid, &mut out);
    out.retain(|f| !journey.checks_off.iter().any(|off| off.trim() == f.id));
    // Merge conflicts are reported even when switched off.
    conflicts::run(&grid, &mut out);
    out.sort_by_key(|f| (f.phase, f.rows.first().copied(), id_order(f.id)));
    out
}

/// Only the `merge-conflict` findings (for showing conflicts while highlight
/// mode is off), in phase-major order.
pub fn merge_conflicts(journey: &Journey) -> Vec<Finding> {
    let mut out = Vec::new();
    conflicts::run(&Grid::new(journey), &mut out);
    out
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
