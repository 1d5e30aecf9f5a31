//! The ranked plan of one or more journeys (`jgrid plan`): Markdown for
//! people, CSV for an issue tracker's import, JSON for scripts.

use std::fmt::Write as _;

use ::csv::{QuoteStyle, Terminator, WriterBuilder};
use serde::Serialize;

use crate::checks::{Finding, stale_links};
use crate::journey::{Journey, Opportunity, Why};
use crate::plan::{Quadrant, Ranked, rank};
use crate::text::sanitize;

/// One opportunity of the plan, placed and weighed, with the journey it is in.
#[derive(Debug, Clone)]
pub struct PlanItem<'a> {
    /// The journey's name as the reader knows it (its file name).
    pub journey_name: String,
    pub journey: &'a Journey,
    pub ranked: Ranked,
    /// For each `why`, true when it names nothing any more.
    pub stale: Vec<bool>,
}

impl PlanItem<'_> {
    pub fn opportunity(&self) -> &Opportunity {
        &self.journey.opportunities[self.ranked.index]
    }
}

/// The plan of several journeys (each with its name and open findings), ranked together.
pub fn plan_items<'a>(journeys: &[(String, &'a Journey, Vec<Finding>)]) -> Vec<PlanItem<'a>> {
    let mut out: Vec<PlanItem> = Vec::new();
    for (name, journey, findings) in journeys {
        let refs: Vec<&Finding> = findings.iter().collect();
        for ranked in rank(journey) {
            let o = &journey.opportunities[ranked.index];
            let stale_list = stale_links(journey, &refs, o);
            let stale = o.why.iter().map(|w| stale_list.iter().any(|s| std::ptr::eq(*s, w))).collect();
            out.push(PlanItem { journey_name: name.clone(), journey, ranked, stale });
        }
    }
    // Stable: within one journey the order `rank` gave stays.
    out.sort_by(|a, b| {
        a.ranked
            .quadrant
            .cmp(&b.ranked.quadrant)
            .then(b.ranked.value.unwrap_or(0.0).total_cmp(&a.ranked.value.unwrap_or(0.0)))
            .then(b.ranked.evidence().cmp(&a.ranked.evidence()))
    });
    out
}

fn score(s: Option<u8>) -> String {
    s.map_or_else(|| "–".to_owned(), |s| s.to_string())
}

fn value_words(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

/// A `why` in words: `Wait › Need: "Heard nothing"`, or `finding conflicting-message "switch time"`.
pub fn why_words(w: &Why) -> String {
    match w {
        Why::Line { phase, row, line } => format!("{phase} › {row}: \"{line}\""),
        Why::Finding { check, subject: Some(s) } => format!("finding {check} \"{s}\""),
        Why::Finding { check, subject: None } => format!("finding {check}"),
    }
}

/// The plan as Markdown: one section per quadrant, each opportunity with
/// its scores, who gains, owner, status, evidence, why and solutions.
pub fn to_markdown(items: &[PlanItem]) -> String {
    let md = |s: &str| crate::report::markdown_inline(&s.replace('\n', " "));
    let mut out = String::from("# Plan\n");
    if items.is_empty() {
        out.push_str("\nNo opportunities yet: add `[[opportunity]]` tables, or press `O` on a marked line in jgrid.\n");
    }
    for &q in Quadrant::ALL {
        let in_q: Vec<&PlanItem> = items.iter().filter(|i| i.ranked.quadrant == q).collect();
        if in_q.is_empty() {
            continue;
        }
        let _ = write!(out, "\n## {} ({})\n", q.heading(), q.meaning());
        for (n, item) in in_q.iter().enumerate() {
            let o = item.opportunity();
            let _ = write!(out, "\n{}. **{}**", n + 1, md(&o.title));
            if items.iter().any(|i| i.journey_name != item.journey_name) {
                let _ = write!(out, " ({})", md(&item.journey_name));
            }
            out.push('\n');
            let _ = writeln!(
                out,
                "   value {} (customer {}, business {}) · effort {} · evidence {} · status {}",
                value_words(item.ranked.value),
                score(o.customer_value),
                score(o.business_value),
                score(o.effort),
                item.ranked.evidence(),
                o.status.id()
            );
            let gains = if o.gains.is_empty() { "nobody named yet".to_owned() } else { md(&o.gains.join(", ")) };
            let owner = if o.owner.is_empty() { "nobody yet".to_owned() } else { md(&o.owner) };
            let _ = writeln!(out, "   - who gains: {gains}; owner: {owner}");
            for (w, stale) in o.why.iter().zip(&item.stale) {
                let gone = if *stale { " (no longer there)" } else { "" };
                let _ = writeln!(out, "   - why: {}{gone}", md(&why_words(w)));
            }
            for line in o.solutions.lines().filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(out, "   - solution: {}", md(line.trim()));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct WhyDoc<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    phase: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    stale: bool,
}

#[derive(Serialize)]
struct ItemDoc<'a> {
    rank: usize,
    journey: &'a str,
    title: &'a str,
    quadrant: &'static str,
    value: Option<f64>,
    customer_value: Option<u8>,
    business_value: Option<u8>,
    effort: Option<u8>,
    gains: &'a [String],
    owner: &'a str,
    status: &'static str,
    evidence: usize,
    sources: &'a [String],
    why: Vec<WhyDoc<'a>>,
    solutions: &'a str,
}

/// The plan as pretty JSON: an array in rank order; each element has
/// `rank` (1-based), `journey`, `title`, `quadrant` (`low-hanging-fruit`,
/// `hot-issue`, `fill-in`, `not-now`, `unscored`), `value` (mean of
/// customer and business value, `null` unscored), `customer_value`,
/// `business_value`, `effort` (1..3 or `null`), `gains`, `owner`, `status`,
/// `evidence` (distinct sources), `sources`, `why` (each a line
/// `{phase,row,line}` or a finding `{check,subject}`, with `stale`) and
/// `solutions`. Control characters are `\uXXXX` escapes.
pub fn to_json(items: &[PlanItem]) -> String {
    let docs: Vec<ItemDoc> = items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let o = item.opportunity();
            let why = o
                .why
                .iter()
                .zip(&item.stale)
                .map(|(w, &stale)| match w {
                    Why::Line { phase, row, line } => WhyDoc {
                        phase: Some(phase),
                        row: Some(row),
                        line: Some(line),
                        check: None,
                        subject: None,
                        stale,
                    },
                    Why::Finding { check, subject } => WhyDoc {
                        phase: None,
                        row: None,
                        line: None,
                        check: Some(check),
                        subject: subject.as_deref(),
                        stale,
                    },
                })
                .collect();
            ItemDoc {
                rank: n + 1,
                journey: &item.journey_name,
                title: &o.title,
                quadrant: item.ranked.quadrant.id(),
                value: item.ranked.value,
                customer_value: o.customer_value,
                business_value: o.business_value,
                effort: o.effort,
                gains: &o.gains,
                owner: &o.owner,
                status: o.status.id(),
                evidence: item.ranked.evidence(),
                sources: &item.ranked.sources,
                why,
                solutions: &o.solutions,
            }
        })
        .collect();
    let json = serde_json::to_string_pretty(&docs).expect("the plan serializes");
    crate::text::json_safe(&json) + "\n"
}

/// The plan as CSV for an issue tracker's import (UTF-8 with a byte order
/// mark, CR LF): `title,description,labels,owner`, one record per
/// opportunity in rank order. The description holds the quadrant, scores,
/// who gains, evidence, why and solutions, one per line; the labels are the
/// quadrant and the status, separated by a comma.
pub fn to_csv(items: &[PlanItem]) -> String {
    let mut writer = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .comment(Some(b';'))
        .from_writer(String::from(super::csv::BOM).into_bytes());
    let safe = |s: &str| sanitize(&s.replace("\r\n", "\n").replace('\r', "\n")).into_owned();
    writer.write_record(["title", "description", "labels", "owner"]).expect("writing CSV to memory cannot fail");
    for item in items {
        let o = item.opportunity();
        let mut d = format!(
            "{} ({}): value {}, effort {}, evidence {} source(s)\nwho gains: {}",
            item.ranked.quadrant.heading(),
            item.ranked.quadrant.meaning(),
            value_words(item.ranked.value),
            score(o.effort),
            item.ranked.evidence(),
            o.gains.join(", ")
        );
        for w in &o.why {
            let _ = write!(d, "\nwhy: {}", why_words(w));
        }
        if !o.solutions.trim().is_empty() {
            let _ = write!(d, "\nsolutions:\n{}", o.solutions.trim());
        }
        let labels = format!("{},{}", item.ranked.quadrant.id(), o.status.id());
        writer
            .write_record([safe(&o.title), safe(&d), labels, safe(&o.owner)])
            .expect("writing CSV to memory cannot fail");
    }
    String::from_utf8(writer.into_inner().expect("writing CSV to memory cannot fail")).expect("the CSV is UTF-8")
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
