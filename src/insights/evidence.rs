//! Evidence: which sources back each cell.

use crate::journey::{CellRef, Journey};

/// How a cell is backed by sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backing {
    /// No text (or only white space): neither backed nor unbacked.
    Empty,
    /// Text, and no line names a source.
    Unbacked,
    /// Text whose lines name these distinct sources (lower case, without
    /// `@`, in the order first named; never empty).
    Backed(Vec<String>),
}

impl Backing {
    /// The backing of a cell's text. Cheap: a cell without `@` is not
    /// searched for sources.
    pub fn of(text: &str) -> Backing {
        if text.trim().is_empty() {
            return Backing::Empty;
        }
        let mut sources = Vec::new();
        if text.contains('@') {
            for line in text.split('\n') {
                super::add_sources(&mut sources, line);
            }
        }
        if sources.is_empty() { Backing::Unbacked } else { Backing::Backed(sources) }
    }

    /// The number of distinct sources (0 for an empty or unbacked cell).
    pub fn count(&self) -> usize {
        match self {
            Backing::Backed(sources) => sources.len(),
            _ => 0,
        }
    }

    /// The distinct sources (empty for an empty or unbacked cell).
    pub fn sources(&self) -> &[String] {
        match self {
            Backing::Backed(sources) => sources,
            _ => &[],
        }
    }
}

/// The backing of every cell of a journey and what it adds up to.
///
/// "Cells" in the counts are the filled cells: cells with more than white
/// space. An empty cell is neither backed nor unbacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    rows: usize,
    /// Phase-major: the cell (p, r) is at `p * rows + r`.
    cells: Vec<Backing>,
    sources: Vec<String>,
}

impl Evidence {
    /// Read every cell of the journey.
    pub fn of(journey: &Journey) -> Evidence {
        let rows = journey.row_count();
        let mut sources: Vec<String> = Vec::new();
        let mut cells = Vec::with_capacity(rows * journey.phase_count());
        for phase in journey.phases() {
            for text in phase.cells() {
                let backing = Backing::of(text);
                for name in backing.sources() {
                    if !sources.contains(name) {
                        sources.push(name.clone());
                    }
                }
                cells.push(backing);
            }
        }
        Evidence { rows, cells, sources }
    }

    /// Bring the evidence up to date after only the text of these cells
    /// changed (the journey's shape is as it was): those cells are read
    /// again, the others kept.
    pub fn cells_changed(&mut self, journey: &Journey, changed: &[CellRef]) {
        if self.rows != journey.row_count() || self.cells.len() != self.rows * journey.phase_count() {
            *self = Evidence::of(journey);
            return;
        }
        for &at in changed {
            if let Some(slot) = self.cells.get_mut(at.phase * self.rows + at.row) {
                *slot = Backing::of(journey.cell(at));
            }
        }
        // The sources in grid order of first mention: names only, no text read.
        self.sources.clear();
        for backing in &self.cells {
            for name in backing.sources() {
                if !self.sources.contains(name) {
                    self.sources.push(name.clone());
                }
            }
        }
    }

    /// The backing of a cell; [`Backing::Empty`] outside the grid.
    pub fn cell(&self, at: CellRef) -> &Backing {
        if at.row >= self.rows {
            return &Backing::Empty;
        }
        self.cells.get(at.phase * self.rows + at.row).unwrap_or(&Backing::Empty)
    }

    /// The number of cells with text.
    pub fn filled(&self) -> usize {
        self.cells.iter().filter(|b| **b != Backing::Empty).count()
    }

    /// The number of cells with text and at least one source.
    pub fn backed(&self) -> usize {
        self.cells.iter().filter(|b| matches!(b, Backing::Backed(_))).count()
    }

    /// The cells with text and no source, in grid order (phase, then row).
    pub fn unbacked(&self) -> impl Iterator<Item = CellRef> + '_ {
        let rows = self.rows;
        (self.cells.iter().enumerate())
            .filter(|(_, b)| **b == Backing::Unbacked)
            .map(move |(i, _)| CellRef::new(i / rows, i % rows))
    }

    /// Every distinct source named in any cell, in grid order of first mention.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// One line for the status bar: `14 of 25 cells backed · 3 sources`
    /// (filled cells with a source, of all filled cells; distinct sources in
    /// the grid). Singular where a count is 1: `1 of 1 cell backed · 1 source`.
    pub fn summary(&self) -> String {
        let filled = self.filled();
        let sources = self.sources.len();
        format!(
            "{} of {filled} {} backed · {sources} {}",
            self.backed(),
            if filled == 1 { "cell" } else { "cells" },
            if sources == 1 { "source" } else { "sources" }
        )
    }
}
