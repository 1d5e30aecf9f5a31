//! Walking a portfolio's folder: every `.toml` file under it, in path
//! order, with the `ignore` crate: files and folders that `.gitignore`
//! (inside a git repository) or `.ignore` leave out are left out, and so
//! are hidden ones (`.git`, editors' and jgrid's own temporary files).
//! Symbolic links are followed; a link that leads back into a folder being
//! walked (a loop) is reported and not followed again, and a file reached
//! twice (through a link) is read once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::config::FILE_NAME;

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// The `.toml` files to read, in path order.
    pub files: Vec<PathBuf>,
    /// Files passed over, with the reason (a `jgrid.toml` below the
    /// portfolio's, a second path to a file already listed).
    pub passed: Vec<(PathBuf, String)>,
    /// What could not be walked.
    pub problems: Vec<Problem>,
}

/// A folder or file the walk could not look into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as far as the walk knows.
    pub path: PathBuf,
    pub what: String,
    /// True when something may have been left unread (a folder or file
    /// that cannot be read); false for a loop, whose folder was walked once.
    pub unread: bool,
}

/// True for a file name that may hold a journey: `*.toml`, any case.
fn is_toml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// Walk `root`. The `jgrid.toml` directly in `root` is the portfolio's
/// rules, not a journey; one further down is passed over, said so.
pub fn walk(root: &Path) -> Walked {
    let mut out = Walked::default();
    let walker =
        ignore::WalkBuilder::new(root).follow_links(true).require_git(true).sort_by_file_path(|a, b| a.cmp(b)).build();
    let mut linked = false;
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.problems.push(problem(&e));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_some_and(|t| t.is_file()) || !is_toml(path) {
            continue;
        }
        if path.file_name().is_some_and(|n| n == FILE_NAME) {
            if path.parent() != Some(root) {
                let reason = "the rules of a folder below the portfolio; the portfolio's own jgrid.toml applies here";
                out.passed.push((path.to_path_buf(), reason.to_owned()));
            }
            continue;
        }
        linked |= entry.path_is_symlink();
        out.files.push(path.to_path_buf());
    }
    // Loops are found by the walker; the same file behind two names only
    // when a link was followed.
    if linked {
        out.files = once_each(std::mem::take(&mut out.files), &mut out.passed);
    }
    out
}

/// The files, each real file once (the first path to it in path order).
fn once_each(files: Vec<PathBuf>, passed: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut first: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let real = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if seen.insert(real.clone()) {
            first.push((real, file.clone()));
            out.push(file);
        } else {
            let earlier =
                first.iter().find(|(r, _)| *r == real).map_or_else(String::new, |(_, f)| f.display().to_string());
            passed.push((file, format!("the same file as {earlier} (a link); read once")));
        }
    }
    out
}

fn problem(e: &ignore::Error) -> Problem {
    let mut path = PathBuf::new();
    let mut error = e;
    loop {
        match error {
            ignore::Error::WithPath { path: p, err } => {
                path = p.clone();
                error = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error = err,
            ignore::Error::Loop { ancestor, child } => {
                return Problem {
                    path: child.clone(),
                    what: format!("a link back to {} (a loop); that folder is read once", ancestor.display()),
                    unread: false,
                };
            }
            ignore::Error::Io(io) => {
                let what = match io.kind() {
                    std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".to_owned(),
                    std::io::ErrorKind::NotFound => "cannot be read: it is gone, or a link to nothing".to_owned(),
                    _ => format!("cannot be read: {io}"),
                };
                return Problem { path, what, unread: true };
            }
            // A broken .gitignore line: the rest of the walk goes on.
            other => return Problem { path, what: other.to_string(), unread: false },
        }
    }
}
