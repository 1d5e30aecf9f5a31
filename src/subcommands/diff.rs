//! `jgrid diff OLD NEW [--format text|json]`, and git's external diff:
//! `jgrid diff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`,
//! and for a rename or copy two more: `NEW-PATH` and git's header lines
//! (`similarity index 98%`, `rename from A`, `rename to B`, `index …`).
//!
//! As git's external diff it always exits 0 after printing (git stops with
//! "external diff died" on any other status), prints a `diff --jgrid` header
//! naming the file, and shows files that are not journeys as a plain line
//! diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::{CliError, Outcome};
use super::files;
use crate::cli::CheckFormat;
use crate::diff::{self, Edit};
use crate::journey::Journey;
use crate::store;
use crate::text::{one_line, sanitize};

/// The changes in the chosen format.
fn shown(edits: &[Edit], format: CheckFormat) -> String {
    match format {
        CheckFormat::Text => diff::to_text(edits),
        CheckFormat::Json => diff::to_json(edits) + "\n",
    }
}

/// Run `jgrid diff` with OLD NEW or with git's seven arguments.
pub fn diff(args: &[PathBuf], format: CheckFormat) -> Outcome {
    match args {
        [old, new] => two(old, new, format),
        [path, old, _, _, new, _, _] => {
            let path = path.to_string_lossy();
            for_git(&Paths { old: &path, new: &path, header: "" }, old, new, format)
        }
        [path, old, _, _, new, _, _, new_path, header] => {
            let (path, new_path, header) =
                (path.to_string_lossy(), new_path.to_string_lossy(), header.to_string_lossy());
            for_git(&Paths { old: &path, new: &new_path, header: &header }, old, new, format)
        }
        _ => Err(CliError::Usage {
            what: format!("jgrid diff takes two files (OLD NEW) or git's seven or nine arguments, not {}", args.len()),
            hint: "jgrid diff old.toml new.toml".into(),
        }),
    }
}

fn two(old: &Path, new: &Path, format: CheckFormat) -> Outcome {
    let (old, new) = (files::load(old)?, files::load(new)?);
    let edits = diff::diff(&old, &new);
    crate::stdout::print(&shown(&edits, format))?;
    Ok(if edits.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// One side as git gives it: `/dev/null` when the file does not exist there.
fn side(file: &Path) -> Result<Option<String>, CliError> {
    if file == Path::new("/dev/null") {
        return Ok(None);
    }
    match store::read(file) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) => Err(CliError::Unreadable(e.render(file))),
    }
}

fn parsed(text: Option<&str>) -> Option<Journey> {
    match text {
        None => Some(Journey::new("", "", Vec::<String>::new(), Vec::<String>::new())),
        Some(t) => crate::format::parse(t.as_bytes()).ok(),
    }
}

/// The names git gives a file pair: the old and new path (the same unless
/// renamed or copied) and git's header lines for a rename or copy.
struct Paths<'a> {
    old: &'a str,
    new: &'a str,
    header: &'a str,
}

impl Paths<'_> {
    /// `diff --jgrid a/OLD b/NEW`, then git's rename or copy lines (its
    /// `index` line left out, as for any other file), control characters
    /// and newlines in the names made visible.
    fn header(&self) -> String {
        let (old, new) = (one_line(self.old), one_line(self.new));
        let mut out = format!("diff --jgrid a/{old} b/{new}\n");
        for line in self.header.lines().filter(|l| !l.is_empty() && !l.starts_with("index ")) {
            out.push_str(&sanitize(line));
            out.push('\n');
        }
        out
    }
}

fn for_git(paths: &Paths, old: &Path, new: &Path, format: CheckFormat) -> Outcome {
    let (old, new) = (side(old)?, side(new)?);
    let header = paths.header();
    let (Some(a), Some(b)) = (parsed(old.as_deref()), parsed(new.as_deref())) else {
        let (a, b) = (old.as_deref().unwrap_or(""), new.as_deref().unwrap_or(""));
        let text = diff::unified(a, b, &one_line(paths.old), &one_line(paths.new));
        crate::stdout::print(&format!("{header}{}", sanitize(&text)))?;
        return Ok(ExitCode::SUCCESS);
    };
    let mut out = header;
    match (&old, &new) {
        (None, _) => out.push_str("new journey\n"),
        (_, None) => out.push_str("journey deleted\n"),
        _ => {}
    }
    let edits = diff::diff(&a, &b);
    if edits.is_empty() && format == CheckFormat::Text && old != new {
        let _ = writeln!(out, "(the same journey; only the layout of the file differs)");
    } else {
        out.push_str(&shown(&edits, format));
    }
    crate::stdout::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
