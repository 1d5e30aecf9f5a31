//! Which rows the list shows, in which order: the journeys that pass the
//! filter, sorted; then the files apart (journeys that cannot be read, and
//! `.toml` files that are no journey), in path order.

use std::cmp::Ordering;

use super::state::{PortfolioView, Row, SortBy};
use crate::portfolio::{Entry, Portfolio};

/// True when every word of the filter is in the journey's title, persona or file name.
fn passes(filter: &str, texts: &[&str]) -> bool {
    let haystack: String = texts.iter().map(|t| t.to_lowercase()).collect::<Vec<_>>().join("\n");
    filter.split_whitespace().all(|word| haystack.contains(word))
}

/// The mean mood of a journey's phases that have one (`None` without any).
fn mean_mood(e: &Entry) -> Option<f64> {
    let known: Vec<f64> = e.summary.moods.iter().flatten().map(|&m| f64::from(m)).collect();
    (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
}

/// The share of filled cells that are backed; a journey with no text comes first.
fn backed(e: &Entry) -> f64 {
    if e.summary.filled == 0 { 0.0 } else { e.summary.backed as f64 / e.summary.filled as f64 }
}

fn compare(by: SortBy, a: &Entry, b: &Entry) -> Ordering {
    let by_file = || a.name.cmp(&b.name);
    let first = match by {
        SortBy::File => Ordering::Equal,
        SortBy::Title => a.label().to_lowercase().cmp(&b.label().to_lowercase()),
        SortBy::Open => b.summary.open.total().cmp(&a.summary.open.total()),
        SortBy::Notes => b.summary.unsorted.cmp(&a.summary.unsorted),
        SortBy::Backed => backed(a).total_cmp(&backed(b)),
        // Journeys without a mood come last.
        SortBy::Mood => match (mean_mood(a), mean_mood(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortBy::Changed => b.summary.modified.cmp(&a.summary.modified),
    };
    first.then_with(by_file)
}

/// The rows for this portfolio, filter and order.
pub fn rows(p: &Portfolio, filter: &str, by: SortBy, reversed: bool) -> Vec<Row> {
    let mut journeys: Vec<usize> = (0..p.journeys.len())
        .filter(|&j| {
            let e = &p.journeys[j];
            passes(filter, &[&e.summary.title, &e.summary.persona, &e.name])
        })
        .collect();
    journeys.sort_by(|&x, &y| compare(by, &p.journeys[x], &p.journeys[y]));
    if reversed {
        journeys.reverse();
    }
    let mut out: Vec<Row> = journeys.into_iter().map(Row::Journey).collect();
    out.extend((0..p.broken.len()).filter(|&i| passes(filter, &[&p.broken[i].0])).map(Row::Broken));
    out.extend((0..p.others.len()).filter(|&i| passes(filter, &[&p.others[i].0])).map(Row::Other));
    out
}

impl PortfolioView {
    /// Build the rows again (after a load, a sort or a filter), keeping the
    /// selected file selected if it is still shown.
    pub fn arrange(&mut self) {
        let keep = self.selected_path();
        let Some(p) = self.portfolio.as_deref() else {
            self.rows.clear();
            return;
        };
        self.rows = rows(p, &self.filter, self.sort, self.reversed);
        self.selected = 0;
        if let Some(keep) = keep {
            for (i, _) in self.rows.iter().enumerate() {
                self.selected = i;
                if self.selected_path().as_deref() == Some(keep.as_path()) {
                    self.scroll_to_selected();
                    return;
                }
            }
            self.selected = 0;
        }
        self.scroll_to_selected();
    }

    /// Scroll the list so the selected row is on the screen.
    pub fn scroll_to_selected(&mut self) {
        let height = self.list_height().max(1);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
        self.top = self.top.min(self.rows.len().saturating_sub(height));
    }
}
