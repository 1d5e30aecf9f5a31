//! A hand-made journey that trips every check, roles and switches from TOML,
//! and properties of `check` on arbitrary journeys.

use proptest::prelude::*;

use super::*;
use crate::checks::{IDS, JOURNEY_IDS};
use crate::format::parse;

/// Five role rows plus a row without a role, seven phases, every check about
/// the grid's cells fires.
fn every_check(rows: [&str; 5], notes: &str) -> Journey {
    let mut names: Vec<&str> = rows.to_vec();
    names.push(notes);
    let mut j =
        Journey::new("T", "P", names, ["Orientation", "Purchase", "Delivery", "Use", "Service", "Renew", "Leave"]);
    let phases: [[&str; 6]; 7] = [
        [
            "Compare plans",
            "#web comparison\n#shop advice",
            "#web price: 10 EUR",
            "Marketing owns #web",
            "CMS serves #web\n#app backend",
            "n\n<<<<<<< ours\nnotes from Anna\n=======\nnotes from Ben\n>>>>>>> theirs",
        ],
        ["Buy quickly", "#phone sales line", "#phone Price: 12 EUR\n#mail offer: sent", "", "", "x"],
        ["Know the date", "", "", "Logistics", "ERP", ""],
        ["", "#app guide", "Setup in 5 steps", "Digital owns #app", "#app backend", "y"],
        ["Help", "", "#chat hours: 8-22", "Support", "Chat tool", "z"],
        // #app changes owner and system from Renew to Leave.
        ["Renew", "#app renewal", "#app notice: one month", "Sales owns #app", "CRM serves #app", "r"],
        ["Leave", "#app cancel button", "#app refund: within a week", "Support owns #app", "Billing serves #app", "l"],
    ];
    for (p, cells) in phases.iter().enumerate() {
        for (r, text) in cells.iter().enumerate() {
            set(&mut j, p, r, text);
        }
    }
    // Sentences in the journey's language: two sources disagree, a promise
    // is broken, a channel sends the customer to another.
    let sentences = match rows[0] {
        "Behoefte" => {
            "l\nniemand vertelde me de datum van de terugbetaling @ann\nde datum van de terugbetaling kwam per e-mail @bo\nde terugbetaling kwam laat terwijl ze een week hadden beloofd @ann\nde app kon niet opzeggen, ik moest bellen @bo"
        }
        "Behov" => {
            "l\ningen berättade datumet för återbetalningen @ann\ndatumet för återbetalningen kom via mejl @bo\nåterbetalningen kom sent trots att de lovade en vecka @ann\nappen kunde inte säga upp, jag fick ringa @bo"
        }
        _ => {
            "l\nnobody told me about the refund date @ann\nthe refund date came by email @bo\nthe refund came late even though they promised a week @ann\nthe app couldn't cancel, told me to call @bo"
        }
    };
    set(&mut j, 6, 5, sentences);
    j
}

/// The expected findings as (id, phase, row indices; 5 = the row without a role).
const EXPECTED: [(&str, &str, &[usize]); 19] = [
    ("channel-without-owner", "Orientation", &[T, O]),
    ("channel-without-system", "Orientation", &[T, S]),
    ("conflicting-message", "Orientation", &[M]),
    ("stray-channel", "Orientation", &[S]),
    ("merge-conflict", "Orientation", &[5]),
    ("unowned-touchpoint", "Purchase", &[T, O]),
    ("unsupported-touchpoint", "Purchase", &[T, S]),
    ("stray-channel", "Purchase", &[M]),
    ("unanswered-need", "Delivery", &[N, M]),
    ("empty-cell", "Delivery", &[T]),
    ("empty-cell", "Delivery", &[5]),
    ("empty-cell", "Use", &[N]),
    ("inside-out", "Use", &[N, T, M, O, S]),
    ("message-without-channel", "Service", &[T, M]),
    ("handoff", "Renew", &[O]),
    ("system-seam", "Renew", &[S]),
    ("sources-disagree", "Leave", &[5]),
    ("broken-promise", "Leave", &[5]),
    ("dead-end", "Leave", &[5]),
];

fn expected(rows: [&str; 5], notes: &str) -> Vec<Brief> {
    let name = |r: usize| if r == 5 { notes } else { rows[r] };
    EXPECTED
        .iter()
        .map(|(id, phase, rs)| (*id, (*phase).to_owned(), rs.iter().map(|&r| name(r).to_owned()).collect()))
        .collect()
}

#[test]
fn a_journey_with_every_problem_gives_exactly_the_expected_findings() {
    for (rows, notes) in [(EN, "Notes"), (NL, "Notities"), (SV, "Anteckningar")] {
        let j = every_check(rows, notes);
        let found = check(&j);
        assert_eq!(brief(&j, &found), expected(rows, notes), "{rows:?}");
        let used: std::collections::BTreeSet<&str> = found.iter().map(|f| f.id).collect();
        let about_cells = IDS.iter().filter(|id| !JOURNEY_IDS.contains(id)).count();
        assert_eq!(used.len(), about_cells, "every check about the grid's cells fires");
        let conflict = found.iter().find(|f| f.id == "conflicting-message").unwrap();
        assert_eq!(
            conflict.message,
            format!(
                "{} gives \"price\" different answers: \"10 EUR\" (Orientation, #web) vs \"12 EUR\" (Purchase, #phone).",
                rows[M]
            )
        );
    }
}

#[test]
fn every_sentence_names_its_phase_and_rows() {
    let j = every_check(NL, "Notities");
    for f in check(&j) {
        assert!(f.message.contains(&j.phases()[f.phase].name), "{}", f.message);
        for &r in &f.rows {
            assert!(f.message.contains(&j.rows()[r]), "{}", f.message);
        }
        assert!(f.message.ends_with('.'), "{}", f.message);
    }
}

const MAPPED: &str = r##"format = 1
title = "Mapped"
persona = "P"
rows = ["Customer wants", "Channels", "We say", "Owner", "Tools", "Notes"]

[roles]
"Customer wants" = "need"
Channels = "touchpoints"
"We say" = "message"
Owner = "organization"
Tools = "systems"
Notes = "systems"

[[phase]]
name = "Ask"

[phase.cells]
"Customer wants" = "An answer"
Channels = "#mail"
Notes = "n"

[[phase]]
name = "Wait"

[phase.cells]
"Customer wants" = "Know when"
Channels = "#mail"
"We say" = "#mail wait: 2 days"
Owner = "Support owns #mail"
Tools = "#mail server"
Notes = "n"
"##;

#[test]
fn roles_from_the_file_map_other_row_names() {
    let j = parse(MAPPED.as_bytes()).unwrap();
    let found = check(&j);
    assert_eq!(
        brief(&j, &found),
        [
            b("unanswered-need", "Ask", &["Customer wants", "We say"]),
            b("unowned-touchpoint", "Ask", &["Channels", "Owner"]),
            b("unsupported-touchpoint", "Ask", &["Channels", "Tools"]),
        ]
    );
}

#[test]
fn checks_switched_off_in_the_file_produce_nothing() {
    let off = MAPPED.replacen(
        "\n[[phase]]",
        "\n[checks]\noff = [\"empty-cell\", \"unsupported-touchpoint\"]\n\n[[phase]]",
        1,
    );
    let j = parse(off.as_bytes()).unwrap();
    assert_eq!(j.checks_off, ["empty-cell", "unsupported-touchpoint"]);
    assert_eq!(ids(&j), ["unanswered-need", "unowned-touchpoint"]);
    let mut all = j.clone();
    all.checks_off = IDS.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(check(&all), vec![]);
}

pub(super) fn arb_journey() -> impl Strategy<Value = Journey> {
    let row_names = prop::sample::subsequence(
        vec!["Need", "Touchpoints", "Message", "Organization", "Systems", "Behoefte", "Budskap", "Notes", "Other"],
        1..7,
    )
    .prop_shuffle();
    let text = prop_oneof![
        Just(String::new()),
        "[ \n]{0,3}",
        "(#(web|WEB|shop|a-b|3)|a#b|http://x/#f|topic: (one|two)|x: //y|[a-z :#\n]{0,6}| |\n){0,6}",
        ".{0,20}",
    ];
    (
        row_names,
        1..5usize,
        proptest::collection::vec(text, 54),
        proptest::collection::vec(prop::sample::select(IDS.to_vec()), 0..3),
    )
        .prop_map(|(rows, phases, texts, off)| {
            let phase_names: Vec<String> = (0..phases).map(|p| format!("P{p}")).collect();
            let mut j = Journey::new("T", "P", rows, phase_names);
            let (nr, np) = (j.rows().len(), j.phases().len());
            for p in 0..np {
                for r in 0..nr {
                    set(&mut j, p, r, &texts[p * nr + r]);
                }
            }
            j.checks_off = off.into_iter().map(str::to_owned).collect();
            j
        })
}

proptest! {
    #[test]
    fn check_is_total_deterministic_and_stays_inside_the_grid(j in arb_journey()) {
        let first = check(&j);
        prop_assert_eq!(&first, &check(&j));
        for f in &first {
            prop_assert!(IDS.contains(&f.id));
            prop_assert!(!j.checks_off.iter().any(|o| o == f.id));
            prop_assert!(f.phase < j.phases().len());
            prop_assert!(!f.rows.is_empty() && !f.cells.is_empty());
            prop_assert!(f.rows.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(f.cells.iter().all(|&c| j.contains(c)), "{:?}", f);
            prop_assert!(f.cells.iter().all(|c| f.rows.contains(&c.row)));
            prop_assert!(f.cells.iter().any(|c| c.phase == f.phase));
            prop_assert!(!f.message.is_empty());
        }
        let keys: Vec<_> = first.iter().map(|f| (f.phase, f.rows[0], crate::checks::id_order(f.id))).collect();
        prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]));
    }
}
