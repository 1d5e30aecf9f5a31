//! The blueprint as Markdown: a table of the channels, a section per
//! channel with where its teams and systems appear, then the walls.

use std::fmt::Write as _;

use super::super::blueprint::{Behind, Blueprint, WallPair};
use super::super::{Entry, Portfolio};
use super::{counts, phases, step};
use crate::export::one_line;
use crate::report::markdown_inline as inline;

/// The blueprint of a portfolio as Markdown.
///
/// Shape: `# Blueprint: NAME`, a line of counts, `## Channels` with a table
/// (channel, journeys, teams, systems; each team and system with the number
/// of journeys it appears in), one `### #channel` per channel listing where
/// it appears, its teams and its systems (journey and phases); then
/// `## Walls between teams` and `## Walls between systems`: a table of
/// pairs, the number of handoffs (seams), and where, most frequent first.
pub fn to_markdown<T>(p: &Portfolio<T>, b: &Blueprint) -> String {
    let labels = p.labels();
    let mut out = String::new();
    let _ = writeln!(out, "# Blueprint: {}\n", inline(&one_line(&p.name())));
    let _ = writeln!(out, "{}\n", counts(p, b));
    out.push_str("## Channels\n\n");
    if b.channels.is_empty() {
        out.push_str("No journey names a channel (`#tag`) yet.\n\n");
    } else {
        out.push_str("| Channel | Journeys | Teams | Systems |\n| --- | ---: | --- | --- |\n");
        for c in &b.channels {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                channel_name(&c.name, &c.spellings, c.external),
                c.seen.len(),
                tally(&c.teams),
                tally(&c.systems)
            );
        }
        out.push('\n');
    }
    for c in &b.channels {
        let _ = writeln!(out, "### {}\n", channel_name(&c.name, &c.spellings, c.external));
        let appears: Vec<String> = c.seen.iter().map(|s| place(&p.journeys, &labels, s)).collect();
        let _ = writeln!(out, "- Appears in: {}", appears.join("; "));
        for (what, list) in [("Teams", &c.teams), ("Systems", &c.systems)] {
            if list.is_empty() {
                let _ = writeln!(out, "- {what}: none named");
                continue;
            }
            let _ = writeln!(out, "- {what}:");
            for behind in list {
                let places: Vec<String> = behind.seen.iter().map(|s| place(&p.journeys, &labels, s)).collect();
                let _ = writeln!(out, "  - {}: {}", inline(&one_line(&behind.name)), places.join("; "));
            }
        }
        out.push('\n');
    }
    for (title, noun, list) in [("teams", "Handoffs", &b.handoffs), ("systems", "Seams", &b.seams)] {
        let _ = writeln!(out, "## Walls between {title}\n");
        if list.is_empty() {
            let _ = writeln!(out, "No channel changes {title} from one phase to the next.\n");
            continue;
        }
        let _ = writeln!(
            out,
            "| {} | {noun} | Where |\n| --- | ---: | --- |",
            if title == "teams" { "Teams" } else { "Systems" }
        );
        for w in list {
            let _ = writeln!(out, "| {} | {} | {} |", pair(w), w.crossings.len(), crossings(&p.journeys, &labels, w));
        }
        out.push('\n');
    }
    out
}

/// `#phone (also #hotline, #call-centre)`, `#search (external)`.
pub(super) fn channel_name(name: &str, spellings: &[String], external: bool) -> String {
    let mut out = format!("#{}", inline(&one_line(name)));
    if !spellings.is_empty() {
        let also: Vec<String> = spellings.iter().map(|s| format!("#{}", inline(&one_line(s)))).collect();
        let _ = write!(out, " (also {})", also.join(", "));
    }
    if external {
        out.push_str(" (external)");
    }
    out
}

/// `Customer service (4), Billing (1)`.
fn tally(list: &[Behind]) -> String {
    list.iter().map(|b| format!("{} ({})", inline(&one_line(&b.name)), b.seen.len())).collect::<Vec<_>>().join(", ")
}

/// `Moving house (Order move, Installation)`.
fn place<T>(journeys: &[Entry<T>], labels: &[String], seen: &super::Seen) -> String {
    format!("{} ({})", inline(&one_line(&labels[seen.journey])), inline(&one_line(&phases(journeys, seen).join(", "))))
}

fn pair(w: &WallPair) -> String {
    format!("{} · {}", inline(&one_line(&w.pair.0)), inline(&one_line(&w.pair.1)))
}

/// `Moving house: #phone Order move → Installation (Customer service → Provisioning)`, up to 5.
fn crossings<T>(journeys: &[Entry<T>], labels: &[String], w: &WallPair) -> String {
    let mut parts: Vec<String> = w
        .crossings
        .iter()
        .take(5)
        .map(|c| {
            let (from, to) = step(journeys, c.journey, c.from);
            let (a, b) = if c.forward { (&w.pair.0, &w.pair.1) } else { (&w.pair.1, &w.pair.0) };
            inline(&one_line(&format!("{}: #{} {from} → {to} ({a} → {b})", labels[c.journey], c.channel)))
        })
        .collect();
    if w.crossings.len() > 5 {
        parts.push(format!("and {} more", w.crossings.len() - 5));
    }
    parts.join("; ")
}
