//! What keeps an interview-stage grid quiet: external channels, rows nobody
//! has started, and topics compared as people read them.

use super::*;
use crate::journey::Note;

fn two_messages(rows: [&str; 5], first: &str, second: &str) -> Journey {
    let mut j = Journey::new("T", "P", rows, ["Ask", "Sign"]);
    for p in 0..2 {
        for (r, text) in [(N, "x"), (T, "#web"), (O, "Web team owns #web"), (S, "CMS serves #web")] {
            set(&mut j, p, r, text);
        }
    }
    set(&mut j, 0, M, first);
    set(&mut j, 1, M, second);
    j
}

fn conflicts(rows: [&str; 5], first: &str, second: &str) -> bool {
    ids(&two_messages(rows, first, second)).contains(&"conflicting-message")
}

#[test]
fn topics_compare_by_stem_case_punctuation_and_spacing() {
    assert!(conflicts(EN, "#web switch time: 14 days", "#web Switching time: 21 days."));
    assert!(conflicts(EN, "switch-time: 14 days", "SWITCH  TIMES: 21 days"));
    assert!(!conflicts(EN, "#web switch time: 3 days", "#web Switching time: 3 days."));
    assert!(!conflicts(EN, "switch time: 14 days", "switch fee: 21 EUR"));
    let f = only(&two_messages(EN, "switch time: 14 days", "Switching time: 21 days."), "conflicting-message");
    assert_eq!(f.message, "Message gives \"switch time\" different answers: \"14 days\" (Ask) vs \"21 days.\" (Sign).");
    assert_eq!(f.subjects, ["switch time"]);
}

#[test]
fn dutch_and_swedish_topics_use_the_journeys_language() {
    assert!(conflicts(NL, "levertijd: 3 dagen", "Levertijden: 5 dagen"));
    assert!(!conflicts(NL, "levertijd: 3 dagen", "levertijden: 3 dagen."));
    assert!(conflicts(SV, "leveranstid: 3 dagar", "Leveranstiden: 5 dagar"));
    // `lang` in the file wins over the row names.
    let mut j = two_messages(EN, "levertijd: 3 dagen", "levertijden: 5 dagen");
    assert!(!ids(&j).contains(&"conflicting-message"), "the English stemmer keeps Dutch plurals apart");
    j.lang = Some(crate::journey::Language::Dutch);
    assert!(ids(&j).contains(&"conflicting-message"));
}

#[test]
fn marks_sources_questions_and_ideas_are_no_statements() {
    assert!(!conflicts(EN, "! fee: 5 EUR @sara", "> fee: 5 EUR. @tom"));
    assert!(conflicts(EN, "! fee: 5 EUR @sara", "> fee: 6 EUR @tom"));
    assert!(!conflicts(EN, "fee: 5 EUR", "? fee: maybe 6 EUR"));
    assert!(!conflicts(EN, "fee: 5 EUR", "+ fee: 4 EUR would win customers"));
    let f = only(&two_messages(EN, "! fee: 5 EUR @sara", "fee: 6 EUR @tom"), "conflicting-message");
    assert_eq!(f.message, "Message gives \"fee\" different answers: \"5 EUR\" (Ask) vs \"6 EUR\" (Sign).");
}

#[test]
fn external_channels_need_no_owner_and_no_system() {
    let mut j = with(EN, T, "#web form\n#phone line\n#search engine ad");
    assert_eq!(ids(&j), ["channel-without-owner", "channel-without-system"]);
    j.external = vec!["Search".into()];
    assert_eq!(ids(&j), Vec::<&str>::new());
    // An external tag named in Organization is still not a touchpoint elsewhere.
    set(&mut j, 0, T, "#web form\n#phone line");
    set(&mut j, 0, O, "Support owns #web and #phone\nMarketing buys #search ads");
    assert_eq!(ids(&j), ["stray-channel"]);
}

#[test]
fn a_phase_with_only_external_touchpoints_has_no_organisation_or_system_gaps() {
    let mut j = Journey::new("T", "P", EN, ["Compare"]);
    j.external = vec!["search".into(), "comparison".into()];
    set(&mut j, 0, N, "Find a cheaper tariff");
    set(&mut j, 0, T, "#search prices\n! #comparison site with 40 suppliers");
    set(&mut j, 0, M, "#comparison switch time: 14 days");
    assert_eq!(ids(&j), Vec::<&str>::new());
    // One line without an external tag and the phase is the organisation's again.
    set(&mut j, 0, T, "#search prices\n#comparison site\nasked a friend");
    assert_eq!(ids(&j), ["unowned-touchpoint", "unsupported-touchpoint"]);
}

#[test]
fn an_interview_grid_does_not_flag_organisation_rows_nobody_has_started() {
    let mut j = Journey::new("T", "P", EN, ["Ask", "Sign"]);
    for p in 0..2 {
        set(&mut j, p, N, "Know the price @sara");
        set(&mut j, p, T, "#phone sales line");
        set(&mut j, p, M, "#phone price: 10 EUR");
    }
    assert_eq!(ids(&j), Vec::<&str>::new(), "Organization and Systems wait for the organisation's side");
    // Once a row has text anywhere, it is checked in every phase.
    set(&mut j, 0, O, "Sales owns #phone");
    assert_eq!(ids(&j), ["unowned-touchpoint"]);
    assert_eq!(brief(&j, &check(&j))[0].1, "Sign");
    // Without interview notes (no @source, empty inbox) every gap counts, as before.
    let mut plain = Journey::new("T", "P", EN, ["Ask"]);
    set(&mut plain, 0, N, "Know the price");
    set(&mut plain, 0, T, "#phone");
    set(&mut plain, 0, M, "#phone price: 10 EUR");
    let all = ["unowned-touchpoint", "unsupported-touchpoint"];
    assert_eq!(ids(&plain), all);
    plain.inbox.push(Note { text: "n".into(), source: None, at: "2026-12-01T14:03:12Z".into() });
    assert_eq!(ids(&plain), Vec::<&str>::new(), "an inbox note is interview evidence too");
}
