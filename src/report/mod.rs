//! The report a consultant hands the client after the interviews: title
//! and persona, the mood per phase, the pains ranked by how many sources
//! name them, the opportunities, open questions and quotes, the open
//! findings and the cells no source backs, and as an appendix the
//! interview log (every captured note, its time, source and cell). Pure:
//! takes a journey and its findings, returns text.
//!
//! | format | function |
//! | --- | --- |
//! | Markdown (renders on GitHub) | [`to_markdown`] |
//! | JSON (shape documented on the function) | [`to_json`] |
//!
//! The client's report (`--for client`, [`client`]) leaves out the tool's
//! housekeeping (the interview log too: what each interviewee said is in it
//! already, without names or times) and names no source: Markdown ([`client::to_markdown`]) or
//! a printable HTML page ([`client_html`]).

pub mod client;
mod client_html;
#[cfg(test)]
mod client_tests;
mod json;
#[cfg(test)]
mod log_tests;
mod markdown;
#[cfg(test)]
mod tests;

pub use client_html::to_html as client_html;
pub use json::to_json;
pub(crate) use markdown::inline as markdown_inline;
pub use markdown::to_markdown;

use crate::checks::Finding;
use crate::export::one_line;
use crate::insights::{Evidence, Insights};
use crate::journey::{CellRef, Journey};

/// What both renderings are made of, read from the journey once.
struct Report<'a> {
    journey: &'a Journey,
    findings: &'a [Finding],
    insights: Insights,
    evidence: Evidence,
}

impl<'a> Report<'a> {
    fn new(journey: &'a Journey, findings: &'a [Finding]) -> Self {
        Self { journey, findings, insights: Insights::of(journey), evidence: Evidence::of(journey) }
    }

    /// A phase's name, raw; "" outside the grid.
    fn phase(&self, phase: usize) -> &'a str {
        self.journey.phases().get(phase).map_or("", |p| p.name.as_str())
    }

    /// A row's name, raw; "" outside the grid.
    fn row(&self, row: usize) -> &'a str {
        self.journey.rows().get(row).map_or("", String::as_str)
    }

    /// `Phase / Row`, on one line, control characters made visible.
    fn place(&self, at: CellRef) -> String {
        format!("{} / {}", one_line(self.phase(at.phase)).trim(), one_line(self.row(at.row)).trim())
    }
}
