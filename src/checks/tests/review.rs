//! Accepting findings: matching by names, stale acceptances, the choices at a
//! cell, and the findings about the whole journey.

use proptest::prelude::*;

use super::*;
use crate::checks::{Finding, Review, acceptances_for, candidates, describe, review};
use crate::journey::{Acceptance, Note};

fn accept(check: &str, phase: &str, rows: &[&str], subject: Option<&str>, reason: &str) -> Acceptance {
    Acceptance {
        check: check.into(),
        phase: phase.into(),
        rows: rows.iter().map(|r| (*r).to_owned()).collect(),
        subject: subject.map(str::to_owned),
        reason: reason.into(),
    }
}

fn open_ids(r: &Review) -> Vec<&'static str> {
    r.open.iter().map(|f| f.id).collect()
}

/// Service with #web and #phone that nobody owns.
fn unowned() -> Journey {
    with(EN, O, "Support team")
}

#[test]
fn an_accepted_finding_leaves_open_and_keeps_its_acceptance_index() {
    let mut j = unowned();
    assert_eq!(open_ids(&review(&j)), ["channel-without-owner"]);
    j.accepted.push(accept("unanswered-need", "Nowhere", &[], None, "other"));
    j.accepted.push(accept("empty-cell", "Service", &["Message"], None, "x"));
    let a = acceptances_for(&j, &check(&j)[0]);
    assert_eq!(a.len(), 2, "one acceptance per tag: {a:?}");
    j.accepted.push(Acceptance { reason: "third-party".into(), ..a[0].clone() });
    j.accepted.push(Acceptance { reason: "ours".into(), ..a[1].clone() });
    let r = review(&j);
    assert_eq!(r.accepted.len(), 2);
    assert_eq!((r.accepted[0].acceptance, r.accepted[1].acceptance), (2, 3));
    assert_eq!(r.accepted[0].finding.subjects, ["web"]);
    assert_eq!(r.stale, [0, 1]);
    assert_eq!(open_ids(&r), ["stale-acceptance", "stale-acceptance"]);
    assert_eq!(r.to_words(), "2 info · 2 accepted");
}

#[test]
fn accepting_one_tag_of_a_finding_leaves_the_other_tags_open() {
    let mut j = unowned();
    j.accepted.push(accept("channel-without-owner", "Service", &["Touchpoints", "Organization"], Some("#WEB"), ""));
    let r = review(&j);
    assert_eq!(r.open.len(), 1);
    assert_eq!(
        r.open[0].message,
        "In \"Service\", Touchpoints has #phone but Organization does not mention it: no one owns this channel."
    );
    assert_eq!(r.accepted[0].finding.message.matches("#web").count(), 1);
    assert!(r.stale.is_empty());
    // check() ignores acceptances: one finding for both tags, as before.
    assert_eq!(check(&j).len(), 1);
    assert_eq!(check(&j)[0].subjects, ["web", "phone"]);
}

#[test]
fn acceptances_match_by_names_and_survive_moving_phases_and_rows() {
    let mut j = unowned();
    Change::InsertPhase { at: 0, name: "Before".into(), mood: None, cells: vec![] }.apply(&mut j).unwrap();
    for r in [N, T, M, O, S] {
        let text = j.cell(CellRef::new(1, r)).replace("Support team", "Support owns #web and #phone");
        set(&mut j, 0, r, &text);
    }
    j.accepted.push(accept("channel-without-owner", "Service", &["Organization", "Touchpoints"], Some("web"), ""));
    j.accepted.push(accept("channel-without-owner", "Service", &["Touchpoints", "Organization"], Some("phone"), ""));
    let before = review(&j);
    assert_eq!((before.open.len(), before.accepted.len()), (0, 2));
    Change::MovePhase { from: 1, to: 0 }.apply(&mut j).unwrap();
    Change::MoveRow { from: O, to: 0 }.apply(&mut j).unwrap();
    Change::RenamePhase { at: 1, name: "Later".into() }.apply(&mut j).unwrap();
    let after = review(&j);
    assert_eq!((after.open.len(), after.accepted.len()), (0, 2), "{after:#?}");
    // Renaming the accepted finding's phase makes its acceptances stale.
    Change::RenamePhase { at: 0, name: "Help".into() }.apply(&mut j).unwrap();
    let renamed = review(&j);
    assert_eq!(renamed.stale, [0, 1]);
    assert_eq!(open_ids(&renamed), ["channel-without-owner", "stale-acceptance", "stale-acceptance"]);
}

#[test]
fn a_conflicting_message_is_accepted_by_topic_in_any_of_its_phases() {
    let mut j = Journey::new("T", "P", EN, ["Ask", "Sign"]);
    for p in 0..2 {
        for (r, text) in [(N, "x"), (T, "#phone"), (O, "Sales owns #phone"), (S, "PBX: #phone")] {
            set(&mut j, p, r, text);
        }
    }
    set(&mut j, 0, M, "#phone switch time: 14 days");
    set(&mut j, 1, M, "#phone Switching time: 21 days.");
    j.accepted.push(accept("conflicting-message", "Sign", &["Message"], Some("switching  TIME"), "legal"));
    let r = review(&j);
    assert!(r.open.is_empty(), "{r:#?}");
    assert_eq!(r.accepted[0].finding.subjects, ["switch time"]);
    Change::MovePhase { from: 0, to: 1 }.apply(&mut j).unwrap();
    assert!(review(&j).open.is_empty());
    // Another topic is another finding.
    j.accepted[0].subject = Some("switch fee".into());
    assert_eq!(open_ids(&review(&j)), ["conflicting-message", "stale-acceptance"]);
}

#[test]
fn a_stale_acceptance_says_what_it_was_and_marks_its_cells_when_they_exist() {
    let mut j = consistent(EN);
    j.accepted.push(accept("channel-without-owner", "Service", &["Touchpoints", "Organization"], Some("fax"), "old"));
    j.accepted.push(accept("empty-cell", "Gone", &["Need"], None, ""));
    let r = review(&j);
    assert_eq!(r.stale, [0, 1]);
    let [here, gone] = [&r.open[0], &r.open[1]];
    assert_eq!(here.cells, [CellRef::new(0, T), CellRef::new(0, O)]);
    assert_eq!(
        here.message,
        "The accepted channel-without-owner #fax in \"Service\" (Touchpoints, Organization) (\"old\") no longer \
         occurs: remove the acceptance, or accept the finding again if a name changed."
    );
    assert_eq!((gone.phase, gone.cells.len()), (Finding::JOURNEY, 0));
    assert!(gone.message.contains("empty-cell in \"Gone\" (Need)"), "{}", gone.message);
    assert!(acceptances_for(&j, here).is_empty(), "a stale acceptance is removed, not accepted");
}

#[test]
fn switched_off_checks_give_no_stale_acceptances_and_stale_acceptance_can_be_off() {
    let mut j = consistent(EN);
    j.accepted.push(accept("empty-cell", "Service", &["Need"], None, ""));
    j.checks_off = vec!["empty-cell".into()];
    let r = review(&j);
    assert!(r.stale.is_empty() && r.open.is_empty());
    j.checks_off = vec!["stale-acceptance".into()];
    let r = review(&j);
    assert_eq!((r.stale.clone(), r.open.len()), (vec![0], 0));
}

#[test]
fn unsorted_notes_is_one_info_about_the_journey_while_the_inbox_has_notes() {
    let mut j = consistent(EN);
    assert!(review(&j).open.is_empty());
    let note = |text: &str| Note { text: text.into(), source: None, at: "2026-12-01T14:03:12Z".into() };
    j.inbox = vec![note("a"), note("b")];
    let r = review(&j);
    assert_eq!(open_ids(&r), ["unsorted-notes"]);
    let f = &r.open[0];
    assert_eq!((f.phase, f.cells.len(), f.severity), (Finding::JOURNEY, 0, crate::checks::Severity::Info));
    assert_eq!(f.message, "The inbox holds 2 notes that are not sorted into a cell yet.");
    assert!(check(&j).is_empty(), "check() reports only findings about cells");
    j.checks_off = vec!["unsorted-notes".into()];
    assert!(review(&j).open.is_empty());
}

#[test]
fn candidates_offer_each_finding_and_tag_at_the_cell() {
    let mut j = unowned();
    set(&mut j, 0, M, "");
    let r = review(&j);
    let at_message = candidates(&j, &r.open, CellRef::new(0, M));
    let labels: Vec<&str> = at_message.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["unanswered-need"]);
    let at_org = candidates(&j, &r.open, CellRef::new(0, O));
    let labels: Vec<&str> = at_org.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["channel-without-owner #web", "channel-without-owner #phone"]);
    let a = &at_org[1].acceptance;
    assert_eq!(describe(a), "channel-without-owner #phone in \"Service\" (Touchpoints, Organization)");
    assert_eq!((a.subject.as_deref(), a.reason.as_str()), (Some("phone"), ""));
    j.accepted.push(a.clone());
    let r = review(&j);
    assert_eq!(r.accepted.len(), 1);
    assert_eq!(r.to_words(), "2 warnings · 1 accepted");
    assert!(candidates(&j, &r.open, CellRef::new(0, N)).iter().all(|c| c.label == "unanswered-need"));
}

/// A journey with a finding in every phase (Message empty), phases named P0..
fn phases_with_gaps(n: usize) -> Journey {
    let names: Vec<String> = (0..n).map(|p| format!("P{p}")).collect();
    let mut j = Journey::new("T", "P", EN, names);
    for p in 0..n {
        for (r, text) in [(N, "x"), (T, "#web"), (O, "Web team owns #web"), (S, "CMS serves #web")] {
            set(&mut j, p, r, text);
        }
    }
    j
}

proptest! {
    /// Whatever the phase order, the same findings are accepted and the same stay open.
    #[test]
    fn acceptance_does_not_depend_on_phase_order(n in 2..6usize, accepted in prop::collection::vec(0..6usize, 0..4), moves in prop::collection::vec((0..6usize, 0..6usize), 0..6)) {
        let mut j = phases_with_gaps(n);
        for &p in &accepted {
            j.accepted.push(accept("unanswered-need", &format!("P{}", p % n), &["Need", "Message"], None, ""));
        }
        let summary = |j: &Journey| {
            let r = review(j);
            let mut accepted: Vec<String> = r.accepted.iter().map(|a| j.phases()[a.finding.phase].name.clone()).collect();
            let mut open: Vec<(String, &str)> = r.open.iter().map(|f| (j.phases()[f.phase].name.clone(), f.id)).collect();
            accepted.sort();
            open.sort();
            (accepted, open, r.stale)
        };
        let before = summary(&j);
        for (from, to) in moves {
            Change::MovePhase { from: from % n, to: to % n }.apply(&mut j).unwrap();
        }
        prop_assert_eq!(summary(&j), before);
    }

    /// Renaming a phase no acceptance names changes nothing about acceptances.
    #[test]
    fn renaming_an_unrelated_phase_keeps_acceptances(n in 2..6usize, target in 0..6usize, renamed in 0..6usize) {
        let mut j = phases_with_gaps(n);
        let (target, renamed) = (target % n, renamed % n);
        prop_assume!(target != renamed);
        j.accepted.push(accept("unanswered-need", &format!("P{target}"), &["Need", "Message"], None, ""));
        let before = review(&j);
        Change::RenamePhase { at: renamed, name: "Renamed".into() }.apply(&mut j).unwrap();
        let after = review(&j);
        prop_assert_eq!(after.accepted.len(), 1);
        prop_assert!(after.stale.is_empty());
        prop_assert_eq!(after.open.len(), before.open.len());
    }
}

proptest! {
    /// Accepting every choice the checks offer leaves no finding about a cell
    /// open and no acceptance stale; removing them brings back check()'s findings.
    #[test]
    fn accepting_everything_offered_leaves_nothing_open(j in super::grid::arb_journey()) {
        let mut j = j;
        let found = check(&j);
        for f in &found {
            j.accepted.extend(acceptances_for(&j, f));
        }
        let r = review(&j);
        prop_assert!(r.open.is_empty(), "{:#?}", r.open);
        prop_assert!(r.stale.is_empty());
        let subjects: usize = found.iter().map(|f| f.subjects.len().max(1)).sum();
        prop_assert_eq!(r.accepted.len(), subjects);
        j.accepted.clear();
        let r = review(&j);
        prop_assert_eq!(r.open, found);
        prop_assert!(r.accepted.is_empty());
    }
}

#[test]
fn a_tag_subject_ignores_case_and_hash_but_not_word_endings() {
    let mut j = with(EN, T, "#web form\n#phone line\n#webs other");
    set(&mut j, 0, S, "#web CRM\n#phone PBX\n#webs CMS");
    set(&mut j, 0, O, "Support owns #phone");
    j.accepted.push(accept("channel-without-owner", "Service", &["Touchpoints", "Organization"], Some("#Webs"), ""));
    let r = review(&j);
    assert_eq!(r.accepted.len(), 1);
    assert_eq!(r.accepted[0].finding.subjects, ["webs"]);
    assert_eq!(r.open.len(), 1);
    assert_eq!(r.open[0].subjects, ["web"], "#web is another channel than #webs");
}

#[test]
fn an_acceptance_is_check_phase_and_subject_rows_are_a_hint() {
    let mut j = Journey::new("T", "P", EN, ["Use"]);
    set(&mut j, 0, T, "#app guide");
    let f = only(&j, "inside-out");
    j.accepted = crate::checks::acceptances_for(&j, &f);
    assert!(review(&j).open.iter().all(|f| f.id != "inside-out"));
    // A Message line changes the rows of the finding, not what it is.
    set(&mut j, 0, M, "#app setup: 5 steps");
    let r = review(&j);
    assert!(r.open.iter().all(|f| f.id != "inside-out" && f.id != "stale-acceptance"), "{:#?}", r.open);
    assert_eq!(r.accepted.iter().filter(|a| a.finding.id == "inside-out").count(), 1);
    // An empty cell is about its row: another row's gap is not accepted by it.
    let mut j = Journey::new("T", "P", ["Need", "Touchpoints", "Notes"], ["Use"]);
    set(&mut j, 0, 1, "#app");
    let gaps: Vec<_> = review(&j).open.into_iter().filter(|f| f.id == "empty-cell").collect();
    assert_eq!(gaps.len(), 2);
    j.accepted = crate::checks::acceptances_for(&j, &gaps[0]);
    assert_eq!(review(&j).open.iter().filter(|f| f.id == "empty-cell").count(), 1);
}

#[test]
fn accepting_again_offers_the_old_reason() {
    let mut j = Journey::new("T", "P", EN, ["Use"]);
    set(&mut j, 0, T, "#app guide");
    let f = only(&j, "inside-out");
    let mut a = crate::checks::acceptances_for(&j, &f).remove(0);
    assert_eq!(crate::checks::old_reason(&j, &a), None);
    a.reason = "the app is a partner's".into();
    j.accepted.push(a.clone());
    assert_eq!(crate::checks::old_reason(&j, &a).as_deref(), Some("the app is a partner's"));
}
