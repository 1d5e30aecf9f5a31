//! JSON: the whole journey plus its findings, for scripts.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::checks::Finding;
use crate::format::FORMAT_VERSION;
use crate::journey::{Acceptance, CellRef, Journey, Note};

/// The journey and its findings as pretty-printed JSON (serde_json's pretty
/// form: two-space indent, every array element and object entry on its own
/// line, LF line ends, a final newline). Keys always come in this order
/// (shown compact here):
///
/// ```text
/// {
///   "format": 1,
///   "title": "…",
///   "persona": "…",
///   "lang": "en",
///   "rows": ["Need", "Touchpoints", …],
///   "roles": { "Need": "need", "Touchpoints": "touchpoints", … },
///   "checks_off": ["inside-out", …],
///   "external": ["search", …],
///   "accepted": [
///     { "check": "channel-without-owner", "phase": "Orientation",
///       "rows": ["Touchpoints", "Organization"], "subject": "search", "reason": "…" }
///   ],
///   "phases": [
///     { "name": "Orientation", "mood": 1, "cells": { "Need": "…", "Touchpoints": "", … } }
///   ],
///   "inbox": [
///     { "text": "chat bot could not change the address", "source": "sara", "at": "2026-12-01T14:03:12Z" }
///   ],
///   "sources": { "sara": "customer, 29" },
///   "opportunities": [
///     { "title": "…", "why": [{ "phase": "Wait", "row": "Need", "line": "…" }, { "check": "…", "subject": "…" }],
///       "gains": ["customer"], "customer_value": 3, "business_value": 2, "effort": 1,
///       "owner": "Support", "status": "planned", "solutions": "…" }
///   ],
///   "findings": [
///     {
///       "id": "unowned-touchpoint",
///       "severity": "warning",
///       "phase": "Orientation",
///       "rows": ["Touchpoints", "Organization"],
///       "cells": [{ "phase": "Orientation", "row": "Touchpoints" }, …],
///       "message": "…"
///     }
///   ]
/// }
/// ```
///
/// - `format` is the journey file format (1).
/// - `roles` maps every row that plays a role (from the file's `[roles]`
///   table or by its name) to its role id, in row order; rows with no role
///   are left out.
/// - `lang` is the file's `lang` (`en`, `nl`, `sv`), `null` when the file
///   sets none (the language then follows the row names).
/// - `checks_off` lists the check ids the journey switches off, and
///   `external` the channels (tags without `#`) it does not run, as in the file.
/// - `accepted` lists the findings accepted on purpose, as in the file
///   (`subject` is `null` when the acceptance names none).
/// - Each phase's `mood` is -2..2, `null` when unknown.
/// - `inbox` lists the unsorted notes, oldest first (`source` is `null`
///   when the note names none; `at` as in the file).
/// - Each phase's `cells` has every row as a key, in row order; an empty
///   cell is `""`. Multi-line text keeps its `\n`.
/// - `findings` are in the given order; phases and rows are named, not numbered.
/// - Text is as in the file; control and bidi characters are written as
///   `\uXXXX` escapes, so a terminal that shows the JSON never acts on them.
pub fn to_json(journey: &Journey, findings: &[Finding]) -> String {
    let doc = Doc {
        format: FORMAT_VERSION,
        title: &journey.title,
        persona: &journey.persona,
        lang: journey.lang.map(|l| l.code()),
        rows: journey.rows(),
        roles: Roles(journey),
        checks_off: &journey.checks_off,
        external: &journey.external,
        accepted: journey.accepted.iter().map(AcceptedDoc::from).collect(),
        phases: (journey.phases().iter().enumerate())
            .map(|(p, phase)| PhaseDoc {
                name: &phase.name,
                mood: phase.mood,
                moods: &phase.moods,
                cells: PhaseCells { journey, phase: p },
            })
            .collect(),
        inbox: journey.inbox.iter().map(NoteDoc::from).collect(),
        sources: &journey.sources,
        opportunities: journey.opportunities.iter().map(OpportunityDoc::from).collect(),
        findings: findings.iter().map(|f| FindingDoc::new(journey, f)).collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("a journey is always valid JSON");
    out.push('\n');
    crate::text::json_safe(&out)
}

#[derive(Serialize)]
struct Doc<'a> {
    format: i64,
    title: &'a str,
    persona: &'a str,
    lang: Option<&'static str>,
    rows: &'a [String],
    roles: Roles<'a>,
    checks_off: &'a [String],
    external: &'a [String],
    accepted: Vec<AcceptedDoc<'a>>,
    phases: Vec<PhaseDoc<'a>>,
    inbox: Vec<NoteDoc<'a>>,
    sources: &'a std::collections::BTreeMap<String, String>,
    opportunities: Vec<OpportunityDoc<'a>>,
    findings: Vec<FindingDoc<'a>>,
}

/// An opportunity as the file holds it (`why` entries as in the file).
#[derive(Serialize)]
struct OpportunityDoc<'a> {
    title: &'a str,
    why: &'a [crate::journey::Why],
    gains: &'a [String],
    customer_value: Option<u8>,
    business_value: Option<u8>,
    effort: Option<u8>,
    owner: &'a str,
    status: &'static str,
    solutions: &'a str,
}

impl<'a> From<&'a crate::journey::Opportunity> for OpportunityDoc<'a> {
    fn from(o: &'a crate::journey::Opportunity) -> Self {
        Self {
            title: &o.title,
            why: &o.why,
            gains: &o.gains,
            customer_value: o.customer_value,
            business_value: o.business_value,
            effort: o.effort,
            owner: &o.owner,
            status: o.status.id(),
            solutions: &o.solutions,
        }
    }
}

#[derive(Serialize)]
struct AcceptedDoc<'a> {
    check: &'a str,
    phase: &'a str,
    rows: &'a [String],
    subject: Option<&'a str>,
    reason: &'a str,
}

impl<'a> From<&'a Acceptance> for AcceptedDoc<'a> {
    fn from(a: &'a Acceptance) -> Self {
        Self { check: &a.check, phase: &a.phase, rows: &a.rows, subject: a.subject.as_deref(), reason: &a.reason }
    }
}

#[derive(Serialize)]
struct NoteDoc<'a> {
    text: &'a str,
    source: Option<&'a str>,
    at: &'a str,
}

impl<'a> From<&'a Note> for NoteDoc<'a> {
    fn from(n: &'a Note) -> Self {
        Self { text: &n.text, source: n.source.as_deref(), at: &n.at }
    }
}

/// `{row: role}` for the rows that play a role, in row order.
struct Roles<'a>(&'a Journey);

impl Serialize for Roles<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let j = self.0;
        let mut map = serializer.serialize_map(None)?;
        for (r, name) in j.rows().iter().enumerate() {
            if let Some(role) = j.role_of(r) {
                map.serialize_entry(name, role.id())?;
            }
        }
        map.end()
    }
}

#[derive(Serialize)]
struct PhaseDoc<'a> {
    name: &'a str,
    mood: Option<i8>,
    /// Each source's mood (`[phase.moods]`), by name; left out when none.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    moods: &'a std::collections::BTreeMap<String, i8>,
    cells: PhaseCells<'a>,
}

/// `{row: text}` for every row, in row order.
struct PhaseCells<'a> {
    journey: &'a Journey,
    phase: usize,
}

impl Serialize for PhaseCells<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.journey.row_count()))?;
        for (r, name) in self.journey.rows().iter().enumerate() {
            map.serialize_entry(name, self.journey.cell(CellRef::new(self.phase, r)))?;
        }
        map.end()
    }
}

/// A finding as JSON: phases and rows named, not numbered. Shared with the report.
#[derive(Serialize)]
pub(crate) struct FindingDoc<'a> {
    id: &'a str,
    severity: &'a str,
    /// `null` for a finding about the whole journey.
    phase: Option<&'a str>,
    rows: Vec<&'a str>,
    cells: Vec<CellDoc<'a>>,
    message: &'a str,
}

#[derive(Serialize)]
pub(crate) struct CellDoc<'a> {
    pub(crate) phase: &'a str,
    pub(crate) row: &'a str,
}

impl<'a> FindingDoc<'a> {
    pub(crate) fn new(journey: &'a Journey, finding: &'a Finding) -> Self {
        let phase = |p: usize| journey.phases().get(p).map_or("", |p| p.name.as_str());
        let row = |r: usize| journey.rows().get(r).map_or("", String::as_str);
        Self {
            id: finding.id,
            severity: finding.severity.id(),
            phase: journey.phases().get(finding.phase).map(|p| p.name.as_str()),
            rows: finding.rows.iter().map(|&r| row(r)).collect(),
            cells: finding.cells.iter().map(|c| CellDoc { phase: phase(c.phase), row: row(c.row) }).collect(),
            message: &finding.message,
        }
    }
}
