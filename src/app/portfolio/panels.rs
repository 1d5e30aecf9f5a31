//! The text of the panels over the list (the blueprint, the findings across
//! journeys, help), line by line, so that `update` can scroll them and the
//! view draw them from one source.

use super::keys::bindings;
use super::state::PortfolioView;
use crate::checks::Severity;
use crate::export::one_line;
use crate::portfolio::blueprint::Behind;
use crate::text;

/// What a panel line is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Item,
    Detail,
    /// The first line of a finding of this severity.
    Finding(Severity),
}

/// One line of a panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: Kind,
    pub text: String,
}

fn line(kind: Kind, text: String) -> Line {
    Line { kind, text }
}

/// `Customer service 4 · Billing 1`: names with the number of journeys.
fn tally(list: &[Behind]) -> String {
    if list.is_empty() {
        return "none named".to_owned();
    }
    list.iter().map(|b| format!("{} {}", one_line(&b.name), b.seen.len())).collect::<Vec<_>>().join(" · ")
}

/// The blueprint: channels with their teams and systems, then the walls.
pub fn blueprint(view: &PortfolioView) -> Vec<Line> {
    let b = &view.blueprint;
    let mut out = vec![line(Kind::Heading, format!("Channels ({}), in the most journeys first", b.channels.len()))];
    for c in &b.channels {
        let mut name = format!("#{}", one_line(&c.name));
        if !c.spellings.is_empty() {
            let also: Vec<String> = c.spellings.iter().map(|s| format!("#{}", one_line(s))).collect();
            name.push_str(&format!(" (also {})", also.join(", ")));
        }
        if c.external {
            name.push_str(" (external)");
        }
        let journeys = if c.seen.len() == 1 { "1 journey".to_owned() } else { format!("{} journeys", c.seen.len()) };
        out.push(line(Kind::Item, format!("{name} · {journeys}")));
        out.push(line(Kind::Detail, format!("    teams:   {}", tally(&c.teams))));
        out.push(line(Kind::Detail, format!("    systems: {}", tally(&c.systems))));
    }
    for (what, noun, list) in [("teams", "handoffs", &b.handoffs), ("systems", "seams", &b.seams)] {
        out.push(line(Kind::Heading, String::new()));
        out.push(line(Kind::Heading, format!("Walls between {what} ({}), most {noun} first", list.len())));
        if list.is_empty() {
            out.push(line(Kind::Detail, format!("    no channel changes {what} from one phase to the next")));
        }
        for w in list {
            out.push(line(
                Kind::Item,
                format!("{:>5}  {} · {}", w.crossings.len(), one_line(&w.pair.0), one_line(&w.pair.1)),
            ));
            let channels: Vec<String> = {
                let mut seen: Vec<String> = Vec::new();
                for c in &w.crossings {
                    let tag = format!("#{}", one_line(&c.channel));
                    if !seen.contains(&tag) {
                        seen.push(tag);
                    }
                }
                seen
            };
            out.push(line(Kind::Detail, format!("       on {}", channels.join(", "))));
        }
    }
    out
}

/// One finding across journeys: its first line, its sentence wrapped to
/// `width`, and its places (at most `places`).
pub fn finding(view: &PortfolioView, index: usize, width: usize) -> Vec<Line> {
    let Some(f) = view.across.get(index) else { return Vec::new() };
    let subject = f.subjects.iter().map(|s| one_line(s)).collect::<Vec<_>>().join(" · ");
    let mut out = vec![line(Kind::Finding(f.severity), format!("{} [{}] {subject}", f.severity.id(), f.id))];
    for wrapped in text::wrap(&one_line(&f.message), width.saturating_sub(4).max(10)) {
        out.push(line(Kind::Detail, format!("    {wrapped}")));
    }
    out
}

/// Every line of the findings panel, and where each finding starts.
pub fn findings(view: &PortfolioView, width: usize) -> (Vec<Line>, Vec<usize>) {
    let mut lines = Vec::new();
    let mut starts = Vec::with_capacity(view.across.len());
    for i in 0..view.across.len() {
        starts.push(lines.len());
        lines.extend(finding(view, i, width));
    }
    (lines, starts)
}

/// Help: every key of the table, and what the columns mean.
pub fn help() -> Vec<Line> {
    let mut out = vec![line(Kind::Heading, "Keys of the portfolio screen".to_owned())];
    for b in bindings() {
        let keys: Vec<String> = b.keys.iter().map(crate::app::Key::label).collect();
        out.push(line(Kind::Item, format!("  {:<14} {}", keys.join(" / "), b.help)));
    }
    out.push(line(Kind::Heading, String::new()));
    out.push(line(Kind::Heading, "Columns".to_owned()));
    for (name, what) in [
        ("Journey", "its title (its file's name when it has none)"),
        ("Persona", "who walks it"),
        ("Ph", "its phases"),
        ("Mood", "the mood curve, a mark per phase: ▁ -2 ▃ -1 ▄ 0 ▆ +1 █ +2, · unknown"),
        ("Open", "open findings of its own checks (jgrid check FILE)"),
        ("Notes", "unsorted notes in its inbox"),
        ("Backed", "cells with a @source, of the cells with text"),
        ("Changed", "when its file last changed"),
    ] {
        out.push(line(Kind::Item, format!("  {name:<14} {what}")));
    }
    out.push(line(
        Kind::Detail,
        "  Files apart at the end: journeys that cannot be read, and .toml files that are no journey.".to_owned(),
    ));
    out
}
