//! The checks on the plan (the journey's `[[opportunity]]`), about the
//! journey as a whole, so they mark no cell and are resolved by editing the
//! opportunity, not accepted:
//!
//! - `unjustified-change` (warning): an opportunity that does not say why it
//!   is needed (no `why`) or who gains from it (no `gains`);
//! - `stale-link` (info): a `why` that no longer names a line (reworded,
//!   deleted, its phase or row renamed) or a finding that no longer occurs;
//! - `unscored` (info): customer value, business value or effort is missing.
//!
//! They run after the other checks, over their findings (open and accepted),
//! in [`super::review`] and in the incremental [`super::Checker`] alike.

use super::{Finding, Review, Severity, TAG_CHECKS, is_off, normal};
use crate::journey::{Journey, Opportunity, Why};

/// The ids of these checks, in the order they run.
pub const PLAN_IDS: [&str; 3] = ["unjustified-change", "stale-link", "unscored"];

fn finding(id: &'static str, severity: Severity, o: &Opportunity, message: String) -> Finding {
    Finding {
        id,
        severity,
        phase: Finding::JOURNEY,
        rows: Vec::new(),
        cells: Vec::new(),
        message,
        subjects: vec![o.title.clone()],
    }
}

/// True when a finding of the check `check` about `subject` occurs.
fn occurs(journey: &Journey, findings: &[&Finding], check: &str, subject: Option<&str>) -> bool {
    let stemmer = normal::stemmer(journey.language());
    let same = |a: &str, b: &str| {
        if TAG_CHECKS.contains(&check) {
            a.trim_start_matches('#').to_lowercase() == b.trim_start_matches('#').to_lowercase()
        } else {
            normal::key(a, &stemmer) == normal::key(b, &stemmer)
        }
    };
    findings.iter().filter(|f| f.id == check).any(|f| match subject {
        None => true,
        Some(s) => f.subjects.iter().any(|x| same(x, s)),
    })
}

/// The `why` entries of an opportunity that name nothing any more, in order.
pub fn stale_links<'a>(journey: &Journey, findings: &[&Finding], o: &'a Opportunity) -> Vec<&'a Why> {
    o.why
        .iter()
        .filter(|w| match w {
            Why::Line { .. } => crate::plan::lines_of(journey, w).is_empty(),
            // A switched-off check finds nothing: its links are not stale.
            Why::Finding { check, subject } => {
                !is_off(journey, check) && !occurs(journey, findings, check, subject.as_deref())
            }
        })
        .collect()
}

fn describe(w: &Why) -> String {
    match w {
        Why::Line { phase, row, line } => format!("the line \"{line}\" in {phase} › {row}"),
        Why::Finding { check, subject: Some(s) } => format!("the finding {check} \"{s}\""),
        Why::Finding { check, subject: None } => format!("the finding {check}"),
    }
}

/// The plan's findings, given the other findings of the journey.
pub(super) fn run(journey: &Journey, findings: &[&Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in &journey.opportunities {
        if !is_off(journey, "unjustified-change") && (o.why.is_empty() || o.gains.is_empty()) {
            let missing = match (o.why.is_empty(), o.gains.is_empty()) {
                (true, true) => "why it is needed and who gains from it",
                (true, false) => "why it is needed",
                _ => "who gains from it",
            };
            let message = format!(
                "The opportunity \"{}\" does not say {missing}: link it to what justifies it (O), name who gains.",
                o.title
            );
            out.push(finding("unjustified-change", Severity::Warning, o, message));
        }
        if !is_off(journey, "stale-link") {
            for w in stale_links(journey, findings, o) {
                let message = format!(
                    "The opportunity \"{}\" links to {}, which is no longer there: link it again, or remove the link.",
                    o.title,
                    describe(w)
                );
                out.push(finding("stale-link", Severity::Info, o, message));
            }
        }
        let scored = o.customer_value.is_some() && o.business_value.is_some() && o.effort.is_some();
        if !is_off(journey, "unscored") && !scored {
            let message = format!(
                "The opportunity \"{}\" is not scored yet: give it customer value, business value and effort (1 to 3).",
                o.title
            );
            out.push(finding("unscored", Severity::Info, o, message));
        }
    }
    out
}

/// Replace the plan's findings in a review with fresh ones (what the
/// incremental checker does after every change: they are few and cheap).
pub(super) fn refresh(journey: &Journey, review: &mut Review) {
    review.open.retain(|f| !PLAN_IDS.contains(&f.id));
    if journey.opportunities.is_empty() {
        return;
    }
    let others: Vec<&Finding> = review.open.iter().chain(review.accepted.iter().map(|a| &a.finding)).collect();
    let found = run(journey, &others);
    review.open.extend(found);
    super::sort(&mut review.open);
}
