//! `jgrid resolve FILE [--take ours|theirs|both]`: a journey git merged line
//! by line (without jgrid's driver) holds git's conflict markers and does
//! not load; this merges its versions cell by cell (see `crate::unmerged`)
//! and writes the result, which loads, with only the real clashes marked.
//! With `--take`, every conflict left (also in a journey that loads) takes
//! that side. Exit 0 when no conflict is left, 1 when some are (marked in
//! the file), 2 when nothing could be done (and nothing was written).

use std::path::Path;
use std::process::ExitCode;

use super::error::{CliError, Outcome};
use crate::checks::{self, Finding};
use crate::format;
use crate::journey::Journey;
use crate::merge::{Side, take_everywhere};
use crate::store::{self, LoadError, SaveError, SaveOptions, content_hash};
use crate::text::one_line;

/// Each conflict of a journey as its place (`Phase / Row`) and what it is, on one line each.
pub fn conflict_places(journey: &Journey, findings: &[Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| {
            let phase = journey.phases().get(f.phase).map_or("", |p| p.name.as_str());
            let rows: Vec<&str> = f.rows.iter().filter_map(|&r| journey.rows().get(r).map(String::as_str)).collect();
            (format!("{} / {}", one_line(phase), one_line(&rows.join(", "))), one_line(&f.message).into_owned())
        })
        .collect()
}

/// Each conflict of a journey as an indented line: `  Phase / Row: what`.
fn conflict_lines(journey: &Journey, findings: &[Finding]) -> Vec<String> {
    conflict_places(journey, findings).into_iter().map(|(place, what)| format!("  {place}: {what}")).collect()
}

fn count(n: usize) -> String {
    if n == 1 { "1 conflict".to_owned() } else { format!("{n} conflicts") }
}

pub fn resolve(file: &Path, take: Option<Side>) -> Outcome {
    let shown = one_line(&file.display().to_string()).into_owned();
    let bytes = match store::read(file) {
        Ok(b) => b,
        Err(LoadError::NotFound) => {
            return Err(CliError::Refused {
                file: shown,
                what: "no such file".into(),
                hint: "give the path of the journey git reported as conflicted (git status lists it)".into(),
            });
        }
        Err(e) => return Err(CliError::Unreadable(e.render(file))),
    };
    let hash = content_hash(&bytes);
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(CliError::Refused {
            file: shown,
            what: "the file is not UTF-8 text".into(),
            hint: "save it as UTF-8 and run jgrid resolve again".into(),
        });
    };
    let (mut journey, how) = match format::parse(text.as_bytes()) {
        Ok(journey) => (journey, None),
        Err(e) => match crate::unmerged::resolve(file, &text) {
            None => {
                let message = e.render(&shown);
                return Err(CliError::Unreadable(format!(
                    "{}\n  hint: it holds no git conflict markers, so there is nothing to merge; fix it in a text editor",
                    &message[..message.find("\n  hint:").unwrap_or(message.len())]
                )));
            }
            Some(Err(why)) => {
                return Err(CliError::Other(format!(
                    "{shown}: holds git's conflict markers, but {why}\n  hint: fix it in a text editor, or take one side whole with git checkout --ours (or --theirs) -- {shown}"
                )));
            }
            Some(Ok(u)) => (u.merged.journey, Some(u.source.words())),
        },
    };
    let taken = take.map(|side| (side, take_everywhere(&mut journey, side)));
    let left = checks::merge_conflicts(&journey);
    if how.is_none() && taken.is_none_or(|(_, n)| n == 0) {
        // It loads and nothing was taken: there is nothing to write.
        return Ok(if left.is_empty() {
            eprintln!("jgrid: {shown}: loads, with no merge conflict; nothing to do");
            ExitCode::SUCCESS
        } else {
            eprintln!("jgrid: {shown}: loads; {} left, marked in the file:", count(left.len()));
            conflict_lines(&journey, &left).iter().for_each(|l| eprintln!("{l}"));
            eprintln!(
                "  hint: open it in jgrid (] goes to each, M or :take resolves it), or jgrid resolve --take ours|theirs {shown}"
            );
            ExitCode::from(1)
        });
    }
    match store::save_checked(file, &journey, Some(hash), SaveOptions::default()) {
        Ok(_) => {}
        Err(SaveError::Changed) => {
            return Err(CliError::Refused {
                file: shown,
                what: "the file changed while jgrid was merging it; nothing was written".into(),
                hint: "run jgrid resolve again".into(),
            });
        }
        Err(SaveError::ReadOnly) => {
            return Err(CliError::Refused {
                file: shown,
                what: "the file is read-only; nothing was written".into(),
                hint: "make it writable (chmod u+w) and run jgrid resolve again".into(),
            });
        }
        Err(e) => return Err(CliError::Write { file: shown, reason: one_line(&e.to_string()).into_owned() }),
    }
    let mut said = match how {
        Some(how) => format!("merged cell by cell {how}"),
        None => "loaded".to_owned(),
    };
    if let Some((side, n)) = taken {
        said.push_str(&format!(", took {} in {}", side.word(), count(n)));
    }
    if left.is_empty() {
        eprintln!("jgrid: {shown}: {said}; no conflict left");
        eprintln!("  hint: check it (jgrid {shown}), then git add {shown}");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("jgrid: {shown}: {said}; {} left, marked in the file:", count(left.len()));
        conflict_lines(&journey, &left).iter().for_each(|l| eprintln!("{l}"));
        eprintln!("  hint: open it in jgrid (] goes to each, M or :take resolves it), then git add {shown}");
        Ok(ExitCode::from(1))
    }
}
