//! From the raw TOML to a journey: every rule of format 1 checked, each
//! mistake reported at its line and column.

use std::ops::Range;

use toml::Spanned;

use super::raw::{RawAcceptance, RawFile, RawNote};
use super::{FIX_HINT, FORMAT_VERSION, FormatError};
use crate::journey::{Acceptance, CellRef, Change, Journey, Language, MOOD_RANGE, Note, Role, is_source_name};

type Result<T> = std::result::Result<T, FormatError>;

/// Reports mistakes in one file's text.
struct Errors<'a> {
    text: &'a str,
}

impl Errors<'_> {
    fn at(&self, span: Range<usize>, message: String, hint: &str) -> FormatError {
        FormatError::at(self.text, span.start, message, hint)
    }

    /// A required field that is missing from the table at `span`.
    fn missing(&self, span: Range<usize>, what: &str, hint: &str) -> FormatError {
        self.at(span, format!("missing `{what}`"), hint)
    }
}

pub(super) fn build(text: &str, raw: RawFile) -> Result<Journey> {
    let e = Errors { text };
    check_format(&e, raw.format.as_ref())?;
    let rows = row_names(&e, raw.rows.as_ref())?;
    let phases = phase_names(&e, &raw.phase, text.len())?;
    let mut journey = Journey::new(&raw.title, &raw.persona, rows, phases);
    if let Some(lang) = &raw.lang {
        journey.lang = Some(Language::from_code(lang.get_ref()).ok_or_else(|| {
            e.at(lang.span(), format!("\"{}\" is not a language jgrid knows", lang.get_ref()), "use en, nl or sv")
        })?);
    }
    roles(&e, &raw.roles, &mut journey)?;
    if let Some(checks) = &raw.checks {
        for id in &checks.off {
            check_id(&e, id)?;
            if !journey.checks_off.contains(id.get_ref()) {
                journey.checks_off.push(id.get_ref().clone());
            }
        }
        for tag in &checks.external {
            let name = tag.get_ref().trim().trim_start_matches('#');
            if !crate::journey::is_source_name(name) {
                return Err(e.at(
                    tag.span(),
                    format!("\"{}\" is not a channel tag", tag.get_ref()),
                    "write the tag without # (letters, digits, - and _), for example external = [\"search\"]",
                ));
            }
            if !journey.is_external(name) {
                journey.external.push(name.to_owned());
            }
        }
    }
    for (p, phase) in raw.phase.iter().enumerate() {
        if let Some(mood) = &phase.get_ref().mood {
            let m = *mood.get_ref();
            if !(i64::from(*MOOD_RANGE.start())..=i64::from(*MOOD_RANGE.end())).contains(&m) {
                return Err(e.at(
                    mood.span(),
                    format!("mood {m} is out of range"),
                    "a mood is -2, -1, 0, 1 or 2; leave it out when unknown",
                ));
            }
            let change = Change::SetMood { phase: p, mood: Some(m as i8) };
            change.apply(&mut journey).map_err(|err| e.at(mood.span(), err.to_string(), FIX_HINT))?;
        }
        source_moods(&e, p, phase.get_ref(), &mut journey)?;
    }
    cells(&e, &raw, &mut journey)?;
    for acceptance in &raw.accepted {
        journey.accepted.push(accepted(&e, acceptance)?);
    }
    for conflict in &raw.conflict {
        journey.unresolved.push(super::unresolved::read(text, conflict)?);
    }
    for note in &raw.inbox {
        journey.inbox.push(inbox_note(&e, note)?);
    }
    let spot = super::plan::Spot { text, base: 0, skip: 0 };
    journey.sources = super::plan::read_sources(spot, &raw.sources)?;
    for raw in &raw.opportunity {
        let o = super::plan::read(spot, raw)?;
        if journey.opportunities.iter().any(|x| x.title == o.title) {
            let title = raw.get_ref().title.as_ref().map_or(raw.span(), Spanned::span);
            return Err(e.at(
                title,
                format!("two opportunities are titled \"{}\"", o.title),
                "give every opportunity a different title (the merge follows them by title)",
            ));
        }
        journey.opportunities.push(o);
    }
    journey.log = raw.log.iter().map(|l| super::log::read(text, l)).collect::<Result<_>>()?;
    Ok(journey)
}

/// A phase's `[phase.moods]`: source names as `[sources]` spells them, each
/// once (in any case), with a mood from -2 to 2.
fn source_moods(e: &Errors, p: usize, phase: &super::raw::RawPhase, journey: &mut Journey) -> Result<()> {
    let hint = "a mood is -2, -1, 0, 1 or 2, for example sara = -1; leave the source out when unknown";
    // In the file's order, so a name given twice is reported where it is given again.
    let mut moods: Vec<_> = phase.moods.iter().collect();
    moods.sort_by_key(|(name, _)| name.span().start);
    for (name, value) in moods {
        let key = crate::journey::source_key(name.get_ref());
        if !is_source_name(&key) {
            let hint =
                "a source is a name of letters, digits, - and _ (with a letter), without @; for example sara = -1";
            let message = format!("\"{}\" is not a source name", crate::text::one_line(name.get_ref()));
            return Err(e.at(name.span(), message, hint));
        }
        if journey.phases()[p].moods.contains_key(&key) {
            let message = format!("the mood of @{key} is given twice in this phase");
            return Err(e.at(name.span(), message, "keep one line per source (names are read in any case)"));
        }
        let mood = match value.get_ref().as_integer() {
            Some(m) if (i64::from(*MOOD_RANGE.start())..=i64::from(*MOOD_RANGE.end())).contains(&m) => m as i8,
            Some(m) => return Err(e.at(value.span(), format!("the mood of @{key} is {m}, out of range"), hint)),
            None => return Err(e.at(value.span(), format!("the mood of @{key} is not a whole number"), hint)),
        };
        let change = Change::SetSourceMood { phase: p, source: key, mood: Some(mood) };
        change.apply(journey).map_err(|err| e.at(value.span(), err.to_string(), FIX_HINT))?;
    }
    Ok(())
}

fn check_format(e: &Errors, format: Option<&Spanned<i64>>) -> Result<()> {
    match format {
        None => Err(e.at(0..0, "missing `format = 1` at the top".into(), "add the line `format = 1` at the top")),
        Some(f) if *f.get_ref() > FORMAT_VERSION => Err(e.at(
            f.span(),
            format!("format {} is newer than this jgrid reads (format {FORMAT_VERSION})", f.get_ref()),
            "update jgrid to open this file",
        )),
        Some(f) if *f.get_ref() < 1 => {
            Err(e.at(f.span(), format!("format {} does not exist", f.get_ref()), "use `format = 1`"))
        }
        Some(_) => Ok(()),
    }
}

fn check_id(e: &Errors, id: &Spanned<String>) -> Result<()> {
    if crate::journey::IDS.contains(&id.get_ref().as_str()) {
        return Ok(());
    }
    Err(e.at(
        id.span(),
        format!("\"{}\" is not a check", id.get_ref()),
        &format!("use one of: {}", crate::journey::IDS.join(", ")),
    ))
}

fn row_names(e: &Errors, rows: Option<&Spanned<Vec<Spanned<String>>>>) -> Result<Vec<String>> {
    let Some(rows) = rows else {
        return Err(e.at(
            0..0,
            "missing `rows = [...]`".into(),
            "add for example `rows = [\"Need\", \"Touchpoints\", \"Message\", \"Organization\", \"Systems\"]`",
        ));
    };
    if rows.get_ref().is_empty() {
        return Err(e.at(rows.span(), "`rows` is empty".into(), "name at least one row"));
    }
    let mut names: Vec<String> = Vec::new();
    for row in rows.get_ref() {
        let name = row.get_ref();
        if name.trim().is_empty() {
            return Err(e.at(row.span(), "a row name is empty".into(), "give every row a name"));
        }
        if names.contains(name) {
            return Err(e.at(
                row.span(),
                format!("the row \"{name}\" is listed twice"),
                "give every row a different name",
            ));
        }
        names.push(name.clone());
    }
    Ok(names)
}

fn phase_names(e: &Errors, phases: &[Spanned<super::raw::RawPhase>], end: usize) -> Result<Vec<String>> {
    if phases.is_empty() {
        return Err(e.at(
            end..end,
            "the journey has no phases".into(),
            "add at least one `[[phase]]` with a `name = \"...\"`",
        ));
    }
    let mut names: Vec<String> = Vec::new();
    for phase in phases {
        let Some(name) = &phase.get_ref().name else {
            return Err(e.at(phase.span(), "this phase has no name".into(), "add `name = \"...\"` under `[[phase]]`"));
        };
        let n = name.get_ref();
        if n.trim().is_empty() {
            return Err(e.at(name.span(), "the phase name is empty".into(), "give every phase a name"));
        }
        if names.contains(n) {
            return Err(e.at(
                name.span(),
                format!("the phase \"{n}\" appears twice"),
                "give every phase a different name",
            ));
        }
        names.push(n.clone());
    }
    Ok(names)
}

fn roles(
    e: &Errors,
    roles: &std::collections::BTreeMap<Spanned<String>, Spanned<String>>,
    journey: &mut Journey,
) -> Result<()> {
    for (row, role) in roles {
        let Some(index) = journey.row_index(row.get_ref()) else {
            return Err(e.at(
                row.span(),
                format!(
                    "[roles] names \"{}\", which is not one of the rows ({})",
                    row.get_ref(),
                    journey.rows().join(", ")
                ),
                "correct the row name or remove the line",
            ));
        };
        let Some(r) = Role::from_id(role.get_ref()) else {
            let ids: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
            return Err(e.at(
                role.span(),
                format!("\"{}\" is not a role", role.get_ref()),
                &format!("use one of: {}", ids.join(", ")),
            ));
        };
        journey.set_explicit_role(index, Some(r));
    }
    Ok(())
}

fn cells(e: &Errors, raw: &RawFile, journey: &mut Journey) -> Result<()> {
    // Report unknown rows in file order, so the first one in the file is named.
    let mut cells: Vec<(usize, &Spanned<String>, &String)> = Vec::new();
    for (p, phase) in raw.phase.iter().enumerate() {
        cells.extend(phase.get_ref().cells.iter().map(|(k, v)| (p, k, v)));
    }
    cells.sort_by_key(|(_, k, _)| k.span().start);
    for (p, key, value) in cells {
        let Some(r) = journey.row_index(key.get_ref()) else {
            return Err(e.at(
                key.span(),
                format!("\"{}\" is not one of the rows ({})", key.get_ref(), journey.rows().join(", ")),
                "add the row to `rows` at the top, or correct the name",
            ));
        };
        let change = Change::SetCell { at: CellRef::new(p, r), text: value.clone() };
        change.apply(journey).map_err(|err| e.at(key.span(), err.to_string(), FIX_HINT))?;
    }
    Ok(())
}

fn accepted(e: &Errors, raw: &Spanned<RawAcceptance>) -> Result<Acceptance> {
    let a = raw.get_ref();
    let hint = "an [[accepted]] table needs `check` and `phase` (and usually `rows`, `subject` and `reason`)";
    let check = a.check.as_ref().ok_or_else(|| e.missing(raw.span(), "check", hint))?;
    check_id(e, check)?;
    let phase = a.phase.as_ref().ok_or_else(|| e.missing(raw.span(), "phase", hint))?;
    Ok(Acceptance {
        check: check.get_ref().clone(),
        phase: phase.get_ref().clone(),
        rows: a.rows.clone(),
        subject: a.subject.clone(),
        reason: a.reason.clone(),
    })
}

fn inbox_note(e: &Errors, raw: &Spanned<RawNote>) -> Result<Note> {
    let n = raw.get_ref();
    let hint = "an [[inbox]] note needs `text` and `at` (and may have `source`)";
    let text = n.text.as_ref().ok_or_else(|| e.missing(raw.span(), "text", hint))?;
    let at = n.at.as_ref().ok_or_else(|| e.missing(raw.span(), "at", hint))?;
    let source = note_time_and_source(e.text, at, n.source.as_ref())?;
    Ok(Note { text: text.get_ref().clone(), source, at: at.get_ref().clone() })
}

/// Check the `at` and `source` of a captured note (an `[[inbox]]` note or a
/// `[[log]]` entry) in `text`: an RFC 3339 time, and a source name (an `@`
/// before it is dropped). Returns the source.
pub(super) fn note_time_and_source(
    text: &str,
    at: &Spanned<String>,
    source: Option<&Spanned<String>>,
) -> Result<Option<String>> {
    let e = Errors { text };
    if crate::journey::parse_rfc3339(at.get_ref()).is_none() {
        return Err(e.at(
            at.span(),
            format!("\"{}\" is not an RFC 3339 time", at.get_ref()),
            "write it like \"2026-12-01T14:03:12Z\"",
        ));
    }
    let Some(s) = source else { return Ok(None) };
    let name = s.get_ref().trim().trim_start_matches('@');
    if !is_source_name(name) {
        return Err(e.at(
            s.span(),
            format!("\"{}\" is not a source name", s.get_ref()),
            "a source is a name of letters, digits, - and _ (with a letter), without @",
        ));
    }
    Ok(Some(name.to_owned()))
}
