//! Mermaid: a lossy `journey` diagram of the touchpoints.

use super::{lines, one_line};
use crate::checks::owner::{self, Clause};
use crate::checks::tag_spans;
use crate::journey::{CellRef, Journey, Role};

/// The score of a task in a phase whose mood is unknown: neutral.
const NEUTRAL: i8 = 3;

/// The actor of a task whose channels no Organization clause claims.
const NO_ACTOR: &str = "Customer";

/// The journey as a Mermaid `journey` diagram: a lossy view of the touchpoints.
///
/// Shape (every line ends in LF):
///
/// ```text
/// journey
///   title TITLE
///   section PHASE
///     TOUCHPOINT LINE: SCORE: ACTOR, ACTOR
/// ```
///
/// - `title` is left out when the title is empty.
/// - One `section` per phase, in order (`Phase N` if the name has no usable
///   text: nothing but white space, `#`, `:` and `;`).
/// - One task per non-empty line of the phase's Touchpoints cell (the row
///   with the touchpoints role), without its `@sources`; a marked line
///   (`! `, `+ `, `? `, `> `) is an insight, not a touchpoint, and is left out. Its score is the phase's mood + 3 (1 to 5),
///   or 3 when the mood is unknown. A phase with no touchpoint lines (or a
///   journey with no Touchpoints row) gets one task `(no touchpoints): SCORE: Customer`.
/// - A task's actors are the owners of its `#tags` by the owner rule
///   ([`crate::checks::owner`]): in the phase's Organization cell, every
///   clause (a line, or a part of it between `;`) that names one of the
///   task's tags names its owners, e.g. `Marketing owns #website` names
///   `Marketing`. Actors come in the order of the clauses; a team appears
///   once per task, and with the same spelling
///   everywhere in the diagram (as first written). A task with no actor
///   gets `Customer`.
/// - Characters Mermaid does not allow are replaced in every text: `#` is
///   dropped (`#website` becomes `website`), `:` becomes ` -`, `;` becomes
///   `,`, `%%` becomes `% %` (both kept, no comment), `<` and `>` become `‹` and `›`, and an actor's
///   `,` and `"` become a space; runs of white space (U+FEFF included, as
///   Mermaid counts it) become one space. A task that would start with a
///   Mermaid keyword (`journey`, `title `, `section `, `accTitle`,
///   `accDescr`) or with `%` (a comment to Mermaid) gets `- ` in front. Control and bidi characters
///   become visible placeholders.
pub fn to_mermaid(journey: &Journey) -> String {
    let mut out = String::from("journey\n");
    let title = clean(&journey.title);
    if !title.is_empty() {
        out.push_str(&format!("  title {title}\n"));
    }
    let touchpoints = journey.row_with_role(Role::Touchpoints);
    let organization = journey.row_with_role(Role::Organization);
    let lang = journey.language();
    let clauses: Vec<Vec<Clause>> = (0..journey.phase_count())
        .map(|p| organization.map_or_else(Vec::new, |r| owner::clauses(journey.cell(CellRef::new(p, r)), lang)))
        .collect();
    let spelling = Spelling::of(&clauses);
    for (p, phase) in journey.phases().iter().enumerate() {
        let name = clean(&phase.name);
        let usable = name.chars().any(|c| !matches!(c, ' ' | ',' | '-'));
        let name = if usable { name } else { format!("Phase {}", p + 1) };
        out.push_str(&format!("  section {name}\n"));
        let score = phase.mood.map_or(NEUTRAL, |m| m + NEUTRAL);
        let mut tasks = 0;
        let cell = touchpoints.map_or("", |r| journey.cell(CellRef::new(p, r)));
        // A marked line (a pain, an idea, a question, a quote) is no touchpoint.
        for line in lines(cell).filter(|l| crate::journey::Mark::of(l).is_none()) {
            let task = task_name(&crate::checks::normal::content(line));
            if task.is_empty() {
                continue;
            }
            let actors = actors(line, &clauses[p], &spelling);
            out.push_str(&format!("    {task}: {score}: {}\n", actors.join(", ")));
            tasks += 1;
        }
        if tasks == 0 {
            out.push_str(&format!("    (no touchpoints): {score}: {NO_ACTOR}\n"));
        }
    }
    out
}

/// Text made safe for any place in a Mermaid journey line.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '#' => {}
            ':' => out.push_str(" -"),
            ';' => out.push(','),
            // `%%` would start a comment: both are kept, apart.
            '%' if out.ends_with('%') => out.push_str(" %"),
            '<' => out.push('‹'),
            '>' => out.push('›'),
            // Mermaid's `\s` matches U+FEFF; Rust's white space does not.
            '\u{feff}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A touchpoint line as a task name, never read as a Mermaid keyword.
fn task_name(line: &str) -> String {
    let task = clean(line);
    let lower = task.to_lowercase();
    let keyword = ["journey", "acctitle", "accdescr"].iter().any(|k| lower.starts_with(k))
        || ["title ", "section "].iter().any(|k| lower.starts_with(k));
    // Mermaid reads a line that starts with `%` as a comment.
    if keyword || task.starts_with('%') { format!("- {task}") } else { task }
}

/// Every owner's actor name, by key: the first spelling in the journey, cleaned.
struct Spelling(Vec<(String, String)>);

impl Spelling {
    fn of(clauses: &[Vec<Clause>]) -> Self {
        let mut names: Vec<(String, String)> = Vec::new();
        for owner in clauses.iter().flatten().flat_map(|c| &c.owners) {
            let name = clean(&owner.name).replace([',', '"'], " ");
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            if !name.is_empty() && !names.iter().any(|(k, _)| *k == owner.key) {
                names.push((owner.key.clone(), name));
            }
        }
        Self(names)
    }

    fn name(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, n)| n.as_str())
    }
}

/// The actors of a touchpoint line: the owners of its tags, or `Customer`.
fn actors<'s>(line: &str, clauses: &[Clause], spelling: &'s Spelling) -> Vec<&'s str> {
    let tags: Vec<&str> = tag_spans(line).into_iter().map(|span| &line[span]).collect();
    let mut actors: Vec<&str> = Vec::new();
    for clause in clauses.iter().filter(|c| tags.iter().any(|t| c.names(t))) {
        for owner in &clause.owners {
            if let Some(name) = spelling.name(&owner.key).filter(|n| !actors.contains(n)) {
                actors.push(name);
            }
        }
    }
    if actors.is_empty() {
        actors.push(NO_ACTOR);
    }
    actors
}

#[cfg(test)]
#[path = "mermaid_tests.rs"]
mod tests;
