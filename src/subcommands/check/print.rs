//! `jgrid check`'s output: one line per finding (text), or a JSON array.
//! Both go through one buffer: thousands of findings are one write, not one each.

use serde::Serialize;

use super::{Checked, Run, Shown};
use crate::checks::{Counts, Finding, Severity};
use crate::export::one_line;
use crate::journey::Journey;
use crate::portfolio::shown_name;
use crate::stdout::{Stdout, StdoutError};
use crate::text;

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    /// The journey's title (or file name); for a finding across journeys,
    /// the journey of its first place.
    journey: &'a str,
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
    /// A finding across journeys: every place it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    places: Option<Vec<JsonPlace<'a>>>,
}

#[derive(Serialize)]
struct JsonPlace<'a> {
    file: &'a str,
    journey: &'a str,
    phase: &'a str,
    row: &'a str,
    /// What the cell says about the subject: a statement, or teams or systems.
    says: &'a str,
    /// The channel's tag as written there, without `#`.
    tag: &'a str,
}

fn rows<'a>(journey: &'a Journey, finding: &Finding) -> Vec<&'a str> {
    finding.rows.iter().filter_map(|&r| journey.rows().get(r).map(String::as_str)).collect()
}

fn phase<'a>(journey: &'a Journey, finding: &Finding) -> Option<&'a str> {
    journey.phases().get(finding.phase).map(|p| p.name.as_str())
}

pub(super) fn text(out: &mut Stdout, run: &Run, all: bool) -> Result<(), StdoutError> {
    let mut total = Counts::default();
    let mut accepted = 0;
    for c in &run.checked {
        journey_lines(out, c, all)?;
        let counts = c.review.counts();
        total.gaps += counts.gaps;
        total.warnings += counts.warnings;
        total.infos += counts.infos;
        accepted += c.review.accepted.len();
    }
    for a in &run.across {
        let f = &a.finding;
        let place = a.places.first().map_or_else(String::new, |p| {
            format!("{}: {} / {}:", shown_name(&p.file), one_line(&p.phase), one_line(&p.row))
        });
        out.line(format_args!("{place} {}[{}]: {}", f.severity.id(), f.id, one_line(&f.message)))?;
        match f.severity {
            Severity::Warning => total.warnings += 1,
            Severity::Info => total.infos += 1,
            Severity::Gap => total.gaps += 1,
        }
    }
    let files = match run.checked.len() {
        1 => "1 journey".to_owned(),
        n => format!("{n} journeys"),
    };
    let accepted = if accepted > 0 { format!(" · {accepted} accepted") } else { String::new() };
    let across = match run.across.len() {
        0 => String::new(),
        n => format!(" ({n} across journeys)"),
    };
    // "No findings" must not sound like a clean bill when a file went unread.
    let unread = match run.unreadable {
        0 => String::new(),
        1 => " (1 could not be read)".to_owned(),
        n => format!(" ({n} could not be read)"),
    };
    let rules = match run.rules.as_slice() {
        [] => String::new(),
        list => format!(" with the rules of {}", shown_name(&list.join(", "))),
    };
    out.line(format_args!("{files} checked{rules}{unread}: {}{across}{accepted}", total.to_words()))
}

fn journey_lines(out: &mut Stdout, c: &Checked, all: bool) -> Result<(), StdoutError> {
    let file = shown_name(&c.file);
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
    Ok(())
}

pub(super) fn json(out: &mut Stdout, run: &Run, all: bool) -> Result<(), StdoutError> {
    let mut list: Vec<JsonFinding> = run
        .checked
        .iter()
        .flat_map(|c| {
            c.shown(all).into_iter().map(move |Shown { finding: f, reason }| JsonFinding {
                file: &c.file,
                journey: &c.label,
                id: f.id,
                severity: f.severity.id(),
                phase: phase(&c.journey, f),
                rows: rows(&c.journey, f),
                message: &f.message,
                subjects: &f.subjects,
                accepted: reason.is_some(),
                reason,
                places: None,
            })
        })
        .collect();
    for a in &run.across {
        let f = &a.finding;
        let Some(first) = a.places.first() else { continue };
        let places = a.places.iter().map(|p| JsonPlace {
            file: &p.file,
            journey: &p.label,
            phase: &p.phase,
            row: &p.row,
            says: &p.says,
            tag: &p.written,
        });
        list.push(JsonFinding {
            file: &first.file,
            journey: &first.label,
            id: f.id,
            severity: f.severity.id(),
            phase: Some(&first.phase),
            rows: vec![&first.row],
            message: &f.message,
            subjects: &f.subjects,
            accepted: false,
            reason: None,
            places: Some(places.collect()),
        });
    }
    let json = serde_json::to_string_pretty(&list).map_err(|e| StdoutError::Failed(e.to_string()))?;
    out.line(text::json_safe(&json))
}
