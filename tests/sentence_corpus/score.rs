//! Scoring the sentence checks on the held-out corpus
//! (`tests/fixtures/sentences/expected.txt`); shared by the test and by
//! `cargo run --example sentence_rates`, which prints the rates.

use std::path::Path;

use jgrid::checks::{Finding, check};

pub const CHECKS: [&str; 3] = ["sources-disagree", "broken-promise", "dead-end"];

/// What one corpus file scored.
#[derive(Debug, Default)]
pub struct Score {
    pub file: String,
    /// Per check in [`CHECKS`] order: (caught, planted, the planted lines missed).
    pub caught: Vec<(usize, usize, Vec<String>)>,
    /// The look-alikes some sentence finding quotes, with that finding.
    pub flagged: Vec<(String, String)>,
    pub look_alikes: usize,
}

/// Score every corpus file named in `expected.txt`.
pub fn score(root: &Path) -> Vec<Score> {
    let dir = root.join("tests/fixtures/sentences");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let mut scores: Vec<Score> = Vec::new();
    let mut found: Vec<Finding> = Vec::new();
    for line in expected.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let (file, what, words) = (parts[0], parts[1], &parts[2..]);
        if scores.last().is_none_or(|s| s.file != file) {
            let text = std::fs::read(dir.join(file)).expect("corpus file");
            let journey = jgrid::format::parse(&text).unwrap_or_else(|e| panic!("{}", e.render(file)));
            found = check(&journey).into_iter().filter(|f| CHECKS.contains(&f.id)).collect();
            scores.push(Score { file: file.to_owned(), caught: vec![(0, 0, Vec::new()); 3], ..Score::default() });
        }
        let s = scores.last_mut().expect("a score");
        let quotes = |f: &Finding, w: &str| f.message.contains(&format!("\"{w}"));
        if what == "look-alike" {
            s.look_alikes += 1;
            if let Some(f) = found.iter().find(|f| quotes(f, words[0])) {
                s.flagged.push((words[0].to_owned(), f.message.clone()));
            }
            continue;
        }
        let i = CHECKS.iter().position(|c| *c == what).expect("a sentence check");
        s.caught[i].1 += 1;
        if found.iter().any(|f| f.id == what && words.iter().all(|w| quotes(f, w))) {
            s.caught[i].0 += 1;
        } else {
            s.caught[i].2.push(words[0].to_owned());
        }
    }
    scores
}

/// The scores as lines of text.
pub fn report(scores: &[Score]) -> String {
    let mut out = String::new();
    for s in scores {
        for (check, (caught, planted, missed)) in CHECKS.iter().zip(&s.caught) {
            out.push_str(&format!("{}: {check}: caught {caught} of {planted}", s.file));
            if !missed.is_empty() {
                out.push_str(&format!(" (missed: {})", missed.join("; ")));
            }
            out.push('\n');
        }
        out.push_str(&format!("{}: look-alikes flagged: {} of {}\n", s.file, s.flagged.len(), s.look_alikes));
        for (line, by) in &s.flagged {
            out.push_str(&format!("  {line:?} flagged by: {by}\n"));
        }
    }
    out
}
