//! A list over the grid: its items as they were when it opened, and the
//! selected one. Data only, so the app state can hold it.

use crate::checks::Candidate;
use crate::insights::Insight;

/// What a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListKind {
    /// Every insight (`L`); Enter jumps to its cell.
    Insights(Vec<Insight>),
    /// The findings of the cursor's cell, to pick the one to accept (`A`).
    Accept(Vec<Candidate>),
    /// The accepted findings (`:accepted`); `x` un-accepts one.
    Accepted(Vec<AcceptedItem>),
    /// The plan (`P`): indices into `journey.opportunities`, in rank order.
    Plan(Vec<usize>),
    /// The interview log (`:log`): indices into `journey.log`, oldest first
    /// (under `:only @NAME`, that source's and those with no source).
    Log(Vec<usize>),
}

/// One acceptance in the list of accepted findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedItem {
    /// Its index in `journey.accepted`.
    pub index: usize,
    /// What it accepts, and why.
    pub text: String,
    /// Its finding no longer occurs.
    pub stale: bool,
}

/// A list and its selected item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListView {
    pub kind: ListKind,
    pub selected: usize,
}

impl ListView {
    pub fn len(&self) -> usize {
        match &self.kind {
            ListKind::Insights(items) => items.len(),
            ListKind::Accept(items) => items.len(),
            ListKind::Accepted(items) => items.len(),
            ListKind::Plan(items) | ListKind::Log(items) => items.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
