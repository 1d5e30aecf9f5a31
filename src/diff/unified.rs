//! A plain unified line diff, for files git hands to `jgrid diff` that are
//! not journeys (another `.toml` matched by the same pattern).

use std::fmt::Write as _;

use crate::merge::{diff_ops, split_lines};

const CONTEXT: usize = 3;

/// The lines of a text file (its last newline ends the last line).
fn body(text: &str) -> Vec<&str> {
    split_lines(text.strip_suffix('\n').unwrap_or(text))
}

/// `--- a/OLD-PATH`, `+++ b/NEW-PATH` and `@@` hunks with three lines of context, as
/// `diff -u` writes them; empty when the texts are equal.
///
/// ```
/// let d = jgrid::diff::unified("a\nb\nc\n", "a\nB\nc\n", "x.toml", "x.toml");
/// assert_eq!(d, "--- a/x.toml\n+++ b/x.toml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
/// ```
pub fn unified(old: &str, new: &str, old_path: &str, new_path: &str) -> String {
    let (a, b) = (body(old), body(new));
    // Every line of the script: (sign, old index, new index, text).
    // In each run of changes the removed lines come first, then the added.
    let mut script: Vec<(char, usize, usize, &str)> = Vec::new();
    let mut added = Vec::new();
    for op in diff_ops(&a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            script.append(&mut added);
            script.extend(o.zip(n).map(|(i, j)| (' ', i, j, a[i])));
        } else {
            script.extend(o.clone().map(|i| ('-', i, n.start, a[i])));
            added.extend(n.map(|j| ('+', o.end, j, b[j])));
        }
    }
    script.append(&mut added);
    let changed: Vec<usize> = (0..script.len()).filter(|&k| script[k].0 != ' ').collect();
    if changed.is_empty() {
        return String::new();
    }
    let mut out = format!("--- a/{old_path}\n+++ b/{new_path}\n");
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 2 * CONTEXT {
            end = changed[k];
            k += 1;
        }
        let end = (end + CONTEXT + 1).min(script.len());
        let hunk = &script[start..end];
        let olds = hunk.iter().filter(|l| l.0 != '+').count();
        let news = hunk.iter().filter(|l| l.0 != '-').count();
        let o = hunk.iter().find(|l| l.0 != '+').filter(|_| olds > 0).map_or(hunk[0].1, |l| l.1 + 1);
        let n = hunk.iter().find(|l| l.0 != '-').filter(|_| news > 0).map_or(hunk[0].2, |l| l.2 + 1);
        let _ = writeln!(out, "@@ -{o},{olds} +{n},{news} @@");
        for (sign, _, _, text) in hunk {
            let _ = writeln!(out, "{sign}{text}");
        }
    }
    out
}
