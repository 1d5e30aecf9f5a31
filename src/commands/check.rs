//! `jgrid check FILE... [--format text|json]`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::files;
use crate::checks::{self, Counts, Finding};
use crate::cli::CheckFormat;
use crate::journey::Journey;

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: String,
    id: &'a str,
    severity: &'a str,
    phase: &'a str,
    rows: Vec<&'a str>,
    message: &'a str,
}

/// Check every file; exit 0 when nothing is found, 1 when something is, 2
/// when a file cannot be read.
pub fn check(paths: &[PathBuf], format: CheckFormat) -> ExitCode {
    let mut unreadable = false;
    let mut checked: Vec<(String, Journey, Vec<Finding>)> = Vec::new();
    for path in paths {
        match files::load(path) {
            Ok(journey) => {
                let findings = checks::check(&journey);
                checked.push((path.display().to_string(), journey, findings));
            }
            Err(_) => unreadable = true,
        }
    }
    match format {
        CheckFormat::Text => print_text(&checked),
        CheckFormat::Json => print_json(&checked),
    }
    if unreadable {
        ExitCode::from(2)
    } else if checked.iter().any(|(_, _, f)| !f.is_empty()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn rows<'a>(journey: &'a Journey, finding: &Finding) -> Vec<&'a str> {
    finding.rows.iter().filter_map(|&r| journey.rows().get(r).map(String::as_str)).collect()
}

fn phase<'a>(journey: &'a Journey, finding: &Finding) -> &'a str {
    journey.phases().get(finding.phase).map_or("", |p| p.name.as_str())
}

fn print_text(checked: &[(String, Journey, Vec<Finding>)]) {
    let mut total = Counts::default();
    for (file, journey, findings) in checked {
        for f in findings {
            println!(
                "{file}: {} / {}: {}[{}]: {}",
                phase(journey, f),
                rows(journey, f).join(", "),
                f.severity.id(),
                f.id,
                f.message
            );
        }
        let counts = checks::summary(findings);
        total.gaps += counts.gaps;
        total.warnings += counts.warnings;
        total.infos += counts.infos;
    }
    let files = match checked.len() {
        1 => "1 journey".to_owned(),
        n => format!("{n} journeys"),
    };
    println!("{files} checked: {}", total.to_words());
}

fn print_json(checked: &[(String, Journey, Vec<Finding>)]) {
    let all: Vec<JsonFinding> = checked
        .iter()
        .flat_map(|(file, journey, findings)| {
            findings.iter().map(move |f| JsonFinding {
                file: file.clone(),
                id: f.id,
                severity: f.severity.id(),
                phase: phase(journey, f),
                rows: rows(journey, f),
                message: &f.message,
            })
        })
        .collect();
    match serde_json::to_string_pretty(&all) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("jgrid: cannot write JSON: {e}"),
    }
}
