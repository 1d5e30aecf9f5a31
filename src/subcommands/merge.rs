//! `jgrid merge BASE OURS THEIRS [-o OUT]`: git's merge driver contract.
//! The result goes into OURS (or OUT); exit 0 when clean, 1 when conflicts
//! are left in it, 2 when an input cannot be read, and then nothing is
//! written.
//!
//! A file that is not a journey at all (no `format` key: another `.toml`
//! that the `.gitattributes` pattern also matches, such as `Cargo.toml`) is
//! merged line by line like git's own merge, with the same markers.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::{CliError, Outcome};
use crate::format;
use crate::journey::Journey;
use crate::merge::{self, Labels, Style};
use crate::store::{self, describe_io_error};
use crate::text::sanitize;

const ROLES: [&str; 3] = ["base", "ours", "theirs"];

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

/// A label for a conflict marker: one line, no control characters.
fn clean_label(label: &str, default: &str) -> String {
    let label: String = label.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let label = label.trim();
    if label.is_empty() { default.to_owned() } else { label.to_owned() }
}

/// Merge `files` (base, ours, theirs) into OURS or `output`.
pub fn merge(files: &[PathBuf; 3], output: Option<&Path>, labels: Labels, path: Option<&str>) -> Outcome {
    let name = |i: usize| match path {
        Some(p) => format!("{p} ({})", ROLES[i]),
        None => files[i].display().to_string(),
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
    let labels = Labels { ours: clean_label(&labels.ours, "ours"), theirs: clean_label(&labels.theirs, "theirs") };
    let target = output.unwrap_or(&files[1]);
    let shown = path.map_or_else(|| target.display().to_string(), str::to_owned);
    if !texts.iter().any(|t| declares_journey(t)) {
        let (text, conflicts) = merge::merge_text(&texts[0], &texts[1], &texts[2], Style::Text, &labels);
        return finish(target, &shown, output.is_none() && text == texts[1], &text, conflicts);
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
            Err(e) => {
                // The parse error's own hint, unless it is the general one for the editor.
                let mut message = e.render(&name(i));
                if e.hint == format::FIX_HINT {
                    message.truncate(message.find("\n  hint:").unwrap_or(message.len()));
                }
                return Err(refuse(&format!(
                    "{message}\n  hint: jgrid merged nothing and changed no file; fix that version, or merge this file by hand"
                )));
            }
        }
    }
    let merged = merge::merge(&journeys[0], &journeys[1], &journeys[2], &labels);
    for choice in &merged.choices {
        eprintln!("jgrid: {}: {}", sanitize(&shown), sanitize(&choice.to_string()));
    }
    let unchanged = output.is_none() && merged.journey == journeys[1];
    let code = finish(target, &shown, unchanged, &format::to_toml(&merged.journey), merged.conflicts.len());
    if !merged.conflicts.is_empty() {
        for conflict in &merged.conflicts {
            eprintln!("  {}", sanitize(&conflict.to_string()));
        }
        eprintln!(
            "  hint: open it in jgrid: each conflict is a merge-conflict finding; :take ours, :take theirs or :take both resolves it"
        );
    }
    code
}

/// Write the result (unless it is OURS as it stands) and say how it went.
fn finish(target: &Path, shown: &str, unchanged: bool, text: &str, conflicts: usize) -> Outcome {
    if !unchanged && let Err(e) = store::save_atomic(target, text) {
        return Err(refuse(&format!("{}: cannot write the merge: {}", target.display(), describe_io_error(&e))));
    }
    match conflicts {
        0 => Ok(ExitCode::SUCCESS),
        n => {
            let what = if n == 1 { "1 conflict".to_owned() } else { format!("{n} conflicts") };
            eprintln!("jgrid: {}: merged with {what}, marked in the file", sanitize(shown));
            Ok(ExitCode::from(1))
        }
    }
}
