//! The report as JSON, for scripts and other tools.

use serde::Serialize;

use super::Report;
use crate::checks::Finding;
use crate::export::{CellDoc, FindingDoc};
use crate::insights::Insight;
use crate::journey::{Journey, Mark};

/// The version of the report's JSON shape; it changes only when a key is
/// removed or changes meaning (new keys may be added).
pub const REPORT_VERSION: u32 = 1;

/// The report as pretty-printed JSON (two-space indent, LF, a final
/// newline). Keys come in this order:
///
/// ```text
/// {
///   "report": 1,                       shape version (REPORT_VERSION)
///   "title": "…", "persona": "…",
///   "moods": [ { "phase": "Orientation", "mood": 1 },      every phase in order;
///              { "phase": "Order move", "mood": null } ],   null: unknown
///   "pains": [ INSIGHT, … ],           most sources first
///   "opportunities": [ INSIGHT, … ],   grid order
///   "questions": [ INSIGHT, … ],       grid order
///   "quotes": [ INSIGHT, … ],          grid order
///   "said": [ { "phase": "Switch", "source": "sara",        what each interviewee said,
///               "lines": [ { "row": "Need", "text": "…" } ] } ],   phase by phase
///   "findings": [ { "id": "empty-cell", "severity": "gap", "phase": "First bill",
///                   "rows": ["Message"], "cells": [ { "phase": "First bill", "row": "Message" } ],
///                   "message": "…" } ],             as in `jgrid export --to json`
///   "evidence": { "filled": 25, "backed": 14, "sources": ["sara", "tom", "li"] },
///   "unbacked": [ { "phase": "Orientation", "row": "Systems" } ]   grid order
/// }
///
/// INSIGHT = { "text": "waited 25 minutes",       words without mark and @sources
///             "sources": ["sara", "tom"],        distinct, lower case, no @
///             "places": [ { "phase": "Order move", "row": "Touchpoints", "line": 3 } ] }
///                                                 line: 1-based line of the cell
/// ```
///
/// Phases and rows are named, not numbered. Text is as in the file (JSON
/// escapes it); control and bidi characters are written as `\uXXXX` so no
/// terminal that prints the JSON acts on them.
pub fn to_json(journey: &Journey, findings: &[Finding]) -> String {
    let report = Report::new(journey, findings);
    let group = |kind: Mark| report.insights.of_kind(kind).iter().map(|i| InsightDoc::new(&report, i)).collect();
    let said = crate::insights::by_source(journey);
    let doc = Doc {
        report: REPORT_VERSION,
        title: &journey.title,
        persona: &journey.persona,
        moods: journey.phases().iter().map(|p| MoodDoc { phase: &p.name, mood: p.mood, sources: &p.moods }).collect(),
        pains: group(Mark::Pain),
        opportunities: group(Mark::Opportunity),
        questions: group(Mark::Question),
        quotes: group(Mark::Quote),
        said: said
            .iter()
            .map(|s| SaidDoc {
                phase: report.phase(s.phase),
                source: &s.source,
                lines: s.lines.iter().map(|l| SaidLineDoc { row: report.row(l.row), text: &l.text }).collect(),
            })
            .collect(),
        findings: findings.iter().map(|f| FindingDoc::new(journey, f)).collect(),
        evidence: EvidenceDoc {
            filled: report.evidence.filled(),
            backed: report.evidence.backed(),
            sources: report.evidence.sources(),
        },
        unbacked: (report.evidence.unbacked())
            .map(|at| CellDoc { phase: report.phase(at.phase), row: report.row(at.row) })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("a report is always valid JSON");
    out.push('\n');
    crate::text::json_safe(&out)
}

#[derive(Serialize)]
struct Doc<'a> {
    report: u32,
    title: &'a str,
    persona: &'a str,
    moods: Vec<MoodDoc<'a>>,
    pains: Vec<InsightDoc<'a>>,
    opportunities: Vec<InsightDoc<'a>>,
    questions: Vec<InsightDoc<'a>>,
    quotes: Vec<InsightDoc<'a>>,
    said: Vec<SaidDoc<'a>>,
    findings: Vec<FindingDoc<'a>>,
    evidence: EvidenceDoc<'a>,
    unbacked: Vec<CellDoc<'a>>,
}

#[derive(Serialize)]
struct SaidDoc<'a> {
    phase: &'a str,
    source: &'a str,
    lines: Vec<SaidLineDoc<'a>>,
}

#[derive(Serialize)]
struct SaidLineDoc<'a> {
    row: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct MoodDoc<'a> {
    phase: &'a str,
    mood: Option<i8>,
    /// Each source's mood in the phase, by name; left out when none.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    sources: &'a std::collections::BTreeMap<String, i8>,
}

#[derive(Serialize)]
struct InsightDoc<'a> {
    text: &'a str,
    sources: &'a [String],
    places: Vec<PlaceDoc<'a>>,
}

impl<'a> InsightDoc<'a> {
    fn new(report: &Report<'a>, insight: &'a Insight) -> Self {
        let places = (insight.places.iter())
            .map(|p| PlaceDoc { phase: report.phase(p.at.phase), row: report.row(p.at.row), line: p.line + 1 })
            .collect();
        Self { text: &insight.text, sources: &insight.sources, places }
    }
}

#[derive(Serialize)]
struct PlaceDoc<'a> {
    phase: &'a str,
    row: &'a str,
    line: usize,
}

#[derive(Serialize)]
struct EvidenceDoc<'a> {
    filled: usize,
    backed: usize,
    sources: &'a [String],
}
