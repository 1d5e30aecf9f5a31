//! The file's `[[conflict]]` tables: choices a merge left for a person
//! (see `journey::Unresolved`), read with every field checked and written
//! in one canonical form.
//!
//! ```toml
//! [[conflict]]
//! about = "mood"          # mood, source-mood, role, lang, phase-order, row-order, deleted-phase, deleted-row
//! phase = "Purchase"      # mood, source-mood (with `source = "sara"`), deleted-phase; `row` for role, deleted-row
//! theirs = -2             # mood, role, lang (left out: unknown or none); phase-order, row-order: names
//! ```
//!
//! A deletion says who deleted: `by = "ours"` or `by = "theirs"`. A record
//! may name a phase or row that is gone (renamed by hand): it still loads,
//! and the editor shows it where it can.

use std::fmt::Write as _;

use serde::Deserialize;
use toml::Spanned;

use super::FormatError;
use crate::journey::{Axis, Language, MOOD_RANGE, Role, Unresolved, Version};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConflict {
    pub about: Option<Spanned<String>>,
    pub phase: Option<Spanned<String>>,
    pub row: Option<Spanned<String>>,
    pub by: Option<Spanned<String>>,
    pub theirs: Option<Spanned<toml::Value>>,
    pub opportunity: Option<Spanned<String>>,
    pub field: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
}

const ABOUT: [&str; 10] = [
    "mood",
    "source-mood",
    "role",
    "lang",
    "phase-order",
    "row-order",
    "deleted-phase",
    "deleted-row",
    "opportunity",
    "source",
];

type Result<T> = std::result::Result<T, FormatError>;

/// Read one `[[conflict]]` table of `text`.
pub(super) fn read(text: &str, raw: &Spanned<RawConflict>) -> Result<Unresolved> {
    let c = raw.get_ref();
    let at =
        |span: std::ops::Range<usize>, message: String, hint: &str| FormatError::at(text, span.start, message, hint);
    let Some(about) = &c.about else {
        let hint = format!("add `about = \"...\"`, one of {}", ABOUT.join(", "));
        return Err(at(raw.span(), "this [[conflict]] has no `about`".into(), &hint));
    };
    let kind = about.get_ref().as_str();
    if !ABOUT.contains(&kind) {
        let hint = format!("use one of {}", ABOUT.join(", "));
        return Err(at(about.span(), format!("\"{kind}\" is not a kind of conflict"), &hint));
    }
    let phase_wanted = matches!(kind, "mood" | "source-mood" | "deleted-phase");
    let row_wanted = matches!(kind, "role" | "deleted-row");
    let by_wanted = kind.starts_with("deleted-");
    let theirs_wanted = !by_wanted;
    let plan_wanted = kind == "opportunity";
    for (present, wanted, key) in [
        (c.opportunity.as_ref().map(Spanned::span), plan_wanted, "opportunity"),
        (c.field.as_ref().map(Spanned::span), plan_wanted, "field"),
        (c.source.as_ref().map(Spanned::span), matches!(kind, "source" | "source-mood"), "source"),
        (c.phase.as_ref().map(Spanned::span), phase_wanted, "phase"),
        (c.row.as_ref().map(Spanned::span), row_wanted, "row"),
        (c.by.as_ref().map(Spanned::span), by_wanted, "by"),
        (c.theirs.as_ref().map(Spanned::span), theirs_wanted, "theirs"),
    ] {
        if let (Some(span), false) = (present, wanted) {
            return Err(at(span, format!("a {kind} conflict has no `{key}`"), "remove the line"));
        }
    }
    let name = |field: &Option<Spanned<String>>, key: &str| -> Result<String> {
        match field {
            Some(n) if !n.get_ref().trim().is_empty() => Ok(n.get_ref().clone()),
            Some(n) => Err(at(n.span(), format!("`{key}` is empty"), "name the phase or row it is about")),
            None => Err(at(raw.span(), format!("a {kind} conflict needs `{key}`"), &format!("add `{key} = \"...\"`"))),
        }
    };
    let theirs_string = |what: &str| -> Result<Option<(String, std::ops::Range<usize>)>> {
        match &c.theirs {
            None => Ok(None),
            Some(v) => match v.get_ref().as_str() {
                Some(s) => Ok(Some((s.to_owned(), v.span()))),
                None => Err(at(v.span(), format!("`theirs` of a {kind} conflict is {what}"), "write it as a string")),
            },
        }
    };
    Ok(match kind {
        "opportunity" => {
            let title = name(&c.opportunity, "opportunity")?;
            let hint = format!(
                "name the field: one of {}",
                crate::journey::PlanField::ALL.iter().map(|f| f.id()).collect::<Vec<_>>().join(", ")
            );
            let field = match &c.field {
                Some(f) => crate::journey::PlanField::from_id(f.get_ref()).ok_or_else(|| {
                    at(f.span(), format!("\"{}\" is not a field of an opportunity", f.get_ref()), &hint)
                })?,
                None => return Err(at(raw.span(), "an opportunity conflict needs `field`".into(), &hint)),
            };
            let theirs = Box::new(super::plan::read_theirs(text, field, c.theirs.as_ref())?);
            Unresolved::Plan { title, field, theirs }
        }
        "source" => {
            let theirs = theirs_string("a description")?.map(|(s, _)| s).unwrap_or_default();
            Unresolved::Source { name: name(&c.source, "source")?, theirs }
        }
        "mood" | "source-mood" => {
            let theirs = match &c.theirs {
                None => None,
                Some(v) => match v.get_ref().as_integer() {
                    Some(m) if (i64::from(*MOOD_RANGE.start())..=i64::from(*MOOD_RANGE.end())).contains(&m) => {
                        Some(m as i8)
                    }
                    _ => {
                        let hint = "a mood is -2, -1, 0, 1 or 2; leave `theirs` out when theirs was unknown";
                        return Err(at(v.span(), "`theirs` is not a mood".into(), hint));
                    }
                },
            };
            let phase = name(&c.phase, "phase")?;
            if kind == "mood" {
                return Ok(Unresolved::Mood { phase, theirs });
            }
            let source = name(&c.source, "source")?;
            let key = crate::journey::source_key(&source);
            if !crate::journey::is_source_name(&key) {
                let span = c.source.as_ref().map_or(raw.span(), Spanned::span);
                let message = format!("\"{}\" is not a source name", crate::text::one_line(&source));
                return Err(at(span, message, "name the source without @: letters, digits, - and _"));
            }
            Unresolved::SourceMood { phase, source: key, theirs }
        }
        "role" => {
            let theirs = match theirs_string("a role id")? {
                None => None,
                Some((id, span)) => Some(Role::from_id(&id).ok_or_else(|| {
                    let ids: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
                    at(span, format!("\"{id}\" is not a role"), &format!("use one of: {}", ids.join(", ")))
                })?),
            };
            Unresolved::Role { row: name(&c.row, "row")?, theirs }
        }
        "lang" => {
            let theirs = match theirs_string("a language code")? {
                None => None,
                Some((code, span)) => Some(Language::from_code(&code).ok_or_else(|| {
                    at(span, format!("\"{code}\" is not a language jgrid knows"), "use en, nl or sv")
                })?),
            };
            Unresolved::Lang { theirs }
        }
        "phase-order" | "row-order" => {
            let axis = if kind == "phase-order" { Axis::Phase } else { Axis::Row };
            let hint = "write theirs' order as a list of names, for example theirs = [\"Delivery\", \"Purchase\"]";
            let Some(v) = &c.theirs else {
                return Err(at(raw.span(), format!("a {kind} conflict needs `theirs`"), hint));
            };
            let names: Option<Vec<String>> =
                v.get_ref().as_array().and_then(|a| a.iter().map(|n| n.as_str().map(str::to_owned)).collect());
            let Some(theirs) = names else {
                return Err(at(v.span(), "`theirs` is not a list of names".into(), hint));
            };
            Unresolved::Order { axis, theirs }
        }
        _ => {
            let (axis, field, key) =
                if kind == "deleted-phase" { (Axis::Phase, &c.phase, "phase") } else { (Axis::Row, &c.row, "row") };
            let hint = "write who deleted it: by = \"ours\" or by = \"theirs\"";
            let by = match &c.by {
                Some(b) => Version::from_word(b.get_ref())
                    .ok_or_else(|| at(b.span(), format!("\"{}\" is not ours or theirs", b.get_ref()), hint))?,
                None => return Err(at(raw.span(), format!("a {kind} conflict needs `by`"), hint)),
            };
            Unresolved::Deleted { axis, name: name(field, key)?, by }
        }
    })
}

/// Write one `[[conflict]]` table (preceded by an empty line).
pub(super) fn write(out: &mut String, u: &Unresolved, string: &dyn Fn(&str) -> String) {
    let _ = write!(out, "\n[[conflict]]\nabout = {}\n", string(u.about()));
    match u {
        Unresolved::Mood { phase, theirs } => {
            let _ = writeln!(out, "phase = {}", string(phase));
            if let Some(m) = theirs {
                let _ = writeln!(out, "theirs = {m}");
            }
        }
        Unresolved::SourceMood { phase, source, theirs } => {
            let _ = writeln!(out, "phase = {}\nsource = {}", string(phase), string(source));
            if let Some(m) = theirs {
                let _ = writeln!(out, "theirs = {m}");
            }
        }
        Unresolved::Role { row, theirs } => {
            let _ = writeln!(out, "row = {}", string(row));
            if let Some(r) = theirs {
                let _ = writeln!(out, "theirs = {}", string(r.id()));
            }
        }
        Unresolved::Lang { theirs } => {
            if let Some(l) = theirs {
                let _ = writeln!(out, "theirs = {}", string(l.code()));
            }
        }
        Unresolved::Order { theirs, .. } => {
            let names: Vec<String> = theirs.iter().map(|n| string(n)).collect();
            let _ = writeln!(out, "theirs = [{}]", names.join(", "));
        }
        Unresolved::Deleted { axis, name, by } => {
            let _ = writeln!(out, "{} = {}", axis.word(), string(name));
            let _ = writeln!(out, "by = {}", string(by.word()));
        }
        Unresolved::Plan { title, field, theirs } => {
            let _ = writeln!(out, "opportunity = {}\nfield = {}", string(title), string(field.id()));
            if let Some(v) = super::plan::field_value(theirs, *field, string) {
                let _ = writeln!(out, "theirs = {v}");
            }
        }
        Unresolved::Source { name, theirs } => {
            let _ = writeln!(out, "source = {}\ntheirs = {}", string(name), string(theirs));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::format::{parse, to_toml};
    use crate::journey::{Axis, Journey, Language, Role, Unresolved, Version};

    const HEAD: &str = "format = 1\nrows = [\"Need\", \"Touchpoints\"]\n";
    const PHASES: &str = "\n[[phase]]\nname = \"Use\"\n\n[[phase]]\nname = \"Pay\"\n";

    #[test]
    fn every_kind_of_conflict_round_trips() {
        let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["Use", "Pay"]);
        j.unresolved = vec![
            Unresolved::Mood { phase: "Use".into(), theirs: Some(-2) },
            Unresolved::Mood { phase: "Pay".into(), theirs: None },
            Unresolved::SourceMood { phase: "Pay".into(), source: "sara".into(), theirs: Some(1) },
            Unresolved::SourceMood { phase: "Use".into(), source: "åsa".into(), theirs: None },
            Unresolved::Role { row: "Touchpoints".into(), theirs: Some(Role::Message) },
            Unresolved::Role { row: "Need".into(), theirs: None },
            Unresolved::Lang { theirs: Some(Language::Dutch) },
            Unresolved::Order { axis: Axis::Phase, theirs: vec!["Pay".into(), "Use".into()] },
            Unresolved::Order { axis: Axis::Row, theirs: vec!["Touchpoints".into(), "Need".into()] },
            Unresolved::Deleted { axis: Axis::Phase, name: "Pay".into(), by: Version::Ours },
            Unresolved::Deleted { axis: Axis::Row, name: "Gone \"row\"".into(), by: Version::Theirs },
        ];
        let text = to_toml(&j);
        assert!(text.contains("\n[[conflict]]\nabout = \"mood\"\nphase = \"Use\"\ntheirs = -2\n"), "{text}");
        assert!(text.contains("\n[[conflict]]\nabout = \"phase-order\"\ntheirs = [\"Pay\", \"Use\"]\n"), "{text}");
        assert!(text.contains("about = \"deleted-row\"\nrow = \"Gone \\\"row\\\"\"\nby = \"theirs\"\n"), "{text}");
        assert_eq!(parse(text.as_bytes()).unwrap(), j);
        assert_eq!(to_toml(&parse(text.as_bytes()).unwrap()), text);
    }

    #[test]
    fn a_wrong_conflict_table_is_refused_at_its_line_and_column() {
        for (table, message, at) in [
            ("about = \"taste\"", "\"taste\" is not a kind of conflict", (5, 9)),
            ("phase = \"Use\"", "this [[conflict]] has no `about`", (4, 1)),
            ("about = \"mood\"\nphase = \"Use\"\ntheirs = 7", "`theirs` is not a mood", (7, 10)),
            ("about = \"mood\"\ntheirs = 1", "a mood conflict needs `phase`", (4, 1)),
            ("about = \"source-mood\"\nphase = \"Use\"", "a source-mood conflict needs `source`", (4, 1)),
            ("about = \"source-mood\"\nphase = \"Use\"\nsource = \"a b\"", "\"a b\" is not a source name", (7, 10)),
            (
                "about = \"source-mood\"\nphase = \"Use\"\nsource = \"bo\"\ntheirs = \"x\"",
                "`theirs` is not a mood",
                (8, 10),
            ),
            ("about = \"mood\"\nphase = \"Use\"\nrow = \"Need\"", "a mood conflict has no `row`", (7, 7)),
            ("about = \"role\"\nrow = \"Need\"\ntheirs = \"boss\"", "\"boss\" is not a role", (7, 10)),
            ("about = \"lang\"\ntheirs = 3", "`theirs` of a lang conflict is a language code", (6, 10)),
            ("about = \"row-order\"\ntheirs = [1]", "`theirs` is not a list of names", (6, 10)),
            ("about = \"deleted-phase\"\nphase = \"Use\"\nby = \"me\"", "\"me\" is not ours or theirs", (7, 6)),
            ("about = \"deleted-row\"\nrow = \"Need\"", "a deleted-row conflict needs `by`", (4, 1)),
            ("about = \"mood\"\nphase = \"Use\"\nwho = 1", "unknown field `who`", (7, 1)),
        ] {
            let text = format!("{HEAD}\n[[conflict]]\n{table}\n{PHASES}");
            let e = parse(text.as_bytes()).unwrap_err();
            assert!(e.message.contains(message), "{table}: {e}");
            assert_eq!((e.line, e.column), at, "{table}: {e}");
        }
        let stale = format!("{HEAD}\n[[conflict]]\nabout = \"mood\"\nphase = \"Gone\"\ntheirs = 1\n{PHASES}");
        assert_eq!(parse(stale.as_bytes()).unwrap().unresolved.len(), 1, "a record about a gone phase still loads");
    }
}
