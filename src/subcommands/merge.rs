//! `jgrid merge BASE OURS THEIRS [-o OUT]`: git's merge driver contract.
//! The result goes into OURS (or OUT); exit 0 when clean, 1 when conflicts
//! are left in it, 2 when an input cannot be read, and then nothing is
//! written.
//!
//! A file that is not a journey at all (no `format` key: another `.toml`
//! that the `.gitattributes` pattern also matches, such as `Cargo.toml`) is
//! merged line by line like git's own merge, with the same markers. So is a
//! journey of which one version does not load (a half-resolved conflict
//! committed by mistake, a hand edit gone wrong): then the merge always
//! exits 1, so git stops, and both versions' lines are in the file.
//!
//! Line ends: CRLF and LF are the same; the result has OURS' line ends.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::{CliError, Outcome};
use crate::format;
use crate::journey::{Journey, LineEnds};
use crate::merge::{self, ConflictStyle, Labels, Style};
use crate::store::{self, describe_io_error};
use crate::text::{one_line, sanitize};

const ROLES: [&str; 3] = ["base", "ours", "theirs"];

/// What `jgrid merge` was asked to do.
#[derive(Debug, Clone)]
pub struct Request {
    /// Base, ours, theirs.
    pub files: [PathBuf; 3],
    pub output: Option<PathBuf>,
    pub labels: Labels,
    /// `None`: as git's `merge.conflictStyle` says, when jgrid runs in a repository.
    pub style: Option<ConflictStyle>,
    /// The file's path in the repository (git's `%P`), for messages.
    pub path: Option<String>,
}

/// Why nothing was merged (`main` prints it; exit status 2).
fn refuse(message: &str) -> CliError {
    CliError::Other(message.to_owned())
}

/// True when the text means to be a journey: it has a top-level `format` key
/// (or, when it is not TOML at all, a line that starts with `format =`).
fn declares_journey(text: &str) -> bool {
    match toml::from_str::<toml::Table>(text) {
        Ok(table) => table.contains_key("format"),
        Err(_) => text.lines().any(|l| l.split('=').next().is_some_and(|k| k.trim() == "format" && l.contains('='))),
    }
}

/// A label for a conflict marker: one line, no control characters. git
/// before 2.44 leaves `%S`, `%X` and `%Y` as they are: then the default.
fn clean_label(label: &str, default: &str) -> String {
    let label: String = label.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let label = label.trim();
    if label.is_empty() || matches!(label, "%S" | "%X" | "%Y") { default.to_owned() } else { label.to_owned() }
}

/// git's `merge.conflictStyle` where jgrid runs (git runs drivers at the top
/// of the working tree); the default when git is missing or says nothing.
fn git_conflict_style() -> ConflictStyle {
    std::process::Command::new("git")
        .args(["config", "--get", "merge.conflictStyle"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| ConflictStyle::from_git(&String::from_utf8_lossy(&o.stdout)))
        .unwrap_or_default()
}

/// Merge base, ours and theirs into OURS or the output file.
pub fn merge(request: Request) -> Outcome {
    let Request { files, output, labels, style, path } = request;
    let name = |i: usize| match &path {
        Some(p) => format!("{} ({})", one_line(p), ROLES[i]),
        None => one_line(&files[i].display().to_string()).into_owned(),
    };
    let mut texts = Vec::with_capacity(3);
    for (i, file) in files.iter().enumerate() {
        let bytes = match store::read(file) {
            Ok(b) => b,
            Err(e) => {
                return Err(refuse(&format!("{}\n  hint: jgrid merged nothing and changed no file", e.render(file))));
            }
        };
        match String::from_utf8(bytes) {
            Ok(t) => texts.push(t),
            Err(_) => {
                return Err(refuse(&format!(
                    "{}: the file is not UTF-8 text\n  hint: jgrid merged nothing and changed no file",
                    name(i)
                )));
            }
        }
    }
    let mut labels = Labels {
        ours: clean_label(&labels.ours, "ours"),
        theirs: clean_label(&labels.theirs, "theirs"),
        base: clean_label(&labels.base, "base"),
        style: style.unwrap_or_default(),
    };
    let target = output.as_deref().unwrap_or(&files[1]);
    let shown = path
        .as_deref()
        .map_or_else(|| one_line(&target.display().to_string()).into_owned(), |p| one_line(p).into_owned());
    let ends = LineEnds::of(&texts[1]);
    let lf: Vec<String> = texts.iter().map(|t| LineEnds::to_lf(t).into_owned()).collect();
    let keep_ours =
        |text: &str| output.is_none() && LineEnds::to_lf(&texts[1]) == text && ends == LineEnds::of(&texts[1]);
    if !lf.iter().any(|t| declares_journey(t)) {
        let text_merge = |labels: &Labels| merge::merge_text(&lf[0], &lf[1], &lf[2], Style::Text, labels);
        let (mut text, mut conflicts) = text_merge(&labels);
        if conflicts > 0 && style.is_none() && git_conflict_style() != ConflictStyle::Merge {
            labels.style = git_conflict_style();
            (text, conflicts) = text_merge(&labels);
        }
        return finish(target, &shown, keep_ours(&text), &ends.apply(text), conflicts);
    }
    let mut journeys: Vec<Journey> = Vec::with_capacity(3);
    for (i, text) in texts.iter().enumerate() {
        if i == 0 && text.trim().is_empty() {
            // Both sides added the file: there is no common version.
            journeys.push(Journey::new("", "", Vec::<String>::new(), Vec::<String>::new()));
            continue;
        }
        match format::parse(text.as_bytes()) {
            Ok(j) => journeys.push(j),
            Err(e) => return line_by_line(&lf, &labels, style, (target, &shown, ends), &e.render(&name(i)), i),
        }
    }
    let mut merged = merge::merge(&journeys[0], &journeys[1], &journeys[2], &labels);
    if !merged.conflicts.is_empty() && style.is_none() {
        let git_style = git_conflict_style();
        if git_style != ConflictStyle::Merge {
            labels.style = git_style;
            merged = merge::merge(&journeys[0], &journeys[1], &journeys[2], &labels);
        }
    }
    let unchanged = output.is_none() && merged.journey == journeys[1];
    let code = finish(target, &shown, unchanged, &format::to_toml(&merged.journey), merged.conflicts.len());
    if !merged.conflicts.is_empty() {
        for conflict in &merged.conflicts {
            eprintln!("  {}", one_line(&conflict.to_string()));
        }
        eprintln!(
            "  hint: open it in jgrid: each conflict is a merge-conflict finding; :take ours, :take theirs or :take both resolves it"
        );
    }
    code
}

/// One version is not a journey jgrid can read: merge the three texts line
/// by line, as git would, and exit 1 whatever the result, so git stops and
/// nobody commits the file unseen. `error` says what is wrong with version `bad`.
fn line_by_line(
    texts: &[String],
    labels: &Labels,
    style: Option<ConflictStyle>,
    (target, shown, ends): (&Path, &str, LineEnds),
    error: &str,
    bad: usize,
) -> Outcome {
    let mut labels = labels.clone();
    if style.is_none() {
        labels.style = git_conflict_style();
    }
    let (text, conflicts) = merge::merge_text(&texts[0], &texts[1], &texts[2], Style::Text, &labels);
    if let Err(e) = store::save_atomic(target, &ends.apply(text)) {
        return Err(refuse(&format!(
            "{error}\n{}: cannot write the merge: {}",
            one_line(&target.display().to_string()),
            describe_io_error(&e)
        )));
    }
    let how = match conflicts {
        0 => "no line conflicts".to_owned(),
        1 => "1 conflict marked with <<<<<<< in the file".to_owned(),
        n => format!("{n} conflicts marked with <<<<<<< in the file"),
    };
    // The parse error without its hint, which is for the editor.
    eprintln!("jgrid: {}", sanitize(&error[..error.find("\n  hint:").unwrap_or(error.len())]));
    eprintln!(
        "jgrid: {shown}: {} is not a journey jgrid can read, so the file was merged line by line, as git would: {how}",
        ROLES[bad]
    );
    eprintln!(
        "  hint: fix the file in a text editor so both sides' lines are where they belong, check it with jgrid check, then git add it"
    );
    Ok(ExitCode::from(1))
}

/// Write the result (unless it is OURS as it stands) and say how it went.
fn finish(target: &Path, shown: &str, unchanged: bool, text: &str, conflicts: usize) -> Outcome {
    if !unchanged && let Err(e) = store::save_atomic(target, text) {
        return Err(refuse(&format!(
            "{}: cannot write the merge: {}",
            one_line(&target.display().to_string()),
            describe_io_error(&e)
        )));
    }
    match conflicts {
        0 => Ok(ExitCode::SUCCESS),
        n => {
            let what = if n == 1 { "1 conflict".to_owned() } else { format!("{n} conflicts") };
            eprintln!("jgrid: {shown}: merged with {what}, marked in the file");
            Ok(ExitCode::from(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_one_line_and_git_placeholders_it_did_not_fill_are_the_default() {
        assert_eq!(clean_label("feature/\u{1b}x\n", "theirs"), "feature/ x");
        assert_eq!(clean_label("%X", "ours"), "ours");
        assert_eq!(clean_label("  ", "base"), "base");
        assert_eq!(clean_label("HEAD", "ours"), "HEAD");
    }
}
