//! A journey that git merged line by line (a clone without `jgrid
//! git-setup`, a merge on a hosting server) and left with git's own conflict
//! markers: it does not load as it is. This finds its versions and merges
//! them cell by cell, for `jgrid resolve` and for the editor.
//!
//! The versions come from git's index stages (`:1:` base, `:2:` ours, `:3:`
//! theirs) while the merge is in progress; once they are gone (the file was
//! added or committed with its markers), from the markers themselves: ours
//! is the text with each block's first part, theirs with its last part, and
//! the base with its `|||||||` part when every block has one (git's diff3
//! style). Without a base the two versions merge as if both added the file:
//! lines of both are kept, and only values that differ (names, title,
//! persona, moods, roles) are conflicts.

use std::path::Path;
use std::process::Command;

use crate::format;
use crate::journey::{Journey, LineEnds};
use crate::merge::{self, Labels, Merged, blocks, split_lines};

/// Where the versions came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// git's index stages; `base`: stage 1 was there.
    Stages { base: bool },
    /// The markers in the file; `base`: every block had a `|||||||` part.
    Markers { base: bool },
}

impl Source {
    /// How the merge was made, in words.
    pub fn words(self) -> &'static str {
        match self {
            Source::Stages { base: true } => "from git's stages (base, ours, theirs)",
            Source::Stages { base: false } => "from git's stages (ours and theirs, no base)",
            Source::Markers { base: true } => "from the file's markers (base, ours, theirs)",
            Source::Markers { base: false } => {
                "from the file's markers (ours and theirs, no base: lines of both are kept)"
            }
        }
    }
}

/// A cell-by-cell merge of a file git left with conflict markers.
#[derive(Debug, Clone)]
pub struct Unmerged {
    pub merged: Merged,
    pub source: Source,
}

/// True when the text (which does not load as a journey) holds conflict
/// blocks as git writes them.
pub fn has_git_markers(text: &str) -> bool {
    !blocks(&LineEnds::to_lf(text)).is_empty()
}

/// Merge the versions of the file at `path`, whose text is `text`, cell by
/// cell. `None` when the text holds no git conflict markers; an error (a
/// message) when its versions cannot be read as journeys.
pub fn resolve(path: &Path, text: &str) -> Option<Result<Unmerged, String>> {
    if !has_git_markers(text) {
        return None;
    }
    let lf = LineEnds::to_lf(text);
    let labels = labels(&lf);
    let versions = stages(path).and_then(|[b, o, t]| {
        let parse = |v: &Option<Vec<u8>>| v.as_ref().map(|bytes| format::parse(bytes));
        match (parse(&b), parse(&o), parse(&t)) {
            (base, Some(Ok(ours)), Some(Ok(theirs))) if base.as_ref().is_none_or(Result::is_ok) => {
                let has_base = base.is_some();
                Some((base.and_then(Result::ok), ours, theirs, Source::Stages { base: has_base }))
            }
            _ => None,
        }
    });
    let (base, ours, theirs, source) = match versions {
        Some(v) => v,
        None => match from_markers(&lf) {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        },
    };
    let empty = Journey::new("", "", Vec::<String>::new(), Vec::<String>::new());
    let mut merged = merge::merge(base.as_ref().unwrap_or(&empty), &ours, &theirs, &labels);
    merged.journey.line_ends = LineEnds::of(text);
    Some(Ok(Unmerged { merged, source }))
}

/// The labels of the file's first conflict block (`HEAD`, a branch name).
fn labels(text: &str) -> Labels {
    let mut labels = Labels::default();
    if let Some(b) = blocks(text).first() {
        let clean = |l: &str, default: &str| {
            let l: String = l.chars().filter(|&c| !crate::text::is_unsafe_char(c)).collect();
            if l.trim().is_empty() { default.to_owned() } else { l.trim().to_owned() }
        };
        labels.ours = clean(&b.ours_label, "ours");
        labels.theirs = clean(&b.theirs_label, "theirs");
    }
    labels
}

/// Stages 1, 2 and 3 of the file in git's index, when stages 2 and 3 are there.
fn stages(path: &Path) -> Option<[Option<Vec<u8>>; 3]> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name()?;
    let out = Command::new("git").arg("-C").arg(dir).args(["ls-files", "-u", "-z", "--"]).arg(name).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let mut found: [Option<Vec<u8>>; 3] = [None, None, None];
    for entry in out.stdout.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        // "<mode> <object> <stage>\t<path>"
        let entry = String::from_utf8_lossy(entry);
        let meta = entry.split('\t').next()?;
        let mut words = meta.split(' ');
        let (_, object, stage) = (words.next()?, words.next()?, words.next()?);
        let stage: usize = stage.parse().ok()?;
        if !(1..=3).contains(&stage) {
            continue;
        }
        let blob = Command::new("git").arg("-C").arg(dir).args(["cat-file", "blob", object]).output().ok()?;
        if !blob.status.success() {
            return None;
        }
        found[stage - 1] = Some(blob.stdout);
    }
    (found[1].is_some() && found[2].is_some()).then_some(found)
}

/// Base (when every block has one), ours and theirs, split from the markers.
fn from_markers(text: &str) -> Result<(Option<Journey>, Journey, Journey, Source), String> {
    let lines = split_lines(text);
    let found = blocks(text);
    let with_base = found.iter().all(|b| b.base.is_some());
    let mut parts: [Vec<&str>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut at = 0;
    for b in &found {
        for part in &mut parts {
            part.extend_from_slice(&lines[at..b.start]);
        }
        parts[0].extend_from_slice(&lines[b.base.clone().unwrap_or(0..0)]);
        parts[1].extend_from_slice(&lines[b.ours.clone()]);
        parts[2].extend_from_slice(&lines[b.theirs.clone()]);
        at = b.end + 1;
    }
    for part in &mut parts {
        part.extend_from_slice(&lines[at..]);
    }
    let parse = |i: usize, word: &str| {
        format::parse(parts[i].join("\n").as_bytes()).map_err(|e| {
            format!(
                "split at its markers, {word} does not load either (its line {}, column {}: {})",
                e.line,
                e.column,
                crate::text::one_line(&e.message)
            )
        })
    };
    let base = if with_base { Some(parse(0, "a base")?) } else { None };
    Ok((base, parse(1, "ours")?, parse(2, "theirs")?, Source::Markers { base: with_base }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::CellRef;

    const BASE: &str = "format = 1\ntitle = \"T\"\npersona = \"\"\nrows = [\"Need\"]\n\n[[phase]]\nname = \"Use\"\n\n[phase.cells]\nNeed = \"\"\"\nfast\ncheap\"\"\"\n";

    /// What git's own line merge writes for three journeys (its markers, diff3 or not).
    fn git_line_merge(base: &str, ours: &str, theirs: &str, diff3: bool) -> String {
        let style = if diff3 { merge::ConflictStyle::Diff3 } else { merge::ConflictStyle::Merge };
        let labels = Labels { ours: "HEAD".into(), theirs: "feature".into(), base: "1a2b3c".into(), style };
        let (text, n) = merge::merge_text(base, ours, theirs, merge::Style::Text, &labels);
        assert!(n > 0);
        text
    }

    #[test]
    fn a_file_split_at_its_markers_merges_with_the_base_when_every_block_has_one() {
        let ours = BASE.replace("cheap\"\"\"", "cheap\nours line\"\"\"");
        let theirs = BASE.replace("cheap\"\"\"", "simple\"\"\"");
        let text = git_line_merge(BASE, &ours, &theirs, true);
        assert!(format::parse(text.as_bytes()).is_err() && has_git_markers(&text), "{text}");
        let (base, o, t, source) = from_markers(&text).unwrap();
        assert_eq!(source, Source::Markers { base: true });
        assert_eq!(base.unwrap(), format::parse(BASE.as_bytes()).unwrap());
        assert_eq!(o.cell(CellRef::new(0, 0)), "fast\ncheap\nours line");
        assert_eq!(t.cell(CellRef::new(0, 0)), "fast\nsimple");
        let u = resolve(Path::new("/nonexistent/journey.toml"), &text.replace('\n', "\r\n")).unwrap().unwrap();
        assert_eq!(u.merged.journey.cell(CellRef::new(0, 0)), "fast\nsimple\nours line");
        assert!(u.merged.conflicts.is_empty());
        assert_eq!(u.merged.journey.line_ends, LineEnds::Crlf, "written back as the file was");
    }

    #[test]
    fn without_a_base_lines_of_both_are_kept_and_values_that_differ_are_marked() {
        let text = "format = 1\n<<<<<<< HEAD\ntitle = \"Ours\"\n=======\ntitle = \"Theirs\"\n>>>>>>> b\npersona = \"\"\nrows = [\"Need\"]\n\n[[phase]]\nname = \"Use\"\n\n[phase.cells]\n<<<<<<< HEAD\nNeed = \"fast\"\n=======\nNeed = \"quick\"\n>>>>>>> b\n";
        let u = resolve(Path::new("/nonexistent/journey.toml"), text).unwrap().unwrap();
        assert_eq!(u.source, Source::Markers { base: false });
        assert_eq!(u.merged.journey.cell(CellRef::new(0, 0)), "fast\nquick");
        assert_eq!(u.merged.journey.title, "<<<<<<< Ours ======= Theirs >>>>>>>");
        assert_eq!(u.merged.conflicts.len(), 1);
        assert!(resolve(Path::new("x.toml"), BASE).is_none(), "no markers: nothing to resolve");
        let broken = text.replace("name = \"Use\"", "name = ");
        let e = resolve(Path::new("/nonexistent/journey.toml"), &broken).unwrap().unwrap_err();
        assert!(e.contains("split at its markers, ours does not load either (its line 7, column 8:"), "{e}");
    }
}
