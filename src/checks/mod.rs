//! Checks: deterministic findings about gaps and cross-row discrepancies.
//! Pure: reads a journey, never changes it, knows no terminal.

use crate::journey::{CellRef, Journey};

/// Every check id, in the order checks run.
pub const IDS: [&str; 10] = [
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

/// Run every check that is not switched off for this journey.
pub fn check(_journey: &Journey) -> Vec<Finding> {
    Vec::new()
}
