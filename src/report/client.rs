//! The report for the client (`jgrid report FILE --for client`): what a
//! consultant hands over, without the tool's housekeeping. No check ids, no
//! acceptance bookkeeping, no `#tags` (a channel is named by its word), no
//! `@names`: each source is "Interviewee 1", "Interviewee 2", … in the
//! order they first speak in the grid, or the description the file's
//! `[sources]` table gives. It holds the mood curve, what each interviewee
//! said, the pains ranked, the disagreements and the plan by quadrant.
//!
//! [`ClientReport`] is the content; [`to_markdown`] and
//! [`super::client_html::to_html`] only lay it out.

use std::fmt::Write as _;

use crate::checks::{Finding, normal, stated};
use crate::insights::{Insights, mood};
use crate::journey::{Journey, Mark, sources, without_sources};
use crate::plan::{Quadrant, rank};

/// A line as a client reads it: no `@names`, tags as plain words, one line.
pub fn clean(line: &str) -> String {
    let text = without_sources(line);
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| match w.strip_prefix('#') {
            Some(tag) if !tag.is_empty() => tag.to_owned(),
            _ => w.to_owned(),
        })
        .collect();
    crate::text::sanitize(&words.join(" ")).into_owned()
}

/// One interviewee and the lines they said, in grid order (`Phase: line`).
pub struct Said {
    pub who: String,
    pub lines: Vec<(String, String)>,
}

/// One opportunity as the client reads it.
pub struct PlanLine {
    pub title: String,
    pub gains: String,
    pub value: Option<f64>,
    pub effort: Option<u8>,
    /// How many interviewees stand behind it.
    pub interviewees: usize,
    pub solutions: Vec<String>,
}

/// What the client report says.
pub struct ClientReport {
    pub title: String,
    pub persona: String,
    /// Phase names and moods, in order.
    pub moods: Vec<(String, Option<i8>)>,
    /// Each interviewee's mood per phase (`[phase.moods]`), named as the
    /// client reads them, in interviewee order; only those with a mood.
    pub curves: Vec<(String, Vec<Option<i8>>)>,
    pub said: Vec<Said>,
    /// Pains, most interviewees first: the words and how many said it.
    pub pains: Vec<(String, usize)>,
    /// Topics the customer was told different things about: the topic and `Phase: statement` each.
    pub disagreements: Vec<(String, Vec<String>)>,
    pub plan: Vec<(Quadrant, Vec<PlanLine>)>,
}

/// Who a source is, for the client: its description, else "Interviewee N",
/// numbered in the order they first speak in the grid, then those who only
/// have a mood (by name).
fn names(journey: &Journey) -> Vec<(String, String)> {
    let mut order: Vec<String> = Vec::new();
    for p in journey.phases() {
        for cell in p.cells() {
            for line in cell.split('\n') {
                for s in sources(line) {
                    if !order.contains(&s) {
                        order.push(s);
                    }
                }
            }
        }
    }
    for c in mood::curves(journey).into_iter().skip(1) {
        if let Some(s) = c.source.filter(|s| !order.contains(s)) {
            order.push(s);
        }
    }
    order
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let shown = journey.sources.get(&s).map_or_else(|| format!("Interviewee {}", i + 1), |d| clean(d));
            (s, shown)
        })
        .collect()
}

/// What each interviewee said: every line naming them, in grid order.
/// (Kept in one place, so a richer per-source section can replace it.)
fn said(journey: &Journey, who: &[(String, String)]) -> Vec<Said> {
    who.iter()
        .map(|(name, shown)| {
            let mut lines = Vec::new();
            for p in journey.phases() {
                for cell in p.cells() {
                    for line in cell.split('\n').filter(|l| sources(l).contains(name)) {
                        lines.push((clean(&p.name), clean(line)));
                    }
                }
            }
            Said { who: shown.clone(), lines }
        })
        // A source who only has a mood said no line.
        .filter(|s| !s.lines.is_empty())
        .collect()
}

fn disagreements(journey: &Journey, findings: &[Finding]) -> Vec<(String, Vec<String>)> {
    let stemmer = normal::stemmer(journey.language());
    let mut out = Vec::new();
    for f in findings.iter().filter(|f| f.id == "conflicting-message") {
        let Some(topic) = f.subjects.first() else { continue };
        let key = normal::key(topic, &stemmer);
        let mut said = Vec::new();
        for c in &f.cells {
            let phase = journey.phases().get(c.phase).map_or("", |p| p.name.as_str());
            for line in journey.cell(*c).split('\n') {
                if let Some((tag, t, statement)) = stated(line)
                    && normal::key(&t, &stemmer) == key
                {
                    let via = tag.map_or_else(String::new, |t| format!(" ({})", clean(&t)));
                    said.push(format!("{}{via}: {}", clean(phase), clean(&statement)));
                }
            }
        }
        out.push((clean(topic), said));
    }
    out
}

impl ClientReport {
    /// The client report of a journey and its open and accepted findings.
    pub fn new(journey: &Journey, findings: &[Finding]) -> Self {
        let who = names(journey);
        let insights = Insights::of(journey);
        let pains = insights.of_kind(Mark::Pain).iter().map(|i| (clean(&i.text), i.sources.len())).collect();
        let ranked = rank(journey);
        let plan = Quadrant::ALL
            .iter()
            .map(|&q| {
                let lines = ranked
                    .iter()
                    .filter(|r| r.quadrant == q)
                    .map(|r| {
                        let o = &journey.opportunities[r.index];
                        PlanLine {
                            title: clean(&o.title),
                            gains: clean(&o.gains.join(", ")),
                            value: r.value,
                            effort: o.effort,
                            interviewees: r.evidence(),
                            solutions: o.solutions.lines().map(clean).filter(|l| !l.is_empty()).collect(),
                        }
                    })
                    .collect();
                (q, lines)
            })
            .collect();
        ClientReport {
            title: clean(&journey.title),
            persona: clean(&journey.persona),
            moods: journey.phases().iter().map(|p| (clean(&p.name), p.mood)).collect(),
            curves: (who.iter())
                .filter(|(name, _)| journey.phases().iter().any(|p| p.moods.contains_key(name)))
                .map(|(name, shown)| (shown.clone(), journey.phases().iter().map(|p| p.mood_of(name)).collect()))
                .collect(),
            said: said(journey, &who),
            pains,
            disagreements: disagreements(journey, findings),
            plan,
        }
    }
}

impl ClientReport {
    /// Each interviewee's mood in phase `i`, after the overall one:
    /// ` (Interviewee 1: -2 very unhappy; Interviewee 2: unknown)`; empty without curves.
    pub fn each_mood(&self, i: usize) -> String {
        if self.curves.is_empty() {
            return String::new();
        }
        let each: Vec<String> =
            self.curves.iter().map(|(who, moods)| format!("{who}: {}", mood::label(moods[i]))).collect();
        format!(" ({})", each.join("; "))
    }
}

/// The client report as Markdown. Text is escaped as the team's report escapes it.
pub fn to_markdown(journey: &Journey, findings: &[Finding]) -> String {
    let r = ClientReport::new(journey, findings);
    let md = |s: &str| super::markdown_inline(s);
    let mut out = String::new();
    let title = if r.title.is_empty() { "Customer journey" } else { r.title.as_str() };
    let _ = writeln!(out, "# {}\n", md(title));
    if !r.persona.is_empty() {
        let _ = writeln!(out, "_For: {}_\n", md(&r.persona));
    }
    out.push_str("## How the customer felt\n\n");
    let moods: Vec<Option<i8>> = r.moods.iter().map(|m| m.1).collect();
    if moods.iter().any(Option::is_some) {
        out.push_str("```text\n");
        for line in mood::curve(&moods) {
            let _ = writeln!(out, "{line}");
        }
        out.push_str("```\n\n");
    }
    for (who, moods) in &r.curves {
        let _ = writeln!(out, "{}:\n\n```text", md(who));
        for line in mood::curve(moods) {
            let _ = writeln!(out, "{line}");
        }
        out.push_str("```\n\n");
    }
    for (i, (phase, m)) in r.moods.iter().enumerate() {
        let _ = writeln!(out, "{}. {}: {}{}", i + 1, md(phase), mood::label(*m), md(&r.each_mood(i)));
    }
    out.push_str("\n## What each interviewee said\n");
    if r.said.is_empty() {
        out.push_str("\nNo line names who said it.\n");
    }
    for s in &r.said {
        let _ = writeln!(out, "\n### {}\n", md(&s.who));
        for (phase, line) in &s.lines {
            let _ = writeln!(out, "- {}: {}", md(phase), md(line));
        }
    }
    out.push_str("\n## Pains, most often named first\n\n");
    if r.pains.is_empty() {
        out.push_str("No pain is noted.\n");
    }
    for (i, (pain, n)) in r.pains.iter().enumerate() {
        let who = if *n == 1 { "1 interviewee".to_owned() } else { format!("{n} interviewees") };
        let _ = writeln!(out, "{}. {} ({who})", i + 1, md(pain));
    }
    out.push_str("\n## Where the customer was told different things\n\n");
    if r.disagreements.is_empty() {
        out.push_str("Every message the customer got agrees with the others.\n");
    }
    for (topic, said) in &r.disagreements {
        let _ = writeln!(out, "- **{}**: {}", md(topic), said.iter().map(|s| md(s)).collect::<Vec<_>>().join("; "));
    }
    out.push_str("\n## The plan\n");
    for (q, lines) in r.plan.iter().filter(|(_, l)| !l.is_empty()) {
        let _ = writeln!(out, "\n### {} ({})\n", q.heading(), q.meaning());
        for l in lines {
            let gains = if l.gains.is_empty() { String::new() } else { format!(" Who gains: {}.", md(&l.gains)) };
            let backed = match l.interviewees {
                0 => String::new(),
                1 => " Named by 1 interviewee.".to_owned(),
                n => format!(" Named by {n} interviewees."),
            };
            let _ = writeln!(out, "- **{}**.{gains}{backed}", md(&l.title));
            for s in &l.solutions {
                let _ = writeln!(out, "  - {}", md(s));
            }
        }
    }
    if r.plan.iter().all(|(_, l)| l.is_empty()) {
        out.push_str("\nNo change is planned yet.\n");
    }
    out
}
