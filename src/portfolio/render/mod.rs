//! The blueprint for people and programs: Markdown, CSV, JSON and HTML.
//! Every piece of text from the journeys is made safe for where it goes
//! (control and bidi characters become visible placeholders, as everywhere
//! in jgrid).

mod csv;
pub(crate) mod html;
mod json;
mod markdown;

pub use self::csv::to_csv;
pub use html::to_html;
pub use json::to_json;
pub use markdown::to_markdown;

use super::blueprint::Seen;
use super::{Entry, Portfolio};

/// The phase names of one place, `Contact, Resolution`.
fn phases<T>(journeys: &[Entry<T>], seen: &Seen) -> Vec<String> {
    let names = &journeys[seen.journey].summary.phases;
    seen.phases.iter().map(|&p| names.get(p).cloned().unwrap_or_default()).collect()
}

/// `A → B`: the phase before a wall and the one after.
fn step<T>(journeys: &[Entry<T>], journey: usize, from: usize) -> (String, String) {
    let names = &journeys[journey].summary.phases;
    let name = |p: usize| names.get(p).cloned().unwrap_or_default();
    (name(from), name(from + 1))
}

/// `12 journeys · 9 channels · 3 walls between teams · 2 between systems`.
pub(crate) fn counts<T>(p: &Portfolio<T>, b: &super::Blueprint) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} · {} · {} between teams · {} between systems",
        plural(p.journeys.len(), "journey", "journeys"),
        plural(b.channels.len(), "channel", "channels"),
        plural(b.handoffs.len(), "wall", "walls"),
        plural(b.seams.len(), "wall", "walls"),
    )
}

#[cfg(test)]
mod tests;
