//! `jgrid.toml`: a portfolio's name, its shared checks and its aliases.
//!
//! ```toml
//! name = "Acme Telecom"
//!
//! [checks]
//! off = ["inside-out"]            # switched off in every journey, and across journeys
//! external = ["search"]           # channels the organisation does not run
//!
//! [aliases.channels]
//! phone = ["hotline", "call-centre"]
//!
//! [aliases.teams]
//! "Customer service" = ["Support", "CS"]
//!
//! [aliases.systems]
//! CRM = ["Salesforce"]
//! ```
//!
//! Every mistake is reported at its line and column. A journey finds the
//! file that applies to it by walking up from its own folder ([`find`]).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::journey::{Alias, PortfolioRules, is_source_name};
use crate::text::{line_column, sanitize};

/// The file name of a portfolio's rules.
pub const FILE_NAME: &str = "jgrid.toml";

/// A mistake in a `jgrid.toml`, with its 1-based position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message} (hint: {hint})")]
pub struct ConfigError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

impl ConfigError {
    fn at(text: &str, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) -> Self {
        let (line, column) = line_column(text, span.start);
        Self { line, column, message: message.into(), hint: hint.into() }
    }

    /// `FILE:LINE:COLUMN: message` and the hint on its own line, control
    /// characters made visible.
    pub fn render(&self, file: &Path) -> String {
        let message = sanitize(&self.message.replace('\n', " ")).into_owned();
        let hint = sanitize(&self.hint.replace('\n', " ")).into_owned();
        let file = sanitize(&file.display().to_string()).into_owned();
        format!("{file}:{}:{}: {message}\n  hint: {hint}", self.line, self.column)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    name: String,
    checks: Option<RawChecks>,
    #[serde(default)]
    aliases: RawAliases,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecks {
    #[serde(default)]
    off: Vec<Spanned<String>>,
    #[serde(default)]
    external: Vec<Spanned<String>>,
}

type RawTable = BTreeMap<Spanned<String>, Vec<Spanned<String>>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAliases {
    #[serde(default)]
    channels: RawTable,
    #[serde(default)]
    teams: RawTable,
    #[serde(default)]
    systems: RawTable,
}

const FIX: &str = "fix jgrid.toml in a text editor; jgrid did not change it";

/// Every check id a `jgrid.toml` may switch off: the checks of one
/// journey and the checks across journeys.
pub fn known_checks() -> Vec<&'static str> {
    crate::checks::IDS.iter().chain(super::CROSS_IDS.iter()).copied().collect()
}

/// Read a `jgrid.toml`'s text. `source` is its path as shown in messages.
pub fn parse(text: &str, source: &str) -> Result<PortfolioRules, ConfigError> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        ConfigError::at(text, span, e.message().trim().trim_end_matches('.'), FIX)
    })?;
    let channels = aliases(text, &raw.aliases.channels, true)?;
    let teams = aliases(text, &raw.aliases.teams, false)?;
    let systems = aliases(text, &raw.aliases.systems, false)?;
    let mut rules = PortfolioRules::new(raw.name.trim(), source, channels, teams, systems);
    if let Some(checks) = raw.checks {
        let known = known_checks();
        for id in &checks.off {
            if !known.contains(&id.get_ref().trim()) {
                return Err(ConfigError::at(
                    text,
                    id.span(),
                    format!("\"{}\" is not a check", id.get_ref()),
                    format!("use one of: {}", known.join(", ")),
                ));
            }
            if !rules.checks_off.iter().any(|o| o == id.get_ref().trim()) {
                rules.checks_off.push(id.get_ref().trim().to_owned());
            }
        }
        for tag in &checks.external {
            let name = tag_name(text, tag)?;
            if !rules.external.iter().any(|e| e.eq_ignore_ascii_case(name)) {
                rules.external.push(name.to_owned());
            }
        }
    }
    Ok(rules)
}

/// A channel as written in the file, without `#`; an error unless it is a tag.
fn tag_name<'t>(text: &str, tag: &'t Spanned<String>) -> Result<&'t str, ConfigError> {
    let name = tag.get_ref().trim().trim_start_matches('#');
    if is_source_name(name) {
        return Ok(name);
    }
    Err(ConfigError::at(
        text,
        tag.span(),
        format!("\"{}\" is not a channel tag", tag.get_ref()),
        "write a channel as a tag without # (letters, digits, - and _ with at least one letter), for example \"phone\"",
    ))
}

/// One `[aliases.*]` table: every spelling means one name only, and no name
/// is an alias of another. Channels must be tags; teams and systems any
/// words (they compare as the owner rule compares them).
fn aliases(text: &str, table: &RawTable, channels: bool) -> Result<Vec<Alias>, ConfigError> {
    // Each spelling (compared as channels or owners compare) to the name it belongs to.
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    let compare = |s: &str| {
        if channels { s.trim_start_matches('#').to_lowercase() } else { crate::checks::normal::words(s).join(" ") }
    };
    // In the order written, so a clash is reported at the second spelling.
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    for (name, spellings) in entries {
        let shown = if channels { tag_name(text, name)?.to_owned() } else { owner_name(text, name)? };
        let mut alias = Alias { name: shown.clone(), aliases: Vec::new() };
        for (spelling, span) in
            std::iter::once((name.get_ref(), name.span())).chain(spellings.iter().map(|s| (s.get_ref(), s.span())))
        {
            let written = if channels {
                tag_name(text, &Spanned::new(span.clone(), spelling.clone()))?.to_owned()
            } else {
                owner_name(text, &Spanned::new(span.clone(), spelling.clone()))?
            };
            let key = compare(&written);
            match seen.get(&key) {
                Some(other) if *other != shown => {
                    return Err(ConfigError::at(
                        text,
                        span,
                        format!("\"{written}\" already means \"{other}\""),
                        "a spelling can mean one name only: keep it in one list",
                    ));
                }
                Some(_) if span != name.span() => {}
                _ => {
                    seen.insert(key.clone(), shown.clone());
                }
            }
            if key != compare(&shown) && !alias.aliases.contains(&written) {
                alias.aliases.push(written);
            }
        }
        out.push(alias);
    }
    Ok(out)
}

/// A team's or system's name: any words, not empty.
fn owner_name(text: &str, name: &Spanned<String>) -> Result<String, ConfigError> {
    let written = name.get_ref().split_whitespace().collect::<Vec<_>>().join(" ");
    if crate::checks::normal::words(&written).is_empty() {
        return Err(ConfigError::at(
            text,
            name.span(),
            format!("\"{}\" names no team or system", name.get_ref()),
            "write the name as the journeys write it, for example \"Customer service\"",
        ));
    }
    Ok(written)
}

/// The `jgrid.toml` that applies to a journey or folder at `start` (a
/// folder, or a file whose folder is meant): the first one found walking up
/// from there, stopping after a folder that holds `.git` (the top of a
/// repository) or at the file system's root.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = if start.is_dir() { start } else { start.parent()? };
    let start = if start.as_os_str().is_empty() { Path::new(".") } else { start };
    let real = std::fs::canonicalize(start).ok()?;
    // Shown as the user wrote the path: its own ancestors first, then `..` above them.
    let written: Vec<&Path> = start.ancestors().filter(|a| !a.as_os_str().is_empty()).collect();
    for (k, folder) in real.ancestors().enumerate() {
        if folder.join(FILE_NAME).is_file() {
            let shown = match written.get(k) {
                Some(a) if !start.is_absolute() && *a != Path::new(".") => a.join(FILE_NAME),
                _ if start.is_absolute() => folder.join(FILE_NAME),
                _ => {
                    let up = k + 1 - written.len() + usize::from(written.last() == Some(&Path::new(".")));
                    let mut path: PathBuf = std::iter::repeat_n("..", up.saturating_sub(1)).collect();
                    path.push(FILE_NAME);
                    path
                }
            };
            return Some(shown);
        }
        if folder.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Read and parse the `jgrid.toml` at `path`; its message says what is
/// wrong and where (`FILE:LINE:COLUMN: ...`).
pub fn load(path: &Path) -> Result<PortfolioRules, String> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        format!("{}: cannot read: {}\n  hint: check the file's permissions (ls -l)", sanitize(&shown), e)
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{}: the file is not UTF-8 text\n  hint: save it as UTF-8", sanitize(&shown)))?;
    parse(&text, &shown).map_err(|e| e.render(path))
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
