//! The portfolio screen's state: the folder as read, the rows the list shows
//! (filtered and sorted), the selection, and the panel open over it.

use std::path::PathBuf;

use crate::app::{LineInput, Status};
use crate::portfolio::blueprint::Blueprint;
use crate::portfolio::{CrossFinding, Portfolio};

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A journey (its index in `portfolio.journeys`).
    Journey(usize),
    /// A journey that cannot be read (index in `portfolio.broken`).
    Broken(usize),
    /// A `.toml` file that is no journey (index in `portfolio.others`).
    Other(usize),
}

/// What the list is sorted by; `s` goes to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    File,
    Title,
    Open,
    Notes,
    Backed,
    Mood,
    Changed,
}

impl SortBy {
    pub const ALL: [SortBy; 7] =
        [SortBy::File, SortBy::Title, SortBy::Open, SortBy::Notes, SortBy::Backed, SortBy::Mood, SortBy::Changed];

    pub fn name(self) -> &'static str {
        match self {
            SortBy::File => "file",
            SortBy::Title => "title",
            SortBy::Open => "open findings, most first",
            SortBy::Notes => "unsorted notes, most first",
            SortBy::Backed => "backed cells, least backed first",
            SortBy::Mood => "mood, lowest first",
            SortBy::Changed => "last change, newest first",
        }
    }

    pub fn next(self) -> SortBy {
        let i = SortBy::ALL.iter().position(|s| *s == self).unwrap_or(0);
        SortBy::ALL[(i + 1) % SortBy::ALL.len()]
    }
}

/// A panel over the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Panel {
    None,
    /// The findings across journeys; `selected` is a finding's index.
    Findings {
        selected: usize,
        top: usize,
    },
    /// The blueprint, scrolled by this many lines.
    Blueprint {
        scroll: usize,
    },
    Help {
        scroll: usize,
    },
}

/// The portfolio screen.
#[derive(Debug, Clone)]
pub struct PortfolioView {
    /// The folder, as given.
    pub root: PathBuf,
    /// `None` until the folder has been read.
    pub portfolio: Option<Box<Portfolio>>,
    /// Why the folder could not be read, if it could not.
    pub failed: Option<String>,
    /// Files read so far while reading.
    pub progress: usize,
    pub across: Vec<CrossFinding>,
    pub blueprint: Blueprint,
    /// How each journey is named in sentences.
    pub labels: Vec<String>,
    /// What the list shows, in order.
    pub rows: Vec<Row>,
    pub selected: usize,
    /// The first row shown.
    pub top: usize,
    pub sort: SortBy,
    pub reversed: bool,
    /// The filter's words (lower case); empty: every row.
    pub filter: String,
    /// The filter being typed.
    pub typing: Option<LineInput>,
    pub panel: Panel,
    pub status: Option<Status>,
    pub width: u16,
    pub height: u16,
}

impl PortfolioView {
    /// The screen of the folder `root`, before it is read.
    pub fn new(root: PathBuf) -> Self {
        Self {
            root,
            portfolio: None,
            failed: None,
            progress: 0,
            across: Vec::new(),
            blueprint: Blueprint::default(),
            labels: Vec::new(),
            rows: Vec::new(),
            selected: 0,
            top: 0,
            sort: SortBy::File,
            reversed: false,
            filter: String::new(),
            typing: None,
            panel: Panel::None,
            status: None,
            width: 80,
            height: 24,
        }
    }

    /// The rows of the list the screen has room for (the rest is title,
    /// header, details, status and hints).
    pub fn list_height(&self) -> usize {
        usize::from(self.height).saturating_sub(super::CHROME)
    }

    /// The findings across journeys that name journey `j`.
    pub fn across_of(&self, j: usize) -> impl Iterator<Item = &CrossFinding> {
        self.across.iter().filter(move |f| f.places.iter().any(|p| p.journey == j))
    }

    /// The path of the selected row's file, if any.
    pub fn selected_path(&self) -> Option<PathBuf> {
        let p = self.portfolio.as_ref()?;
        match self.rows.get(self.selected)? {
            Row::Journey(j) => Some(p.journeys[*j].path.clone()),
            Row::Broken(i) => Some(p.root.join(&p.broken[*i].0)),
            Row::Other(i) => Some(p.root.join(&p.others[*i].0)),
        }
    }
}
