//! `jgrid check --conflicts FILE...` and `jgrid check --conflicts --staged`:
//! merge conflicts only, for CI on a hosting platform (where custom merge
//! drivers never run) and for the pre-commit hook of `jgrid git-setup
//! --hook`. A conflict is a `merge-conflict` finding (jgrid's markers, a
//! recorded choice) or git's own markers in a file that does not load.
//! Exit 0: none; 1: conflicts; 2: a file cannot be read (not UTF-8, not a
//! journey for another reason, missing).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::{CliError, Outcome};
use super::merge::declares_journey;
use super::resolve::conflict_places;
use crate::checks;
use crate::format;
use crate::stdout::Stdout;
use crate::store;
use crate::text::one_line;

/// One file to look at: its name as shown, and its bytes or why not.
struct Target {
    shown: String,
    bytes: Result<Vec<u8>, String>,
    /// From git's index: a file that is not a journey at all is left alone.
    staged: bool,
}

pub fn check(files: &[PathBuf], staged: bool) -> Outcome {
    let targets = if staged { staged_targets()? } else { files.iter().map(|f| file_target(f)).collect() };
    let mut out = Stdout::lock();
    let (mut journeys, mut conflicts, mut conflicted, mut unreadable) = (0, 0, 0, 0);
    for t in &targets {
        let text = match &t.bytes {
            Ok(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) if t.staged => continue,
                Err(_) => {
                    eprintln!("jgrid: {}: the file is not UTF-8 text", t.shown);
                    unreadable += 1;
                    continue;
                }
            },
            Err(e) => {
                eprintln!("jgrid: {e}");
                unreadable += 1;
                continue;
            }
        };
        match format::parse(text.as_bytes()) {
            Ok(journey) => {
                journeys += 1;
                let found = checks::merge_conflicts(&journey);
                for (place, what) in conflict_places(&journey, &found) {
                    out.line(format_args!("{}: {place}: warning[merge-conflict]: {what}", t.shown))?;
                }
                conflicts += found.len();
                conflicted += usize::from(!found.is_empty());
            }
            Err(_) if crate::unmerged::has_git_markers(text) => {
                journeys += 1;
                let blocks = crate::merge::blocks(&crate::journey::LineEnds::to_lf(text)).len();
                out.line(format_args!(
                    "{}: holds git's conflict markers ({blocks} block{}): git merged it line by line, without jgrid; jgrid resolve {} merges it cell by cell",
                    t.shown,
                    if blocks == 1 { "" } else { "s" },
                    t.shown
                ))?;
                conflicts += blocks;
                conflicted += 1;
            }
            Err(_) if t.staged && !declares_journey(text) => {}
            Err(e) => {
                journeys += 1;
                let message = e.render(&t.shown);
                eprintln!("jgrid: {}", &message[..message.find("\n  hint:").unwrap_or(message.len())]);
                unreadable += 1;
            }
        }
    }
    let checked = if journeys == 1 { "1 journey".to_owned() } else { format!("{journeys} journeys") };
    let unread = if unreadable > 0 { format!(" ({unreadable} could not be read)") } else { String::new() };
    match conflicts {
        // A hook says nothing when all is well.
        0 if staged && unreadable == 0 => {}
        0 => out.line(format_args!("{checked} checked{unread}: no merge conflicts"))?,
        n => {
            let files = if conflicted == 1 { "1 journey".to_owned() } else { format!("{conflicted} journeys") };
            out.line(format_args!(
                "{checked} checked{unread}: {n} merge conflict{} in {files}",
                if n == 1 { "" } else { "s" }
            ))?;
        }
    }
    out.finish()?;
    if staged && (conflicts > 0 || unreadable > 0) {
        eprintln!(
            "jgrid: not committed: resolve the conflicts (jgrid resolve FILE, or open it in jgrid: M or :take), git add the file and commit again; git commit --no-verify skips this check"
        );
    }
    Ok(match (unreadable, conflicts) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    })
}

fn file_target(file: &Path) -> Target {
    let shown = one_line(&file.display().to_string()).into_owned();
    let bytes = store::read(file).map_err(|e| {
        let message = e.render(file);
        message[..message.find("\n  hint:").unwrap_or(message.len())].to_owned()
    });
    Target { shown, bytes, staged: false }
}

/// The files staged for the next commit that may be journeys: `.toml` files
/// and files git's attributes send to jgrid's merge driver, as staged.
fn staged_targets() -> Result<Vec<Target>, CliError> {
    let top = super::git::top(Path::new(".")).map_err(CliError::Other)?;
    let list = super::git::run(&top, &["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"])
        .map_err(|e| CliError::Other(format!("cannot list the staged files: {e}")))?;
    let paths: Vec<String> =
        list.split(|&b| b == 0).filter(|p| !p.is_empty()).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    let mut by_jgrid = std::collections::HashSet::new();
    if !paths.is_empty() {
        let mut args = vec!["check-attr", "-z", "merge", "--"];
        args.extend(paths.iter().map(String::as_str));
        let attrs = super::git::run(&top, &args).unwrap_or_default();
        let fields: Vec<&[u8]> = attrs.split(|&b| b == 0).collect();
        for record in fields.chunks(3) {
            if let [path, _, value] = record
                && *value == b"jgrid"
            {
                by_jgrid.insert(String::from_utf8_lossy(path).into_owned());
            }
        }
    }
    Ok(paths
        .into_iter()
        .filter(|p| p.ends_with(".toml") || by_jgrid.contains(p))
        .map(|p| {
            let bytes = super::git::run(&top, &["cat-file", "blob", &format!(":{p}")]);
            let shown = one_line(&p).into_owned();
            Target {
                bytes: bytes.map_err(|e| format!("{shown}: cannot read it from git's index: {e}")),
                shown,
                staged: true,
            }
        })
        .collect())
}
