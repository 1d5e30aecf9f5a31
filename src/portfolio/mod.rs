//! A portfolio: a folder of journeys, the organisation's blueprint.
//!
//! - [`config`]: the folder's `jgrid.toml` (name, shared checks, aliases),
//!   found by walking up from a journey or folder;
//! - [`walk`]: every `.toml` file under the folder (`ignore` crate);
//! - [`load`]: each file read and checked in parallel (rayon) into a
//!   [`Summary`] and its [`Facts`]; files that are no journey are listed apart;
//! - [`cross`]: the checks across journeys (`portfolio-conflict`,
//!   `owner-drift`, `system-drift`);
//! - [`blueprint`]: every channel with its teams, systems and places, and
//!   the walls between teams and between systems, most frequent first;
//! - [`render`]: the blueprint as Markdown, CSV, JSON and HTML, and [`site`]:
//!   the static site for stakeholders.
//!
//! Memory: a loaded portfolio keeps, per journey, its summary (names of its
//! phases, counts) and its facts (one entry per channel a phase names, one
//! per promise, one per wall), never the journey itself unless the caller
//! asks (`jgrid check` keeps them to print their findings). It grows with
//! the number of journeys and what they say about channels, not with the
//! text of their cells.

pub mod blueprint;
pub mod config;
pub mod cross;
pub mod facts;
mod read;
pub mod render;
pub mod site;
pub mod site_plan;
pub mod walk;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::journey::{Journey, PortfolioRules};
pub use blueprint::Blueprint;
pub use cross::CrossFinding;
pub use facts::Facts;
pub use read::{Read, Summary};
pub use walk::Problem;

/// The checks across journeys, in the order they run.
pub const CROSS_IDS: [&str; 3] = ["portfolio-conflict", "owner-drift", "system-drift"];

/// The mood curve in one line, a character per phase: `▁` for -2 up to
/// `█` for +2, `·` where the mood is unknown.
pub fn mood_line(moods: &[Option<i8>]) -> String {
    moods
        .iter()
        .map(|m| match m {
            Some(..=-2) => '▁',
            Some(-1) => '▃',
            Some(0) => '▄',
            Some(1) => '▆',
            Some(2..) => '█',
            None => '·',
        })
        .collect()
}

/// A file's name as shown in one line: a line break as `␊`, other control
/// and bidi characters as their visible placeholders.
pub fn shown_name(name: &str) -> String {
    crate::text::sanitize(&name.replace('\n', "\u{240a}")).into_owned()
}

/// One journey of the portfolio.
#[derive(Debug, Clone)]
pub struct Entry<T = ()> {
    /// The file: the folder joined with its path under it.
    pub path: PathBuf,
    /// Its path under the folder, as shown (`team/moving.toml`).
    pub name: String,
    pub summary: Summary,
    pub facts: Facts,
    /// What the caller kept of the journey (see [`load`]).
    pub kept: T,
}

impl<T> Entry<T> {
    /// The journey's title, or its file's name when it has none.
    pub fn label(&self) -> &str {
        let title = self.summary.title.trim();
        if title.is_empty() { &self.name } else { title }
    }
}

/// A folder of journeys, read.
#[derive(Debug, Clone)]
pub struct Portfolio<T = ()> {
    pub root: PathBuf,
    /// The `jgrid.toml` that applies, and its rules.
    pub config: Option<PathBuf>,
    pub rules: Option<Arc<PortfolioRules>>,
    /// The journeys, in path order.
    pub journeys: Vec<Entry<T>>,
    /// `.toml` files that are not journeys, or passed over, and why.
    pub others: Vec<(String, String)>,
    /// Journeys that cannot be read: their path and rendered message.
    pub broken: Vec<(String, String)>,
    /// Folders and files the walk could not look into.
    pub problems: Vec<Problem>,
}

impl<T> Portfolio<T> {
    /// The portfolio's name: its `jgrid.toml`'s, else its folder's.
    pub fn name(&self) -> String {
        if let Some(name) = self.rules.as_ref().map(|r| r.name.trim()).filter(|n| !n.is_empty()) {
            return name.to_owned();
        }
        let folder = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        folder.file_name().map_or_else(|| self.root.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    /// True when something that may be a journey could not be read.
    pub fn has_unread(&self) -> bool {
        !self.broken.is_empty() || self.problems.iter().any(|p| p.unread)
    }

    /// How each journey is named in sentences: its title, or where titles
    /// repeat or are missing, its title and file.
    pub fn labels(&self) -> Vec<String> {
        let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for e in &self.journeys {
            *count.entry(e.label()).or_default() += 1;
        }
        self.journeys
            .iter()
            .map(|e| {
                let label =
                    if e.summary.title.trim().is_empty() { shown_name(e.label()) } else { e.label().to_owned() };
                if count[e.label()] > 1 { format!("{label} ({})", shown_name(&e.name)) } else { label }
            })
            .collect()
    }
}

/// Why a portfolio could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Its `jgrid.toml` is broken: the rendered `FILE:LINE:COLUMN` message.
    #[error("{0}")]
    Rules(String),
    /// The folder is not a folder, or cannot be read.
    #[error("{0}")]
    Folder(String),
}

/// Read the rules that apply to a folder (or a journey in it): the
/// `jgrid.toml` found by walking up ([`config::find`]), if any.
pub fn rules_for(start: &Path) -> Result<Option<(PathBuf, Arc<PortfolioRules>)>, String> {
    match config::find(start) {
        None => Ok(None),
        Some(path) => config::load(&path).map(|rules| Some((path, Arc::new(rules)))),
    }
}

/// Read every journey under `root` in parallel. `keep` is called with each
/// journey and its review, and what it returns is kept in its [`Entry`]
/// (`|_, _| ()` keeps nothing).
pub fn load<T: Send>(
    root: &Path,
    keep: impl Fn(Journey, crate::checks::Review) -> T + Sync,
) -> Result<Portfolio<T>, LoadError> {
    let shown = crate::text::sanitize(&root.display().to_string()).into_owned();
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(LoadError::Folder(format!(
                "{shown}: is not a folder\n  hint: give the folder that holds the journeys"
            )));
        }
        Err(e) => return Err(LoadError::Folder(format!("{shown}: cannot read: {e}\n  hint: check the path"))),
    }
    let (config, rules) = match rules_for(root).map_err(LoadError::Rules)? {
        Some((path, rules)) => (Some(path), Some(rules)),
        None => (None, None),
    };
    let walked = walk::walk(root);
    // Each worker keeps what it read of the lines of cells (`facts::Memo`).
    let read: Vec<read::Read<T>> = walked
        .files
        .par_iter()
        .map_init(facts::Memo::default, |memo, path| read::read(path, rules.as_ref(), &keep, memo))
        .collect();
    let mut portfolio = Portfolio {
        root: root.to_path_buf(),
        config,
        rules,
        journeys: Vec::new(),
        others: Vec::new(),
        broken: Vec::new(),
        problems: walked.problems,
    };
    let under = |path: &Path| path.strip_prefix(root).unwrap_or(path).display().to_string();
    for (path, read) in walked.files.into_iter().zip(read) {
        let name = under(&path);
        match read {
            read::Read::Journey { summary, facts, kept } => {
                portfolio.journeys.push(Entry { path, name, summary: *summary, facts, kept });
            }
            read::Read::Other(reason) => portfolio.others.push((name, reason)),
            read::Read::Broken(message) => portfolio.broken.push((name, message)),
        }
    }
    portfolio.others.extend(walked.passed.into_iter().map(|(path, why)| (under(&path), why)));
    Ok(portfolio)
}

impl Portfolio {
    /// Read one file of the portfolio again (a journey changed in the
    /// editor), with the portfolio's rules.
    pub fn reread(&self, path: &Path) -> Read<()> {
        read::read(path, self.rules.as_ref(), &|_, _| (), &mut facts::Memo::default())
    }

    /// Put what was read again of a file in its place: it may have become a
    /// journey, or stopped being one. The lists stay in path order.
    pub fn replace(&mut self, path: &Path, read: Read<()>) {
        let name = path.strip_prefix(&self.root).unwrap_or(path).display().to_string();
        self.journeys.retain(|e| e.path != path);
        self.broken.retain(|(n, _)| *n != name);
        self.others.retain(|(n, _)| *n != name);
        match read {
            Read::Journey { summary, facts, kept } => {
                let at = self.journeys.partition_point(|e| e.path.as_path() < path);
                self.journeys.insert(at, Entry { path: path.to_path_buf(), name, summary: *summary, facts, kept });
            }
            Read::Other(reason) => self.others.push((name, reason)),
            Read::Broken(message) => {
                let at = self.broken.partition_point(|(n, _)| *n < name);
                self.broken.insert(at, (name, message));
            }
        }
    }
}

#[cfg(test)]
mod tests;
