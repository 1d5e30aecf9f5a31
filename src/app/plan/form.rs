//! The opportunity's form: one prompt per field, each prefilled with the
//! field's value; Enter keeps it (one undoable change) and goes on to the
//! next field, Esc stops (what was entered stays). After the last field
//! the plan opens on the opportunity.

use crate::app::state::{App, Mode};
use crate::app::text::line_input::{LineInput, LineKind};
use crate::journey::{Change, Opportunity, Status};
use crate::text::{one_line, sanitize, truncate};

/// The fields in the order the form asks them; `title` first.
const ORDER: [&str; 9] =
    ["title", "customer_value", "business_value", "effort", "gains", "owner", "status", "solutions", ""];

/// Where the form of a new opportunity starts (its title was just given).
pub const FIRST_NEW: &str = "customer_value";

/// The prompt of a field.
pub fn prompt(field: &str) -> String {
    match field {
        "title" => "title: ",
        "customer_value" => "customer value 1-3 (empty: unscored): ",
        "business_value" => "business value 1-3 (empty: unscored): ",
        "effort" => "effort 1-3 (empty: unscored): ",
        "gains" => "who gains (comma between): ",
        "owner" => "owner: ",
        "status" => "status: idea planned doing done dropped (empty: keep): ",
        "solutions" => "solutions (; between): ",
        _ => "? ",
    }
    .to_owned()
}

fn value(o: &Opportunity, field: &str) -> String {
    let score = |s: Option<u8>| s.map_or_else(String::new, |s| s.to_string());
    match field {
        "title" => o.title.clone(),
        "customer_value" => score(o.customer_value),
        "business_value" => score(o.business_value),
        "effort" => score(o.effort),
        "gains" => o.gains.join(", "),
        "owner" => o.owner.clone(),
        // Empty keeps it: the prompt names the choices, and s in the plan moves it on.
        "status" => String::new(),
        "solutions" => o.solutions.lines().collect::<Vec<_>>().join("; "),
        _ => String::new(),
    }
}

/// Open the prompt of `field` for the opportunity titled `title`.
pub fn ask(app: &mut App, title: &str, field: &str) {
    let Some(o) = app.doc.journey.opportunities.iter().find(|o| o.title == title) else { return };
    let initial = value(o, field);
    let kind = LineKind::PlanField { title: title.to_owned(), field: field.to_owned() };
    app.mode = Mode::Line(Box::new(LineInput::new(kind, &initial)));
    let shown = sanitize(&truncate(&one_line(title), 40)).into_owned();
    app.info(format!("\"{shown}\": Enter keeps it and goes on · Esc stops"));
}

fn next(field: &str) -> &'static str {
    ORDER.iter().position(|f| *f == field).map_or("", |i| ORDER[(i + 1).min(ORDER.len() - 1)])
}

/// Read a typed value into `o`; an error says what to type.
fn read(o: &mut Opportunity, field: &str, typed: &str, taken: &[String]) -> Result<(), String> {
    let t = typed.trim();
    let score = |key: &str| -> Result<Option<u8>, String> {
        match t {
            "" => Ok(None),
            "1" | "2" | "3" => Ok(t.parse().ok()),
            _ => Err(format!("{key} is 1 (low), 2 or 3 (high), or empty while unscored")),
        }
    };
    match field {
        "title" if t.is_empty() => return Err("an opportunity needs a title".into()),
        "title" if t != o.title && taken.iter().any(|x| x == t) => {
            return Err(format!("another opportunity is titled \"{}\"", one_line(t)));
        }
        "title" => o.title = t.to_owned(),
        "customer_value" => o.customer_value = score("customer value")?,
        "business_value" => o.business_value = score("business value")?,
        "effort" => o.effort = score("effort")?,
        "gains" => o.gains = t.split(',').map(str::trim).filter(|g| !g.is_empty()).map(str::to_owned).collect(),
        "owner" => o.owner = t.to_owned(),
        "status" if t.is_empty() => {}
        "status" => {
            o.status =
                Status::from_id(t).ok_or_else(|| "a status is idea, planned, doing, done or dropped".to_owned())?;
        }
        "solutions" => {
            let lines: Vec<&str> = t.split(';').map(str::trim).filter(|l| !l.is_empty()).collect();
            o.solutions = lines.join("\n");
        }
        _ => {}
    }
    Ok(())
}

/// Enter on a field's prompt.
pub fn field_done(app: &mut App, title: &str, field: &str, typed: &str) {
    let mut list = app.doc.journey.opportunities.clone();
    let taken: Vec<String> = list.iter().map(|o| o.title.clone()).collect();
    let Some(o) = list.iter_mut().find(|o| o.title == title) else {
        return app.error("That opportunity is gone (undone, or changed elsewhere)");
    };
    if let Err(e) = read(o, field, typed, &taken) {
        let kind = LineKind::PlanField { title: title.to_owned(), field: field.to_owned() };
        app.mode = Mode::Line(Box::new(LineInput::new(kind, typed)));
        return app.error(format!("Not kept: {e}"));
    }
    let renamed = o.title.clone();
    if list != app.doc.journey.opportunities {
        app.change(Change::SetOpportunities(list));
    }
    match next(field) {
        "" => super::view::open_on(app, &renamed),
        then => ask(app, &renamed, then),
    }
}

/// Esc on a field's prompt: what was kept stays.
pub fn field_cancelled(app: &mut App, title: &str) {
    super::view::open_on(app, title);
    app.info("Stopped editing (what you kept stays; e edits again)");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_read_and_wrong_ones_say_what_to_type() {
        let mut o = Opportunity::new("a", Vec::new());
        read(&mut o, "effort", " 2 ", &[]).unwrap();
        read(&mut o, "gains", "customer, Support ,", &[]).unwrap();
        read(&mut o, "solutions", "SMS; app ;", &[]).unwrap();
        read(&mut o, "status", "Planned", &[]).unwrap();
        assert_eq!(
            (o.effort, o.gains.clone(), o.solutions.as_str(), o.status),
            (Some(2), vec!["customer".to_owned(), "Support".to_owned()], "SMS\napp", Status::Planned)
        );
        assert!(read(&mut o, "effort", "4", &[]).unwrap_err().contains("1 (low)"));
        assert!(read(&mut o, "title", "b", &["b".into()]).unwrap_err().contains("titled"));
        read(&mut o, "customer_value", "", &[]).unwrap();
        assert_eq!(o.customer_value, None);
    }
}
