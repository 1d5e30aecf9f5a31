//! The incremental checker gives exactly what `review` and `merge_conflicts`
//! give, after any sequence of cell edits and structure changes.

use proptest::prelude::*;

use super::set;
use crate::checks::{Checker, Finding, Review, acceptances_for, check, merge_conflicts, review};
use crate::journey::{Acceptance, CellRef, Change, Journey, Note, Opportunity, Role, Why};

/// Lines that make every check fire now and then: channels, owners and
/// systems, topics with different answers, sources, marks, merge conflicts.
fn line() -> impl Strategy<Value = String> {
    let pick = |lines: &[&'static str]| prop::sample::select(lines.to_vec()).prop_map(str::to_owned);
    prop_oneof![
        1 => Just(String::new()),
        1 => Just(" ".to_owned()),
        4 => pick(&["#web form", "#phone line", "#shop visit", "#web #phone", "#Web", "#letter"]),
        4 => pick(&["Support owns #web", "Sales owns #web", "Sales owns #phone", "Retail runs #shop", "? who owns #web"]),
        3 => pick(&["CMS serves #web", "CRM serves #web", "PBX serves #phone", "#shop till", "#phone CRM"]),
        3 => (pick(&["price", "Prices", "delivery time", "#web price"]), pick(&["one", "two", "One."]))
            .prop_map(|(t, s)| format!("{t}: {s}")),
        2 => pick(&["? price: three", "+ idea: x", "! pain @sara", "> quote @tom", "note @sara"]),
        3 => pick(&[
            "nobody told me about the switch date @sara",
            "got an SMS about the switch date @omar",
            "waited 25 minutes on the phone @tom",
            "waited 5 minutes on the phone @sara",
            "paper bill even though I chose e-invoice",
            "the chat bot couldn't help, told me to call",
            "! no invoice by e-mail came @tom",
            "#web invoice: by e-mail",
            "instead of the SMS on the switch date a letter came",
            "the e-mail invoice never came @sara",
        ]),
        3 => promise(),
        1 => Just("<<<<<<< ours\nfast\n=======\nquick\n>>>>>>> theirs".to_owned()),
        1 => "[a-z #:@\n]{0,8}",
    ]
}

/// Message lines that lines of experience above can break (`broken-promise`).
fn promise() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "we send an SMS on the switch date",
        "your invoice comes by e-mail",
        "an SMS before the switch date, then a letter",
        "! no SMS on the switch date",
    ])
    .prop_map(str::to_owned)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..4).prop_map(|lines| lines.join("\n"))
}

const ROWS: [&str; 7] = ["Need", "Touchpoints", "Message", "Organization", "Systems", "Notes", "Budskap"];

/// A journey, some of whose findings are accepted (and some acceptances
/// that name nothing), with notes in the inbox or not.
fn journey() -> impl Strategy<Value = Journey> {
    (
        prop_oneof![
            3 => Just(ROWS[..5].to_vec()),
            1 => prop::sample::subsequence(ROWS.to_vec(), 1..7).prop_shuffle(),
        ],
        1..7usize,
        prop::collection::vec(text(), 49),
        prop::collection::vec(any::<bool>(), 0..40),
        prop::collection::vec(
            prop::sample::select(vec!["empty-cell", "stale-acceptance", "handoff", "stale-link", "x"]),
            0..2,
        ),
        any::<bool>(),
        prop::sample::select(vec![vec![], vec!["shop".to_owned()]]),
    )
        .prop_map(|(rows, phases, texts, accept, off, inbox, external)| {
            let names: Vec<String> = (0..phases).map(|p| format!("P{p}")).collect();
            let mut j = Journey::new("T", "P", rows, names);
            let (np, nr) = (j.phase_count(), j.row_count());
            for p in 0..np {
                for r in 0..nr {
                    set(&mut j, p, r, &texts[p * nr + r]);
                }
            }
            j.external = external;
            for (f, yes) in check(&j).iter().zip(&accept) {
                if *yes {
                    let mut offered = acceptances_for(&j, f);
                    // A topic is accepted in any phase that speaks of it.
                    if let Some(&last) = f.phases().last().filter(|_| f.id == "conflicting-message") {
                        offered.iter_mut().for_each(|a| a.phase = j.phases()[last].name.clone());
                    }
                    j.accepted.extend(offered);
                }
            }
            if accept.len() > 20 {
                j.accepted.push(Acceptance {
                    check: "empty-cell".into(),
                    phase: "P0".into(),
                    rows: vec![j.rows()[0].clone()],
                    subject: None,
                    reason: "gone".into(),
                });
            }
            j.checks_off = off.into_iter().map(str::to_owned).collect();
            // A plan whose links come and go as cells change: a line, a finding, nothing.
            if accept.len() > 10 {
                let line = Why::Line { phase: "P0".into(), row: j.rows()[0].clone(), line: "pain".into() };
                let finding = Why::Finding { check: "handoff".into(), subject: Some("web".into()) };
                let scored = Opportunity {
                    customer_value: Some(3),
                    business_value: Some(2),
                    effort: Some(1),
                    ..Opportunity::default()
                };
                j.opportunities = vec![
                    Opportunity {
                        title: "linked".into(),
                        why: vec![line, finding],
                        gains: vec!["customer".into()],
                        ..scored
                    },
                    Opportunity::new("bare", Vec::new()),
                ];
            }
            if inbox {
                j.inbox.push(Note { text: "a note".into(), source: None, at: "2026-01-01T00:00:00Z".into() });
            }
            j
        })
}

/// One step: a cell's new text, or a change to the grid's structure.
#[derive(Debug, Clone)]
enum Step {
    Cell(usize, usize, String),
    Cells(Vec<(usize, usize, String)>),
    /// A Message cell's new text (when the journey has a Message row).
    Message(usize, String),
    Structure(Change),
    Highlight(bool),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (0..7usize, 0..7usize, text()).prop_map(|(p, r, t)| Step::Cell(p, r, t)),
        1 => prop::collection::vec((0..7usize, 0..7usize, text()), 1..3).prop_map(Step::Cells),
        4 => (0..7usize, prop::collection::vec(prop_oneof![promise(), line()], 0..4))
            .prop_map(|(p, lines)| Step::Message(p, lines.join("\n"))),
        1 => prop_oneof![
            (0..7usize).prop_map(|at| Change::RemovePhase { at }),
            (0..7usize, 0..7usize).prop_map(|(from, to)| Change::MovePhase { from, to }),
            (0..7usize).prop_map(|at| Change::RenamePhase { at, name: format!("Q{at}") }),
            (0..7usize).prop_map(|at| Change::InsertPhase { at, name: format!("N{at}"), mood: None, cells: vec!["#web x".into()] }),
            (0..7usize).prop_map(|at| Change::RemoveAcceptance { at }),
        ]
        .prop_map(Step::Structure),
        1 => any::<bool>().prop_map(Step::Highlight),
    ]
}

/// The checker's results next to what checking from scratch gives.
fn agree(j: &Journey, conflicts: &[Finding], shown: &Option<Review>) -> Result<(), TestCaseError> {
    prop_assert_eq!(conflicts.to_vec(), merge_conflicts(j));
    if let Some(shown) = shown {
        let fresh = review(j);
        prop_assert_eq!(&shown.open, &fresh.open);
        prop_assert_eq!(&shown.accepted, &fresh.accepted);
        prop_assert_eq!(&shown.stale, &fresh.stale);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// After every cell edit (one cell, or several at once) and every change
    /// of structure, the checker's review is the review of the journey.
    #[test]
    fn the_checker_agrees_with_checking_from_scratch(j in journey(), steps in prop::collection::vec(step(), 1..16)) {
        let mut j = j;
        let mut checker = Checker::new();
        let mut conflicts = Vec::new();
        let mut shown = Some(Review::default());
        checker.recheck(&j, &mut conflicts, shown.as_mut());
        agree(&j, &conflicts, &shown)?;
        for step in steps {
            let (np, nr) = (j.phase_count(), j.row_count());
            match step {
                Step::Cell(p, r, text) => {
                    let at = CellRef::new(p % np, r % nr);
                    Change::SetCell { at, text }.apply(&mut j).unwrap();
                    checker.cells_changed(&j, &[at], &mut conflicts, shown.as_mut());
                }
                Step::Cells(cells) => {
                    let mut at = Vec::new();
                    for (p, r, text) in cells {
                        at.push(CellRef::new(p % np, r % nr));
                        Change::SetCell { at: at[at.len() - 1], text }.apply(&mut j).unwrap();
                    }
                    checker.cells_changed(&j, &at, &mut conflicts, shown.as_mut());
                }
                Step::Message(p, text) => {
                    if let Some(r) = j.row_with_role(Role::Message) {
                        let at = CellRef::new(p % np, r);
                        Change::SetCell { at, text }.apply(&mut j).unwrap();
                        checker.cells_changed(&j, &[at], &mut conflicts, shown.as_mut());
                    }
                }
                Step::Structure(change) => {
                    if change.apply(&mut j).is_ok() {
                        checker.recheck(&j, &mut conflicts, shown.as_mut());
                    }
                }
                Step::Highlight(on) => {
                    shown = on.then(Review::default);
                    if on {
                        checker.recheck(&j, &mut conflicts, shown.as_mut());
                    }
                }
            }
            agree(&j, &conflicts, &shown)?;
        }
    }
}

#[test]
fn a_checker_that_knows_nothing_checks_everything() {
    let mut j = super::consistent(super::EN);
    let mut checker = Checker::new();
    let (mut conflicts, mut shown) = (Vec::new(), Review::default());
    set(&mut j, 0, super::M, "");
    checker.cells_changed(&j, &[CellRef::new(0, super::M)], &mut conflicts, Some(&mut shown));
    assert_eq!(shown, review(&j));
    assert_eq!(shown.open.iter().map(|f| f.id).collect::<Vec<_>>(), ["unanswered-need"]);
}

#[test]
fn editing_a_message_cell_updates_a_conflict_found_in_another_phase() {
    let mut j = Journey::new("T", "P", super::EN, ["A", "B", "C"]);
    set(&mut j, 0, super::M, "price: one");
    set(&mut j, 2, super::M, "price: two");
    let mut checker = Checker::new();
    let (mut conflicts, mut shown) = (Vec::new(), Review::default());
    checker.recheck(&j, &mut conflicts, Some(&mut shown));
    let message = |r: &Review| r.open.iter().find(|f| f.id == "conflicting-message").map(|f| f.message.clone());
    assert_eq!(message(&shown).unwrap(), "Message gives \"price\" different answers: \"one\" (A) vs \"two\" (C).");
    set(&mut j, 1, super::M, "price: three");
    checker.cells_changed(&j, &[CellRef::new(1, super::M)], &mut conflicts, Some(&mut shown));
    assert_eq!(
        message(&shown).unwrap(),
        "Message gives \"price\" different answers: \"one\" (A) vs \"three\" (B) vs \"two\" (C)."
    );
    set(&mut j, 0, super::M, "");
    set(&mut j, 2, super::M, "price: three");
    checker.cells_changed(
        &j,
        &[CellRef::new(0, super::M), CellRef::new(2, super::M)],
        &mut conflicts,
        Some(&mut shown),
    );
    assert_eq!(message(&shown), None);
    assert_eq!(shown, review(&j));
}

#[test]
fn an_acceptance_named_in_a_later_phase_goes_stale_when_an_earlier_phase_ends_the_conflict() {
    let mut j = Journey::new("T", "P", super::EN, ["A", "B", "C"]);
    set(&mut j, 0, super::M, "price: one");
    set(&mut j, 2, super::M, "price: two");
    let f = review(&j).open.into_iter().find(|f| f.id == "conflicting-message").unwrap();
    let mut accepted = acceptances_for(&j, &f).remove(0);
    accepted.phase = "C".into();
    j.accepted.push(accepted);
    let mut checker = Checker::new();
    let (mut conflicts, mut shown) = (Vec::new(), Review::default());
    checker.recheck(&j, &mut conflicts, Some(&mut shown));
    assert_eq!((shown.accepted.len(), shown.stale.len()), (1, 0));
    set(&mut j, 0, super::M, "price: two");
    checker.cells_changed(&j, &[CellRef::new(0, super::M)], &mut conflicts, Some(&mut shown));
    assert_eq!((shown.accepted.len(), shown.stale.clone()), (0, vec![0]));
    let stale = shown.open.iter().find(|f| f.id == "stale-acceptance").expect("the acceptance is stale");
    assert_eq!(j.phases()[stale.phase].name, "C");
    assert_eq!(shown, review(&j));
}

#[test]
fn a_message_edit_links_and_unlinks_a_broken_promise_in_a_later_phase() {
    let mut j = Journey::new("T", "P", super::EN, ["A", "B", "C", "D"]);
    set(&mut j, 0, super::M, "we send an SMS on the switch date");
    set(&mut j, 3, 0, "nobody told me about the switch date @sara");
    let mut checker = Checker::new();
    let (mut conflicts, mut shown) = (Vec::new(), Review::default());
    checker.recheck(&j, &mut conflicts, Some(&mut shown));
    let promised = |r: &Review| {
        r.open.iter().filter(|f| f.id == "broken-promise").map(|f| (f.phase, f.cells.clone())).collect::<Vec<_>>()
    };
    let m = super::M;
    assert_eq!(promised(&shown), [(3, vec![CellRef::new(0, m), CellRef::new(3, 0)])]);
    // A nearer promise takes over, then goes, and the first is the promise again.
    for (text, from) in [("an SMS before the switch date", Some(2)), ("", Some(0))] {
        set(&mut j, 2, m, text);
        checker.cells_changed(&j, &[CellRef::new(2, m)], &mut conflicts, Some(&mut shown));
        assert_eq!(shown, review(&j));
        assert_eq!(promised(&shown), [(3, vec![CellRef::new(from.unwrap(), m), CellRef::new(3, 0)])]);
    }
    set(&mut j, 0, m, "the shop opens at nine");
    checker.cells_changed(&j, &[CellRef::new(0, m)], &mut conflicts, Some(&mut shown));
    assert_eq!(shown, review(&j));
    assert_eq!(promised(&shown), []);
}
