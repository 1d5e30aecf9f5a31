//! `jgrid blueprint DIR [--format markdown|csv|json|html] [-o OUT]` and
//! `jgrid site DIR -o OUT`: a folder of journeys for people who read it
//! elsewhere.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::error::{CliError, Outcome, shown};
use crate::checks::Review;
use crate::cli::BlueprintFormat;
use crate::journey::Journey;
use crate::portfolio::{self, Portfolio, blueprint, cross, render, site};
use crate::store::{describe_io_error, save_atomic};
use crate::text::sanitize;

/// Read a portfolio, saying on stderr what was left out; `keep` as for [`portfolio::load`].
fn read<T: Send>(dir: &Path, keep: impl Fn(Journey, Review) -> T + Sync) -> Result<Portfolio<T>, CliError> {
    let p = portfolio::load(dir, keep).map_err(|e| CliError::Unreadable(e.to_string()))?;
    let mut err = std::io::stderr().lock();
    for (name, reason) in &p.others {
        let file = portfolio::shown_name(&dir.join(name).display().to_string());
        let _ = writeln!(err, "jgrid: {file}: passed over: {}", portfolio::shown_name(reason));
    }
    for problem in &p.problems {
        let file = portfolio::shown_name(&problem.path.display().to_string());
        let _ = writeln!(err, "jgrid: {file}: {}", portfolio::shown_name(&problem.what));
    }
    for (_, message) in &p.broken {
        let _ = writeln!(err, "jgrid: {message}");
    }
    Ok(p)
}

/// Exit 0, or 2 when something that may be a journey could not be read
/// (what was read is written all the same).
fn status<T>(p: &Portfolio<T>) -> ExitCode {
    if p.has_unread() { ExitCode::from(2) } else { ExitCode::SUCCESS }
}

/// Write the blueprint of the folder to stdout or to OUT.
pub fn blueprint(dir: &Path, format: BlueprintFormat, output: Option<&Path>) -> Outcome {
    let p = read(dir, |_, _| ())?;
    let b = blueprint::of(&p.journeys, p.rules.as_deref());
    let text = match format {
        BlueprintFormat::Markdown => render::to_markdown(&p, &b),
        BlueprintFormat::Csv => render::to_csv(&p, &b),
        BlueprintFormat::Json => render::to_json(&p, &b),
        BlueprintFormat::Html => render::to_html(&p, &b),
    };
    match output {
        None => crate::stdout::print(&text)?,
        Some(out) => {
            let ours = p.journeys.iter().map(|e| e.path.as_path()).chain(p.config.as_deref());
            if let Some(file) = ours.into_iter().find(|f| crate::store::is_same_file(f, out)) {
                return Err(CliError::Refused {
                    file: shown(out),
                    what: format!("that is {} of the portfolio; jgrid does not overwrite it", shown(file)),
                    hint: "give -o another file name, for example blueprint.md".into(),
                });
            }
            if out.is_dir() {
                return Err(CliError::Refused {
                    file: shown(out),
                    what: "is a folder".into(),
                    hint: "give -o a file name, for example blueprint.md".into(),
                });
            }
            save_atomic(out, &text).map_err(|e| CliError::Write { file: shown(out), reason: describe_io_error(&e) })?;
        }
    }
    Ok(status(&p))
}

/// Progress on stderr when it is a terminal; nothing at all when it is not.
fn progress(what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {pos}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(what.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// True when OUT may be written: it does not exist, is an empty folder, or
/// holds a site jgrid wrote (its index.html says so).
fn may_write(out: &Path) -> Result<(), CliError> {
    let refuse = |what: &str| CliError::Refused {
        file: shown(out),
        what: what.into(),
        hint: "give -o a new or empty folder (jgrid replaces only a site it wrote itself)".into(),
    };
    match std::fs::read_dir(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if out.exists() && !out.is_dir() => Err(refuse(&format!("is not a folder ({e})"))),
        Err(e) => Err(CliError::Write { file: shown(out), reason: describe_io_error(&e) }),
        Ok(mut entries) => {
            if entries.next().is_none() {
                return Ok(());
            }
            let index = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
            if index.contains("<meta name=\"generator\" content=\"jgrid\">") && index.contains("<nav class=\"site\"") {
                Ok(())
            } else {
                Err(refuse("is a folder that holds other files, not a site jgrid wrote"))
            }
        }
    }
}

/// Write the static site of the folder into OUT.
pub fn site(dir: &Path, out: &Path) -> Outcome {
    may_write(out)?;
    let bar = progress("Reading journeys");
    let nav = site::journey_nav();
    let p = read(dir, |journey, review| {
        bar.inc(1);
        site::Kept {
            html: crate::export::to_html_with(&journey, &review.open, &nav),
            plan: crate::portfolio::site_plan::planned(&journey),
        }
    })?;
    bar.finish_and_clear();
    let labels = p.labels();
    let across = cross::check(&p.journeys, &labels, p.rules.as_deref());
    let b = blueprint::of(&p.journeys, p.rules.as_deref());
    let pages = site::pages(&p, &b, &across);
    let write_error =
        |file: &Path, e: &std::io::Error| CliError::Write { file: shown(file), reason: describe_io_error(e) };
    let journeys = out.join("journeys");
    std::fs::create_dir_all(&journeys).map_err(|e| write_error(&journeys, &e))?;
    let bar = progress("Writing pages");
    for page in &pages {
        let file = out.join(&page.path);
        save_atomic(&file, &page.html).map_err(|e| write_error(&file, &e))?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    // Pages of journeys that are gone from the folder go too (jgrid wrote them).
    let written: std::collections::HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    if let Ok(entries) = std::fs::read_dir(&journeys) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".html") && !written.contains(format!("journeys/{name}").as_str()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    // What was written, on stdout: it is the command's answer.
    crate::stdout::print(&format!(
        "wrote {} ({} journeys, {} pages); open {}\n",
        sanitize(&shown(out)),
        p.journeys.len(),
        pages.len(),
        sanitize(&shown(&out.join("index.html")))
    ))?;
    Ok(status(&p))
}
