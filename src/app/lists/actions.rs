//! Lists over the grid: the insights (`L`; Enter jumps to the cell that
//! says it), the findings to accept at the cursor (`A`; Enter asks for a
//! reason), and the accepted findings (`:accepted`; Enter jumps, `x`
//! un-accepts). And `:external`, which says which channels the
//! organisation does not run.

use crate::app::input::action::Action;
use crate::app::input::action::{Grid, List};
use crate::app::lists::items::{AcceptedItem, ListKind, ListView};
use crate::app::msg::Effect;
use crate::app::state::{App, Mode};
use crate::app::text::line_input::{LineInput, LineKind};
use crate::checks::{self, Candidate};
use crate::insights::{Insight, Insights};
use crate::journey::{Acceptance, CellRef, Change};

/// `L`: open the list of insights.
pub fn open(app: &mut App) {
    // `:only @NAME`: the insights of that source (and of lines with no source).
    let items: Vec<Insight> = Insights::of(app.shown()).iter().cloned().collect();
    if items.is_empty() {
        app.info("No marked lines yet: start a line with ! (pain), + (opportunity), ? (question) or > (quote)");
        return;
    }
    app.mode = Mode::List(Box::new(ListView { kind: ListKind::Insights(items), selected: 0 }));
}

/// `A`: accept a finding of the cursor's cell (turning highlight mode on):
/// with one finding, ask for the reason; with several, pick one first.
pub fn accept(app: &mut App) {
    if !app.highlight() {
        app.highlight_on();
    }
    let mut found = checks::candidates(&app.doc.journey, app.findings(), app.cursor);
    match found.len() {
        0 => app.info("Nothing to accept here: A accepts a finding of a flagged cell (] goes to the next)"),
        1 => ask_reason(app, found.remove(0)),
        _ => app.mode = Mode::List(Box::new(ListView { kind: ListKind::Accept(found), selected: 0 })),
    }
}

fn ask_reason(app: &mut App, candidate: Candidate) {
    let old = checks::old_reason(&app.doc.journey, &candidate.acceptance);
    let kind = LineKind::Reason { acceptance: Box::new(candidate.acceptance) };
    app.mode = Mode::Line(Box::new(LineInput::new(kind, old.as_deref().unwrap_or(""))));
    match old {
        Some(_) => app.info(format!(
            "Accepting {} again: the old reason is offered (Enter keeps it; Esc cancels)",
            candidate.label
        )),
        None => app
            .info(format!("Accepting {}: why? (Enter accepts; the reason may be empty; Esc cancels)", candidate.label)),
    }
}

/// Enter at the reason prompt: accept, as one undoable change.
pub fn accepted(app: &mut App, acceptance: &Acceptance, reason: &str) {
    let acceptance = Acceptance { reason: reason.trim().to_owned(), ..acceptance.clone() };
    let what = checks::describe(&acceptance);
    // A stale acceptance of the same finding (a name changed) is replaced, in one undoable change.
    let stale = app.review().as_ref().map_or_else(|| checks::review(&app.doc.journey).stale, |r| r.stale.clone());
    let replaced = stale.iter().rev().copied().filter(|&i| {
        let old = &app.doc.journey.accepted[i];
        let gone = app.doc.journey.phase_index(&old.phase).is_none();
        old.check == acceptance.check && old.subject == acceptance.subject && (old.phase == acceptance.phase || gone)
    });
    let mut changes: Vec<Change> = replaced.map(|at| Change::RemoveAcceptance { at }).collect();
    let at = app.doc.journey.accepted.len() - changes.len();
    changes.push(Change::InsertAcceptance { at, acceptance });
    app.change(if changes.len() == 1 { changes.remove(0) } else { Change::Batch(changes) });
    app.info(format!("Accepted {what} (u undoes; :accepted lists them)"));
}

/// `:accepted`: the list of accepted findings.
pub fn show_accepted(app: &mut App) {
    let items = accepted_items(app);
    if items.is_empty() {
        app.info("No finding is accepted: A on a flagged cell in highlight mode accepts one");
        return;
    }
    app.mode = Mode::List(Box::new(ListView { kind: ListKind::Accepted(items), selected: 0 }));
}

fn accepted_items(app: &App) -> Vec<AcceptedItem> {
    let stale = app.review().as_ref().map_or_else(|| checks::review(&app.doc.journey).stale, |r| r.stale.clone());
    app.doc
        .journey
        .accepted
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let why = if a.reason.trim().is_empty() { String::new() } else { format!(": {}", a.reason.trim()) };
            AcceptedItem { index, text: format!("{}{why}", checks::describe(a)), stale: stale.contains(&index) }
        })
        .collect()
}

/// An action in a list.
pub fn run(app: &mut App, action: Action) -> Vec<Effect> {
    let Mode::List(list) = &mut app.mode else { return Vec::new() };
    let page = usize::from(app.viewport.height.saturating_sub(6));
    // The plan's own keys, and Enter in it, are the plan room's.
    if let ListKind::Plan(order) = &list.kind
        && (matches!(action, Action::Submit) || crate::app::plan::is_plan_action(action))
    {
        let (order, selected) = (order.clone(), list.selected);
        return crate::app::plan::run(app, action, &order, selected);
    }
    if let (ListKind::Insights(items), Action::List(List::Opportunity)) = (&list.kind, action) {
        let Some(insight) = items.get(list.selected).cloned() else { return Vec::new() };
        app.mode = Mode::Normal;
        crate::app::plan::from_list(app, &insight);
        return Vec::new();
    }
    match action {
        Action::Move(m) => list.selected = m.select(list.selected, list.len(), page),
        Action::Submit => {
            let Mode::List(list) = std::mem::replace(&mut app.mode, Mode::Normal) else { return Vec::new() };
            let ListView { kind, selected } = *list;
            match kind {
                ListKind::Insights(items) => jump(app, items.get(selected).map(Insight::at)),
                ListKind::Accept(mut items) if selected < items.len() => ask_reason(app, items.swap_remove(selected)),
                ListKind::Accepted(items) => {
                    let at = items.get(selected).and_then(|i| acceptance_cell(app, i.index));
                    jump(app, at);
                }
                ListKind::Log(items) => crate::app::lists::log::go_to(app, items.get(selected).copied()),
                ListKind::Accept(_) | ListKind::Plan(_) => {}
            }
        }
        Action::List(List::Unaccept) => {
            if let ListKind::Accepted(items) = &list.kind
                && let Some(item) = items.get(list.selected)
            {
                let (index, selected) = (item.index, list.selected);
                let what = checks::describe(&app.doc.journey.accepted[index]);
                app.change(Change::RemoveAcceptance { at: index });
                // The list's stale marks come from the review: bring it up to date first.
                app.recheck();
                app.info(format!("No longer accepted: {what} (u undoes)"));
                let items = accepted_items(app);
                let selected = selected.min(items.len().saturating_sub(1));
                app.mode = if items.is_empty() {
                    Mode::Normal
                } else {
                    Mode::List(Box::new(ListView { kind: ListKind::Accepted(items), selected }))
                };
            }
        }
        Action::Cancel | Action::Grid(Grid::ShowInsights) => app.mode = Mode::Normal,
        // Only in the insights list and the plan (above).
        Action::List(List::Opportunity | List::EditOpportunity | List::NextStatus | List::DeleteOpportunity) => {}
        // The grid's other actions wait until the list is closed.
        Action::Grid(_) | Action::Edit(_) | Action::Inbox(_) | Action::Answer(_) | Action::Complete => {}
    }
    Vec::new()
}

fn jump(app: &mut App, at: Option<CellRef>) {
    if let Some(at) = at.filter(|&at| app.doc.journey.contains(at)) {
        app.cursor = at;
    }
}

/// The first cell an acceptance is about (its phase and first row), if they still exist.
fn acceptance_cell(app: &App, index: usize) -> Option<CellRef> {
    let a = app.doc.journey.accepted.get(index)?;
    let phase = app.doc.journey.phase_index(&a.phase)?;
    let row = a.rows.iter().find_map(|r| app.doc.journey.row_index(r)).unwrap_or(app.cursor.row);
    Some(CellRef::new(phase, row))
}

/// `:external TAG` toggles whether a channel is one the organisation does not run.
pub fn toggle_external(app: &mut App, arg: &str) {
    let tag = arg.trim().trim_start_matches('#');
    if !crate::journey::is_source_name(tag) {
        return app.error(":external needs a channel tag, e.g. :external search (letters, digits, - and _)");
    }
    let mut external = app.doc.journey.external.clone();
    let was = app.doc.journey.is_external(tag);
    if was {
        external.retain(|e| !e.trim_start_matches('#').eq_ignore_ascii_case(tag));
    } else {
        external.push(tag.to_owned());
    }
    app.change(Change::SetExternal(external));
    if was {
        app.info(format!("#{tag} is one of the organisation's channels again (u undoes)"));
    } else {
        app.info(format!("#{tag} is an external channel: no owner or system is expected (u undoes)"));
    }
}
