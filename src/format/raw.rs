//! The file as TOML gives it, with the position of every value that can be
//! wrong, before any rule of the journey is checked.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub format: Option<Spanned<i64>>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub persona: String,
    pub lang: Option<Spanned<String>>,
    pub rows: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub roles: BTreeMap<Spanned<String>, Spanned<String>>,
    pub checks: Option<RawChecks>,
    #[serde(default)]
    pub accepted: Vec<Spanned<RawAcceptance>>,
    #[serde(default)]
    pub conflict: Vec<Spanned<super::unresolved::RawConflict>>,
    #[serde(default)]
    pub phase: Vec<Spanned<RawPhase>>,
    #[serde(default)]
    pub inbox: Vec<Spanned<RawNote>>,
    #[serde(default)]
    pub sources: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub opportunity: Vec<Spanned<super::plan::RawOpportunity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChecks {
    #[serde(default)]
    pub off: Vec<Spanned<String>>,
    #[serde(default)]
    pub external: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPhase {
    pub name: Option<Spanned<String>>,
    pub mood: Option<Spanned<i64>>,
    /// `[phase.moods]`: each source's mood, checked in `build`.
    #[serde(default)]
    pub moods: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    pub cells: BTreeMap<Spanned<String>, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAcceptance {
    pub check: Option<Spanned<String>>,
    pub phase: Option<Spanned<String>>,
    #[serde(default)]
    pub rows: Vec<String>,
    pub subject: Option<String>,
    #[serde(default)]
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNote {
    pub text: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    pub at: Option<Spanned<String>>,
}
