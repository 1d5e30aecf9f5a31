//! JSON: the whole journey plus its findings, for scripts.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::checks::Finding;
use crate::format::FORMAT_VERSION;
use crate::journey::{CellRef, Journey};

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
///   "rows": ["Need", "Touchpoints", …],
///   "roles": { "Need": "need", "Touchpoints": "touchpoints", … },
///   "checks_off": ["inside-out", …],
///   "phases": [
///     { "name": "Orientation", "cells": { "Need": "…", "Touchpoints": "", … } }
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
/// - `checks_off` lists the check ids the journey switches off, as in the file.
/// - Each phase's `cells` has every row as a key, in row order; an empty
///   cell is `""`. Multi-line text keeps its `\n`.
/// - `findings` are in the given order; phases and rows are named, not numbered.
pub fn to_json(journey: &Journey, findings: &[Finding]) -> String {
    let doc = Doc {
        format: FORMAT_VERSION,
        title: &journey.title,
        persona: &journey.persona,
        rows: journey.rows(),
        roles: Roles(journey),
        checks_off: &journey.checks_off,
        phases: (journey.phases().iter().enumerate())
            .map(|(p, phase)| PhaseDoc { name: &phase.name, cells: PhaseCells { journey, phase: p } })
            .collect(),
        findings: findings.iter().map(|f| FindingDoc::new(journey, f)).collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("a journey is always valid JSON");
    out.push('\n');
    out
}

#[derive(Serialize)]
struct Doc<'a> {
    format: i64,
    title: &'a str,
    persona: &'a str,
    rows: &'a [String],
    roles: Roles<'a>,
    checks_off: &'a [String],
    phases: Vec<PhaseDoc<'a>>,
    findings: Vec<FindingDoc<'a>>,
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

#[derive(Serialize)]
struct FindingDoc<'a> {
    id: &'a str,
    severity: &'a str,
    phase: &'a str,
    rows: Vec<&'a str>,
    cells: Vec<CellDoc<'a>>,
    message: &'a str,
}

#[derive(Serialize)]
struct CellDoc<'a> {
    phase: &'a str,
    row: &'a str,
}

impl<'a> FindingDoc<'a> {
    fn new(journey: &'a Journey, finding: &'a Finding) -> Self {
        let phase = |p: usize| journey.phases().get(p).map_or("", |p| p.name.as_str());
        let row = |r: usize| journey.rows().get(r).map_or("", String::as_str);
        Self {
            id: finding.id,
            severity: finding.severity.id(),
            phase: phase(finding.phase),
            rows: finding.rows.iter().map(|&r| row(r)).collect(),
            cells: finding.cells.iter().map(|c| CellDoc { phase: phase(c.phase), row: row(c.row) }).collect(),
            message: &finding.message,
        }
    }
}
