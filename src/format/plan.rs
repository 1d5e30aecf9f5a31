//! The file's `[[opportunity]]` tables and its `[sources]` table: read with
//! every value checked at its line and column, written in one canonical form.
//!
//! ```toml
//! [sources]
//! sara = "customer, 29, switched in March"
//!
//! [[opportunity]]
//! title = "Tell the customer the switch date"
//! why = [
//!   { phase = "Wait", row = "Need", line = "Heard nothing for two weeks" },
//!   { check = "conflicting-message", subject = "switch time" },
//! ]
//! gains = ["customer", "Support"]
//! customer_value = 3
//! business_value = 2
//! effort = 1
//! owner = "Support"
//! status = "planned"
//! solutions = """
//! SMS on the switch day
//! switch date in the app"""
//! ```
//!
//! A merge conflict about one field (`about = "opportunity"`) names the
//! opportunity by `title`, the `field`, and holds theirs' value as `theirs`,
//! written as the field itself is.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::FormatError;
use crate::journey::{Opportunity, PlanField, SCORE_RANGE, Status, Why, is_source_name};

type Result<T> = std::result::Result<T, FormatError>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOpportunity {
    pub title: Option<Spanned<String>>,
    #[serde(default)]
    pub why: Vec<Spanned<RawWhy>>,
    #[serde(default)]
    pub gains: Vec<Spanned<String>>,
    pub customer_value: Option<Spanned<i64>>,
    pub business_value: Option<Spanned<i64>>,
    pub effort: Option<Spanned<i64>>,
    #[serde(default)]
    pub owner: String,
    pub status: Option<Spanned<String>>,
    #[serde(default)]
    pub solutions: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWhy {
    pub phase: Option<String>,
    pub row: Option<String>,
    pub line: Option<String>,
    pub check: Option<Spanned<String>>,
    pub subject: Option<String>,
}

/// Positions in the text parsed map to positions in the file: `base + p - skip`
/// (a conflict's `theirs` is parsed on its own, behind a short prefix).
#[derive(Clone, Copy)]
pub(super) struct Spot<'a> {
    pub text: &'a str,
    pub base: usize,
    pub skip: usize,
}

impl Spot<'_> {
    fn at(&self, span: Range<usize>, message: String, hint: &str) -> FormatError {
        let offset = (self.base + span.start).saturating_sub(self.skip).min(self.text.len());
        FormatError::at(self.text, offset, message, hint)
    }
}

fn score(spot: Spot, field: &Option<Spanned<i64>>, key: &str) -> Result<Option<u8>> {
    let Some(v) = field else { return Ok(None) };
    let n = *v.get_ref();
    if (i64::from(*SCORE_RANGE.start())..=i64::from(*SCORE_RANGE.end())).contains(&n) {
        return Ok(Some(n as u8));
    }
    Err(spot.at(
        v.span(),
        format!("{key} {n} is out of range"),
        "a score is 1 (low), 2 or 3 (high); leave it out while unscored",
    ))
}

/// Read one `[[opportunity]]` table.
pub(super) fn read(spot: Spot, raw: &Spanned<RawOpportunity>) -> Result<Opportunity> {
    let o = raw.get_ref();
    let title = match &o.title {
        Some(t) if !t.get_ref().trim().is_empty() => t.get_ref().clone(),
        Some(t) => return Err(spot.at(t.span(), "the opportunity's title is empty".into(), "give it a title")),
        None => {
            return Err(spot.at(raw.span(), "this [[opportunity]] has no `title`".into(), "add `title = \"...\"`"));
        }
    };
    let mut why = Vec::with_capacity(o.why.len());
    for w in &o.why {
        why.push(read_why(spot, w)?);
    }
    let mut gains = Vec::with_capacity(o.gains.len());
    for g in &o.gains {
        if g.get_ref().trim().is_empty() {
            return Err(spot.at(g.span(), "an empty name in `gains`".into(), "name who gains: \"customer\" or a team"));
        }
        gains.push(g.get_ref().clone());
    }
    let status = match &o.status {
        None => Status::default(),
        Some(s) => Status::from_id(s.get_ref()).ok_or_else(|| {
            let ids: Vec<&str> = Status::ALL.iter().map(|s| s.id()).collect();
            spot.at(
                s.span(),
                format!("\"{}\" is not a status", s.get_ref()),
                &format!("use one of: {}", ids.join(", ")),
            )
        })?,
    };
    Ok(Opportunity {
        title,
        why,
        gains,
        customer_value: score(spot, &o.customer_value, "customer_value")?,
        business_value: score(spot, &o.business_value, "business_value")?,
        effort: score(spot, &o.effort, "effort")?,
        owner: o.owner.clone(),
        status,
        solutions: o.solutions.clone(),
    })
}

fn read_why(spot: Spot, raw: &Spanned<RawWhy>) -> Result<Why> {
    let w = raw.get_ref();
    let hint = "a why is { phase = \"...\", row = \"...\", line = \"...\" } or { check = \"...\", subject = \"...\" }";
    match (&w.check, &w.phase, &w.row, &w.line) {
        (Some(check), None, None, None) => {
            if !crate::journey::IDS.contains(&check.get_ref().as_str()) {
                let ids = format!("use one of: {}", crate::journey::IDS.join(", "));
                return Err(spot.at(check.span(), format!("\"{}\" is not a check", check.get_ref()), &ids));
            }
            Ok(Why::Finding { check: check.get_ref().clone(), subject: w.subject.clone() })
        }
        (None, Some(phase), Some(row), Some(line)) if w.subject.is_none() => {
            Ok(Why::Line { phase: phase.clone(), row: row.clone(), line: line.clone() })
        }
        _ => Err(spot.at(raw.span(), "this why names neither one line nor one finding".into(), hint)),
    }
}

/// Read the `[sources]` table: descriptions by source name.
pub(super) fn read_sources(
    spot: Spot,
    raw: &BTreeMap<Spanned<String>, Spanned<String>>,
) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (name, description) in raw {
        let n = name.get_ref().trim_start_matches('@');
        if !is_source_name(n) {
            let hint = "a source is a name of letters, digits, - and _ (with a letter), without @";
            return Err(spot.at(name.span(), format!("\"{}\" is not a source name", name.get_ref()), hint));
        }
        out.insert(n.to_lowercase(), description.get_ref().clone());
    }
    Ok(out)
}

/// Read theirs' value of an opportunity conflict: `theirs` is read as the
/// field itself would be, so it is checked the same way.
pub(super) fn read_theirs(text: &str, field: PlanField, theirs: Option<&Spanned<toml::Value>>) -> Result<Opportunity> {
    let Some(theirs) = theirs else {
        // Theirs has no value: an empty field (unscored, no owner).
        return Ok(Opportunity::default());
    };
    let prefix = format!("title = \"-\"\n{} = ", field.id());
    let doc = format!("{prefix}{}\n", &text[theirs.span()]);
    let spot = Spot { text, base: theirs.span().start, skip: prefix.len() };
    let raw: Spanned<RawOpportunity> =
        toml::from_str::<RawOpportunity>(&doc).map(|o| Spanned::new(prefix.len()..doc.len(), o)).map_err(|e| {
            spot.at(e.span().unwrap_or(prefix.len()..prefix.len()), e.message().trim().to_owned(), super::FIX_HINT)
        })?;
    let mut read = read(spot, &raw)?;
    read.title.clear();
    let mut only = Opportunity::default();
    field.copy(&read, &mut only);
    Ok(only)
}

/// The value of a field as the file writes it (after `key = `); `None` when
/// the field is left out (unscored, no owner, no solutions).
pub(super) fn field_value(o: &Opportunity, field: PlanField, string: &dyn Fn(&str) -> String) -> Option<String> {
    let list = |items: &[String]| format!("[{}]", items.iter().map(|s| string(s)).collect::<Vec<_>>().join(", "));
    match field {
        PlanField::Why if o.why.is_empty() => Some("[]".to_owned()),
        PlanField::Why => {
            let mut out = String::from("[\n");
            for w in &o.why {
                let _ = match w {
                    Why::Line { phase, row, line } => writeln!(
                        out,
                        "  {{ phase = {}, row = {}, line = {} }},",
                        string(phase),
                        string(row),
                        string(line)
                    ),
                    Why::Finding { check, subject: Some(s) } => {
                        writeln!(out, "  {{ check = {}, subject = {} }},", string(check), string(s))
                    }
                    Why::Finding { check, subject: None } => writeln!(out, "  {{ check = {} }},", string(check)),
                };
            }
            out.push(']');
            Some(out)
        }
        PlanField::Gains => Some(list(&o.gains)),
        PlanField::CustomerValue => o.customer_value.map(|s| s.to_string()),
        PlanField::BusinessValue => o.business_value.map(|s| s.to_string()),
        PlanField::Effort => o.effort.map(|s| s.to_string()),
        PlanField::Owner => (!o.owner.is_empty()).then(|| string(&o.owner)),
        PlanField::Status => Some(string(o.status.id())),
        PlanField::Solutions => (!o.solutions.is_empty()).then(|| super::write::value(&o.solutions)),
    }
}

/// Write one `[[opportunity]]` table (preceded by an empty line).
pub(super) fn write(out: &mut String, o: &Opportunity, string: &dyn Fn(&str) -> String) {
    let _ = write!(out, "\n[[opportunity]]\ntitle = {}\n", string(&o.title));
    for &field in PlanField::ALL {
        if let Some(v) = field_value(o, field, string) {
            let _ = writeln!(out, "{} = {v}", field.id());
        }
    }
}

/// Write the `[sources]` table, if there are descriptions.
pub(super) fn write_sources(
    out: &mut String,
    sources: &BTreeMap<String, String>,
    string: &dyn Fn(&str) -> String,
    key: &dyn Fn(&str) -> String,
) {
    if sources.is_empty() {
        return;
    }
    out.push_str("\n[sources]\n");
    for (name, description) in sources {
        let _ = writeln!(out, "{} = {}", key(name), string(description));
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
