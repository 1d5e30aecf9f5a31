//! `jgrid check PATH... [--format text|json] [--all]`: each PATH a journey
//! file or a folder of journeys (a portfolio: every journey under it, and
//! the checks across them).

mod print;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::Outcome;
use super::files;
use crate::checks::{self, Finding, Review};
use crate::cli::CheckFormat;
use crate::journey::{Journey, Role};
use crate::portfolio::{self, config, cross};
use crate::stdout::Stdout;
use crate::text::sanitize;

/// One checked journey.
struct Checked {
    file: String,
    /// How the journey is named: its title, or its file's name.
    label: String,
    journey: Journey,
    review: Review,
}

/// A finding across the journeys of a folder, with its places in words.
struct Across {
    finding: cross::CrossFinding,
    places: Vec<Spot>,
}

/// One place of a finding across journeys: file, journey, phase, row, what it says there.
struct Spot {
    file: String,
    label: String,
    phase: String,
    row: String,
    says: String,
    written: String,
}

/// Everything `check` read.
#[derive(Default)]
struct Run {
    checked: Vec<Checked>,
    across: Vec<Across>,
    /// Paths that could not be read.
    unreadable: usize,
    /// The `jgrid.toml` files whose rules applied.
    rules: Vec<String>,
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

/// Say something on stderr (control characters made visible).
fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "jgrid: {}", sanitize(text));
}

/// A path as shown in a note: a line break in it made visible too.
fn path(path: &Path) -> String {
    portfolio::shown_name(&path.display().to_string())
}

/// Check every path; exit 0 when no finding is open (accepted ones do not
/// count), 1 when one is, 2 when a file or folder cannot be read.
pub fn check(paths: &[PathBuf], format: CheckFormat, all: bool) -> Outcome {
    let mut run = Run::default();
    for path in paths {
        if path.is_dir() {
            folder(path, &mut run);
        } else if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
            // A portfolio's rules given among the journeys (`jgrid check DIR/*.toml`).
            if let Err(e) = config::load(path) {
                note(&e);
                run.unreadable += 1;
            }
        } else {
            file(path, &mut run);
        }
    }
    let open = run.checked.iter().any(|c| !c.review.open.is_empty()) || !run.across.is_empty();
    let mut out = Stdout::lock();
    match format {
        CheckFormat::Text => print::text(&mut out, &run, all)?,
        CheckFormat::Json => print::json(&mut out, &run, all)?,
    }
    out.finish()?;
    Ok(if run.unreadable > 0 {
        ExitCode::from(2)
    } else if open {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn file(path: &Path, run: &mut Run) {
    match files::load_in_portfolio(path) {
        Ok((journey, rules)) => {
            if let Some(rules) = rules {
                add_rules(run, &rules);
            }
            let review = checks::review(&journey);
            let file = path.display().to_string();
            let label = label_of(&journey, path);
            run.checked.push(Checked { file, label, journey, review });
        }
        Err(e) => {
            // The others are still checked; this one is said at once.
            note(&e.to_string());
            run.unreadable += 1;
        }
    }
}

fn label_of(journey: &Journey, path: &Path) -> String {
    let title = journey.title.trim();
    if title.is_empty() {
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
    } else {
        title.to_owned()
    }
}

fn add_rules(run: &mut Run, path: &Path) {
    let shown = path.display().to_string();
    if !run.rules.contains(&shown) {
        run.rules.push(shown);
    }
}

fn folder(dir: &Path, run: &mut Run) {
    let p = match portfolio::load(dir, |journey, review| (journey, review)) {
        Ok(p) => p,
        Err(e) => {
            note(&e.to_string());
            run.unreadable += 1;
            return;
        }
    };
    if let Some(rules) = &p.config {
        add_rules(run, rules);
    }
    for (name, reason) in &p.others {
        note(&format!("{}: passed over: {reason}", path(&dir.join(name))));
    }
    for problem in &p.problems {
        note(&format!("{}: {}", path(&problem.path), portfolio::shown_name(&problem.what)));
    }
    for (_, message) in &p.broken {
        note(message);
    }
    run.unreadable += p.broken.len() + p.problems.iter().filter(|x| x.unread).count();
    if p.journeys.is_empty() && p.broken.is_empty() {
        note(&format!("{}: no journeys in this folder (no .toml file holds one)", path(dir)));
    }
    let labels = p.labels();
    let found = cross::check(&p.journeys, &labels, p.rules.as_deref());
    let across: Vec<Across> = found
        .into_iter()
        .map(|finding| {
            let places = finding
                .places
                .iter()
                .map(|place| {
                    let e = &p.journeys[place.journey];
                    let summary = &e.summary;
                    let row = match place.role {
                        Role::Message => &summary.message_row,
                        Role::Organization => &summary.organization_row,
                        _ => &summary.systems_row,
                    };
                    Spot {
                        file: e.path.display().to_string(),
                        label: labels[place.journey].clone(),
                        phase: summary.phases.get(place.phase).cloned().unwrap_or_default(),
                        row: row.clone(),
                        says: place.says.clone(),
                        written: place.written.clone(),
                    }
                })
                .collect();
            Across { finding, places }
        })
        .collect();
    run.across.extend(across);
    for (e, label) in p.journeys.into_iter().zip(labels) {
        let (journey, review) = e.kept;
        run.checked.push(Checked { file: e.path.display().to_string(), label, journey, review });
    }
}
