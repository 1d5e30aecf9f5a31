//! Mermaid: a lossy `journey` diagram of the touchpoints.

use super::{lines, one_line};
use crate::checks::tag_spans;
use crate::journey::{CellRef, Journey, Role};

/// The score of every task: neutral, as a grid says nothing about feelings.
const SCORE: u8 = 3;

/// The actor of a task whose channels no Organization line claims.
const NO_ACTOR: &str = "Customer";

/// Words that end an owner's name in an Organization line (English, Dutch, Swedish).
const OWNS: [&str; 3] = ["owns", "beheert", "äger"];

/// The journey as a Mermaid `journey` diagram: a lossy view of the touchpoints.
///
/// Shape (every line ends in LF):
///
/// ```text
/// journey
///   title TITLE
///   section PHASE
///     TOUCHPOINT LINE: 3: ACTOR, ACTOR
/// ```
///
/// - `title` is left out when the title is empty.
/// - One `section` per phase, in order (`Phase N` if the name has no usable text).
/// - One task per non-empty line of the phase's Touchpoints cell (the row
///   with the touchpoints role), with the neutral score 3. A phase with no
///   touchpoint lines (or a journey with no Touchpoints row) gets one task
///   `(no touchpoints): 3: Customer`.
/// - A task's actors are the owners of its `#tags`: in the phase's
///   Organization cell, split into clauses at line breaks and `;`, every
///   clause that mentions one of the task's tags names an actor: its words
///   before `owns` (or `beheert`, `äger`), else its words before the first
///   `#tag`, `,` or `:`. `Marketing owns #website` makes `Marketing`.
///   Actors appear once, in the order of the clauses. A task with no actor
///   gets `Customer`.
/// - Characters Mermaid does not allow are replaced in every text: `#` is
///   dropped (`#website` becomes `website`), `:` becomes ` -`, `;` becomes
///   `,`, `%%` becomes `%`, and an actor's `,` ends its name; runs of
///   white space become one space. A task that would start with a Mermaid
///   keyword (`journey`, `title `, `section `, `accTitle`, `accDescr`) gets
///   `- ` in front. Control and bidi characters become visible placeholders.
pub fn to_mermaid(journey: &Journey) -> String {
    let mut out = String::from("journey\n");
    let title = clean(&journey.title);
    if !title.is_empty() {
        out.push_str(&format!("  title {title}\n"));
    }
    let touchpoints = journey.row_with_role(Role::Touchpoints);
    let organization = journey.row_with_role(Role::Organization);
    for (p, phase) in journey.phases().iter().enumerate() {
        let name = clean(&phase.name);
        let name = if name.is_empty() { format!("Phase {}", p + 1) } else { name };
        out.push_str(&format!("  section {name}\n"));
        let owners = organization.map_or_else(Vec::new, |r| owners(journey.cell(CellRef::new(p, r))));
        let mut tasks = 0;
        let cell = touchpoints.map_or("", |r| journey.cell(CellRef::new(p, r)));
        for line in lines(cell) {
            let task = task_name(line);
            if task.is_empty() {
                continue;
            }
            let actors = actors(line, &owners);
            out.push_str(&format!("    {task}: {SCORE}: {}\n", actors.join(", ")));
            tasks += 1;
        }
        if tasks == 0 {
            out.push_str(&format!("    (no touchpoints): {SCORE}: {NO_ACTOR}\n"));
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
            '%' if out.ends_with('%') => {}
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
    if keyword { format!("- {task}") } else { task }
}

/// One clause of an Organization cell: the tags it mentions (lower case) and
/// the owner it names.
struct Owner {
    tags: Vec<String>,
    name: String,
}

fn tags(text: &str) -> Vec<String> {
    tag_spans(text).into_iter().map(|span| text[span].to_lowercase()).collect()
}

/// The clauses of an Organization cell (split at line breaks and `;`) that name an owner.
fn owners(cell: &str) -> Vec<Owner> {
    lines(cell)
        .flat_map(|line| line.split(';'))
        .map(|clause| Owner { tags: tags(clause), name: owner_name(clause) })
        .filter(|o| !o.name.is_empty())
        .collect()
}

/// The words of a clause before `owns` (or `beheert`, `äger`), else before
/// the first `#tag`, `,` or `:`.
fn owner_name(clause: &str) -> String {
    let clause = clause.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•'));
    let mut words = Vec::new();
    for word in clause.split_whitespace() {
        if word.starts_with('#') || OWNS.contains(&word.to_lowercase().as_str()) {
            break;
        }
        if let Some(end) = word.find([',', ':', '#']) {
            words.push(&word[..end]);
            break;
        }
        words.push(word);
    }
    clean(&words.join(" "))
}

/// The actors of a touchpoint line: the owners of its tags, or `Customer`.
fn actors(line: &str, owners: &[Owner]) -> Vec<String> {
    let line_tags = tags(line);
    let mut actors: Vec<String> = Vec::new();
    for owner in owners {
        if owner.tags.iter().any(|t| line_tags.contains(t)) && !actors.contains(&owner.name) {
            actors.push(owner.name.clone());
        }
    }
    if actors.is_empty() {
        actors.push(NO_ACTOR.to_owned());
    }
    actors
}
