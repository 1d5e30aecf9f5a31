//! `jgrid check FILE... [--format text|json] [--all]`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::error::Outcome;
use super::files;
use crate::checks::{self, Counts, Finding, Review};
use crate::cli::CheckFormat;
use crate::export::one_line;
use crate::journey::Journey;
use crate::stdout::{Stdout, StdoutError};
use crate::text;

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    id: &'a str,
    severity: &'a str,
    /// `null` for a finding about the whole journey.
    phase: Option<&'a str>,
    rows: Vec<&'a str>,
    message: &'a str,
    subjects: &'a [String],
    accepted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

/// One checked file.
struct Checked {
    file: String,
    journey: Journey,
    review: Review,
}

/// A finding to print, with its acceptance's reason when it is accepted.
struct Shown<'a> {
    finding: &'a Finding,
    reason: Option<&'a str>,
}

impl Checked {
    /// The findings to print, in check order: the open ones, and with `all`
    /// the accepted ones too.
    fn shown(&self, all: bool) -> Vec<Shown<'_>> {
        let mut shown: Vec<Shown> = self.review.open.iter().map(|finding| Shown { finding, reason: None }).collect();
        if all {
            for a in &self.review.accepted {
                let reason = self.journey.accepted.get(a.acceptance).map_or("", |x| x.reason.as_str());
                shown.push(Shown { finding: &a.finding, reason: Some(reason) });
            }
        }
        shown.sort_by_key(|s| s.finding.order());
        shown
    }
}

/// Check every file; exit 0 when no finding is open (accepted ones do not
/// count), 1 when one is, 2 when a file cannot be read.
pub fn check(paths: &[PathBuf], format: CheckFormat, all: bool) -> Outcome {
    let mut unreadable = 0;
    let mut checked: Vec<Checked> = Vec::new();
    for path in paths {
        match files::load(path) {
            Ok(journey) => {
                let review = checks::review(&journey);
                checked.push(Checked { file: path.display().to_string(), journey, review });
            }
            Err(e) => {
                // The others are still checked; this one is said at once.
                eprintln!("jgrid: {}", crate::text::sanitize(&e.to_string()));
                unreadable += 1;
            }
        }
    }
    let mut out = Stdout::lock();
    match format {
        CheckFormat::Text => print_text(&mut out, &checked, all, unreadable)?,
        CheckFormat::Json => print_json(&mut out, &checked, all)?,
    }
    out.finish()?;
    Ok(if unreadable > 0 {
        ExitCode::from(2)
    } else if checked.iter().any(|c| !c.review.open.is_empty()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn rows<'a>(journey: &'a Journey, finding: &Finding) -> Vec<&'a str> {
    finding.rows.iter().filter_map(|&r| journey.rows().get(r).map(String::as_str)).collect()
}

fn phase<'a>(journey: &'a Journey, finding: &Finding) -> Option<&'a str> {
    journey.phases().get(finding.phase).map(|p| p.name.as_str())
}

fn print_text(out: &mut Stdout, checked: &[Checked], all: bool, unreadable: usize) -> Result<(), StdoutError> {
    let mut total = Counts::default();
    let mut accepted = 0;
    for c in checked {
        let file = one_line(&c.file);
        for Shown { finding: f, reason } in c.shown(all) {
            let place = match phase(&c.journey, f) {
                Some(name) => format!(" {} / {}:", one_line(name), one_line(&rows(&c.journey, f).join(", "))),
                None => String::new(),
            };
            let status = match reason {
                None => String::new(),
                Some(r) if r.trim().is_empty() => " (accepted)".to_owned(),
                Some(r) => format!(" (accepted: {})", one_line(r.trim())),
            };
            out.line(format_args!("{file}:{place} {}[{}]{status}: {}", f.severity.id(), f.id, one_line(&f.message)))?;
        }
        let counts = c.review.counts();
        total.gaps += counts.gaps;
        total.warnings += counts.warnings;
        total.infos += counts.infos;
        accepted += c.review.accepted.len();
    }
    let files = match checked.len() {
        1 => "1 journey".to_owned(),
        n => format!("{n} journeys"),
    };
    let accepted = if accepted > 0 { format!(" · {accepted} accepted") } else { String::new() };
    // "No findings" must not sound like a clean bill when a file went unread.
    let unread = match unreadable {
        0 => String::new(),
        1 => " (1 could not be read)".to_owned(),
        n => format!(" ({n} could not be read)"),
    };
    out.line(format_args!("{files} checked{unread}: {}{accepted}", total.to_words()))
}

fn print_json(out: &mut Stdout, checked: &[Checked], all: bool) -> Result<(), StdoutError> {
    let all: Vec<JsonFinding> = checked
        .iter()
        .flat_map(|c| {
            c.shown(all).into_iter().map(move |Shown { finding: f, reason }| JsonFinding {
                file: &c.file,
                id: f.id,
                severity: f.severity.id(),
                phase: phase(&c.journey, f),
                rows: rows(&c.journey, f),
                message: &f.message,
                subjects: &f.subjects,
                accepted: reason.is_some(),
                reason,
            })
        })
        .collect();
    match serde_json::to_string_pretty(&all) {
        Ok(json) => out.line(text::json_safe(&json)),
        Err(e) => Err(StdoutError::Failed(format!("cannot write JSON: {e}"))),
    }
}
