//! Insights: what the interviews found, read from the lines of the cells.
//! Pure: reads a journey, never changes it, knows no terminal.
//!
//! - [`Insights`]: every marked line (`! ` pain, `+ ` opportunity, `? ` open
//!   question, `> ` quote), grouped by kind; lines that say the same thing
//!   are one [`Insight`] with every place they are said; pains ranked by the
//!   number of distinct sources that name them.
//! - [`Evidence`]: how many distinct sources back each cell, which cells
//!   have text and no source (unbacked), and a one-line summary for the
//!   status bar.
//! - [`MarkCounts`]: how many lines carry each mark, kept per cell.
//! - [`said`]: what each interviewee said, phase by phase and source by source.
//! - [`mood`]: raising, lowering, parsing and showing a phase's mood
//!   (`-2..=2`, `None` when unknown), and the mood curve as text.
//!
//! Cost: [`Insights::of`] and [`Evidence::of`] read every line of every cell
//! once (linear in the journey's text; see `cargo bench --bench jgrid --
//! insights` for figures). Compute them once per change of the journey and
//! keep the value; [`Backing::of`] on one cell is cheap enough for every
//! visible cell of every frame.

mod evidence;
mod items;
mod marks;
pub mod mood;
pub mod said;
#[cfg(test)]
mod tests;

pub use evidence::{Backing, Evidence};
pub use items::{Insight, Insights, Place, same_words};
pub use marks::MarkCounts;
pub use said::{Said, SaidLine, by_source};

/// Add the sources a line names (lower case, without `@`) to `list`, each
/// once: the rule of [`crate::journey::sources`], without building a list
/// per line.
fn add_sources(list: &mut Vec<String>, line: &str) {
    if !line.contains('@') {
        return;
    }
    for span in crate::journey::source_spans(line) {
        let name = &line[span.start + 1..span.end];
        let known = if name.is_ascii() {
            list.iter().any(|n| n.eq_ignore_ascii_case(name))
        } else {
            let lower = name.to_lowercase();
            list.contains(&lower)
        };
        if !known {
            list.push(name.to_lowercase());
        }
    }
}
