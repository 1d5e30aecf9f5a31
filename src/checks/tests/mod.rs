//! Tests of the checks. Helpers build small journeys and reduce findings to
//! `(id, phase name, row names)` so expectations read like the samples' notes.

mod api;
mod checker;
mod conflicts;
mod grid;
mod messages;
mod owner;
mod plan;
mod precision;
mod presence;
mod review;
mod samples;
mod tags;
mod walls;

use super::{Finding, check};
use crate::journey::{CellRef, Change, Journey};

pub(super) const EN: [&str; 5] = ["Need", "Touchpoints", "Message", "Organization", "Systems"];
pub(super) const NL: [&str; 5] = ["Behoefte", "Contactpunten", "Boodschap", "Organisatie", "Systemen"];
pub(super) const SV: [&str; 5] = ["Behov", "Kontaktpunkter", "Budskap", "Organisation", "System"];

/// Role positions in the row arrays above.
pub(super) const N: usize = 0;
pub(super) const T: usize = 1;
pub(super) const M: usize = 2;
pub(super) const O: usize = 3;
pub(super) const S: usize = 4;

pub(super) fn set(j: &mut Journey, phase: usize, row: usize, text: &str) {
    Change::SetCell { at: CellRef::new(phase, row), text: text.into() }.apply(j).unwrap();
}

/// One phase "Service" where every check is satisfied.
pub(super) fn consistent(rows: [&str; 5]) -> Journey {
    let mut j = Journey::new("T", "P", rows, ["Service"]);
    set(&mut j, 0, N, "Quick help");
    set(&mut j, 0, T, "#web form\n#phone line");
    set(&mut j, 0, M, "#web reply time: within a day\n#phone we call back");
    set(&mut j, 0, O, "Support owns #web and #phone");
    set(&mut j, 0, S, "#web CRM\n#phone PBX");
    j
}

/// The same journey with one cell changed.
pub(super) fn with(rows: [&str; 5], row: usize, text: &str) -> Journey {
    let mut j = consistent(rows);
    set(&mut j, 0, row, text);
    j
}

pub(super) type Brief = (&'static str, String, Vec<String>);

/// Each finding as (id, phase name, row names).
pub(super) fn brief(j: &Journey, findings: &[Finding]) -> Vec<Brief> {
    findings
        .iter()
        .map(|f| {
            let rows = f.rows.iter().map(|&r| j.rows()[r].clone()).collect();
            (f.id, j.phases()[f.phase].name.clone(), rows)
        })
        .collect()
}

pub(super) fn ids(j: &Journey) -> Vec<&'static str> {
    check(j).iter().map(|f| f.id).collect()
}

/// The one finding of this check; panics unless there is exactly one.
pub(super) fn only(j: &Journey, id: &str) -> Finding {
    let found: Vec<Finding> = check(j).into_iter().filter(|f| f.id == id).collect();
    assert_eq!(found.len(), 1, "expected one {id}, got {found:#?}");
    found.into_iter().next().unwrap()
}

pub(super) fn b(id: &'static str, phase: &str, rows: &[&str]) -> Brief {
    (id, phase.to_owned(), rows.iter().map(|r| (*r).to_owned()).collect())
}

#[test]
fn the_consistent_phase_has_no_findings_in_every_language() {
    for rows in [EN, NL, SV] {
        assert_eq!(check(&consistent(rows)), vec![], "{rows:?}");
    }
}
