//! The plan in the editor: `O` makes an opportunity from what justifies it
//! (a marked line, in the grid or the insights list; a finding in highlight
//! mode) or links it to an existing one, and opens it for editing; `P`
//! shows the plan (the value × effort matrix and the ranked list), where
//! `e` edits an opportunity field by field, `s` moves its status on, `D`
//! deletes it and Enter jumps to its evidence. Every edit is one undoable
//! change, written to the recovery file like any other.

mod form;
mod view;

pub use form::{field_cancelled, field_done, prompt};
pub use view::{open, run};

use crate::app::input::action::Action;
use crate::app::lists::{ListKind, ListView};
use crate::app::state::{App, Mode};
use crate::app::text::line_input::{LineInput, LineKind};
use crate::insights::{Insight, Insights};
use crate::journey::{Change, Opportunity, Why};

/// The `why` of an insight: its first line, by phase, row and words.
fn why_of(app: &App, insight: &Insight) -> Why {
    let at = insight.at();
    Why::Line {
        phase: app.doc.journey.phases()[at.phase].name.clone(),
        row: app.doc.journey.rows()[at.row].clone(),
        line: insight.text.clone(),
    }
}

/// `O` in the grid: the cell's finding in highlight mode, else its marked
/// line; with several marked lines, a pick list of them.
pub fn new_here(app: &mut App) {
    let at = app.cursor;
    let finding = app.highlight().then(|| {
        crate::checks::findings_at(app.findings(), at)
            .find(|f| f.id != "merge-conflict")
            .map(|f| Why::Finding { check: f.id.to_owned(), subject: f.subjects.first().cloned() })
    });
    if let Some(why) = finding.flatten() {
        return ask_title(app, why);
    }
    let here: Vec<Insight> =
        Insights::of(&app.doc.journey).iter().filter(|i| i.places.iter().any(|p| p.at == at)).cloned().collect();
    match here.len() {
        0 => app.info("No marked line here: O makes an opportunity from a line starting with ! + ? or > (L lists them), or from a finding (H)"),
        1 => {
            let why = why_of(app, &here[0]);
            ask_title(app, why);
        }
        _ => {
            app.mode = Mode::List(Box::new(ListView { kind: ListKind::Insights(here), selected: 0 }));
            app.info("Several marked lines here: pick one with j/k, then O");
        }
    }
}

/// `O` in the insights list: an opportunity from the selected line.
pub fn from_list(app: &mut App, insight: &Insight) {
    let why = why_of(app, insight);
    ask_title(app, why);
}

/// Ask for the title, offering the line's words; an existing title links instead.
fn ask_title(app: &mut App, why: Why) {
    let offered = match &why {
        Why::Line { line, .. } => line.clone(),
        Why::Finding { check, subject: Some(s) } => format!("Resolve {check} \"{s}\""),
        Why::Finding { check, subject: None } => format!("Resolve {check}"),
    };
    let kind = LineKind::Opportunity { why: Some(why) };
    app.mode = Mode::Line(Box::new(LineInput::new(kind, &offered)));
    let existing = app.doc.journey.opportunities.len();
    let hint = if existing == 0 {
        String::new()
    } else {
        format!("; Tab offers the {existing} existing ones, to link this to")
    };
    app.info(format!("Name the opportunity (Enter makes it{hint}; Esc cancels)"));
}

/// Tab on the title prompt: the next existing title after the one typed.
pub fn complete_title(app: &App, typed: &str) -> String {
    let titles: Vec<&str> = app.doc.journey.opportunities.iter().map(|o| o.title.as_str()).collect();
    if titles.is_empty() {
        return typed.to_owned();
    }
    let next = titles.iter().position(|t| *t == typed).map_or(0, |i| (i + 1) % titles.len());
    titles[next].to_owned()
}

/// Enter on the title prompt: link `why` to the opportunity of that title,
/// or make a new one and go on with its form.
pub fn titled(app: &mut App, why: Option<Why>, typed: &str) {
    let title = typed.trim();
    if title.is_empty() {
        return app.info("No opportunity made: it needs a title");
    }
    let mut list = app.doc.journey.opportunities.clone();
    if let Some(o) = list.iter_mut().find(|o| o.title.eq_ignore_ascii_case(title)) {
        let title = o.title.clone();
        match why {
            Some(w) if !o.why.contains(&w) => {
                o.why.push(w);
                app.change(Change::SetOpportunities(list));
                app.info(format!("Linked to \"{}\" (u undoes; P shows the plan)", crate::text::one_line(&title)));
            }
            _ => app.info(format!("\"{}\" already links to this (P shows the plan)", crate::text::one_line(&title))),
        }
        return;
    }
    list.push(Opportunity::new(title, why.into_iter().collect()));
    app.change(Change::SetOpportunities(list));
    form::ask(app, title, form::FIRST_NEW);
}

/// Whether an action in a list belongs to the plan (the insights list's `O`, the plan's keys).
pub fn is_plan_action(action: Action) -> bool {
    use crate::app::input::action::List;
    matches!(
        action,
        Action::List(List::Opportunity | List::EditOpportunity | List::NextStatus | List::DeleteOpportunity)
    )
}
