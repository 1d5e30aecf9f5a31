//! The sentence checks on small grids.

use crate::checks::tests::{EN, M, N, NL, SV, T, set};
use crate::checks::{Finding, check};
use crate::journey::Journey;
use proptest::strategy::Strategy;

fn grid(rows: [&str; 5], cells: &[(usize, usize, &str)]) -> Journey {
    let mut j = Journey::new("T", "P", rows, ["Ask", "Switch"]);
    for &(p, r, text) in cells {
        set(&mut j, p, r, text);
    }
    j
}

fn found(j: &Journey, id: &str) -> Vec<Finding> {
    check(j).into_iter().filter(|f| f.id == id).collect()
}

#[test]
fn a_denial_between_sources_about_the_same_thing_is_found_and_explained() {
    let j = grid(
        EN,
        &[(1, N, "Nobody told me when the switch happened @sara"), (1, T, "got an SMS on the day of the switch @omar")],
    );
    let f = found(&j, "sources-disagree");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].message,
        "In \"Switch\", @sara and @omar disagree: \"Nobody told me when the switch happened\" (Need) vs \"got an SMS on the day of the switch\" (Touchpoints): one denies what the other states (\"nobody\"); both are about told/sms, switch."
    );
}

#[test]
fn one_shared_everyday_word_same_source_or_agreeing_figures_are_no_disagreement() {
    let one_word = grid(EN, &[(0, N, "I did not like the app @sara"), (0, T, "the app showed my usage @omar")]);
    assert!(found(&one_word, "sources-disagree").is_empty());
    let same =
        grid(EN, &[(0, N, "nobody told me about the switch @sara"), (0, T, "got an SMS about the switch @sara")]);
    assert!(found(&same, "sources-disagree").is_empty());
    let agree = grid(
        EN,
        &[(0, T, "waited 5 minutes on the phone @sara"), (0, N, "I waited 5 minutes on the phone, not bad @omar")],
    );
    assert!(found(&agree, "sources-disagree").is_empty());
    let differ =
        grid(EN, &[(0, T, "waited 25 minutes on the phone @sara"), (0, N, "I waited 5 minutes on the phone @omar")]);
    assert_eq!(found(&differ, "sources-disagree").len(), 1);
}

#[test]
fn the_same_said_of_different_things_is_no_disagreement() {
    let objects = grid(
        EN,
        &[(0, N, "the assessor didn't check the garage @liam"), (0, T, "the assessor did check the roof @mia")],
    );
    assert!(found(&objects, "sources-disagree").is_empty(), "garage and roof are different things");
    let subjects = grid(
        EN,
        &[
            (0, T, "the plan I picked costs 18 euros a month @maya"),
            (0, T, "my phone cost 240 euros on top of the plan @tom"),
        ],
    );
    assert!(found(&subjects, "sources-disagree").is_empty(), "the plan's price and the phone's");
    let denied_then_more = grid(
        NL,
        &[
            (0, N, "de monteur belde van tevoren even dat hij eraan kwam @joost"),
            (0, T, "de monteur kwam zonder te bellen, ik was niet eens thuis @fatima"),
        ],
    );
    let f = found(&denied_then_more, "sources-disagree");
    assert_eq!(f.len(), 1, "belde and bellen both name the phone; the rest of the line is another clause: {f:#?}");
}

#[test]
fn dutch_compounds_and_a_single_specific_word_make_the_same_thing() {
    let compounds = grid(
        NL,
        &[
            (0, N, "het huurcontract moet je binnen 5 dagen terugsturen @sanne"),
            (0, T, "ik had 14 dagen om het contract terug te sturen @joost"),
        ],
    );
    let f = found(&compounds, "sources-disagree");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("5 dagen vs 14 dagen"), "{}", f[0].message);
    let one_word = grid(
        NL,
        &[
            (0, N, "ik heb nooit een bevestigingsmail gekregen @sanne"),
            (0, T, "ik kreeg meteen een bevestigingsmail @pieter"),
        ],
    );
    assert_eq!(found(&one_word, "sources-disagree").len(), 1, "the one word the first line is about");
}

#[test]
fn a_dead_end_names_what_failed_and_reads_dutch_verbs_last() {
    let line = grid(
        EN,
        &[(0, T, "the results line couldn't tell me anything, they said I'd have to email the secretary @priya")],
    );
    let f = found(&line, "dead-end");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message.contains("results line could not do the job and sent the customer to email"),
        "{}",
        f[0].message
    );
    assert!(found(&line, "broken-promise").is_empty(), "a dead end is no broken promise as well");
    let nl = grid(
        NL,
        &[(0, T, "wijzigen lukte niet in de app, er stond dat ik een formulier per post moest sturen @sanne")],
    );
    let f = found(&nl, "dead-end");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("app could not do the job and sent the customer to mail"), "{}", f[0].message);
    let portal = grid(
        NL,
        &[(0, T, "het Omgevingsloket weigerde mijn tekening, de foutmelding zei dat ik naar de balie moest @pieter")],
    );
    let f = found(&portal, "dead-end");
    assert_eq!(f.len(), 1, "a compound of the channel sent to names its own: {f:#?}");
    assert!(
        f[0].message.contains("omgevingsloket could not do the job and sent the customer to office"),
        "{}",
        f[0].message
    );
}

#[test]
fn a_promise_broken_in_the_line_or_against_a_message_is_found() {
    let j = grid(EN, &[(1, N, "first invoice came as paper mail even though I chose e-invoice @sara")]);
    let f = found(&j, "broken-promise");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("\"chose e-invoice\""), "{}", f[0].message);
    let linked = grid(
        EN,
        &[(0, M, "#web we confirm the start date by SMS"), (1, N, "! no SMS about the start date ever came @omar")],
    );
    let f = found(&linked, "broken-promise");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("promised in \"Ask\""), "{}", f[0].message);
    let but = grid(EN, &[(0, N, "the form was long but it worked @sara")]);
    assert!(found(&but, "broken-promise").is_empty());
}

#[test]
fn sayings_deny_nothing_and_a_message_that_denies_can_still_be_broken() {
    let kept = grid(
        EN,
        &[
            (0, M, "#website free cancellation up to 48 hours before pick-up"),
            (0, T, "the website said free cancellation and I cancelled a booking at no cost @maya"),
        ],
    );
    assert!(found(&kept, "broken-promise").is_empty(), "at no cost denies nothing");
    let broken = grid(
        EN,
        &[
            (0, M, "#website fuel policy: full to full, no refuelling charge when returned full"),
            (0, T, "returned it full and still got a refuelling charge of 35 euros @priya"),
        ],
    );
    assert_eq!(found(&broken, "broken-promise").len(), 1, "a contrast breaks a promise that denies");
    let agrees = grid(EN, &[(0, M, "#web no fee for paper bills"), (0, T, "there was no fee for my paper bill @sara")]);
    assert!(found(&agrees, "broken-promise").is_empty(), "a denial against a denial agrees");
    let one_word = grid(
        NL,
        &[
            (0, M, "#email orderbevestiging: binnen 24 uur na de bestelling"),
            (0, T, "nooit een orderbevestiging gehad, zelfs niet in de spam @sanne"),
        ],
    );
    assert_eq!(found(&one_word, "broken-promise").len(), 1, "the one word the denial's clause is about");
}

#[test]
fn a_denial_breaks_a_promise_only_about_what_it_denies_and_a_choice_holds_its_own_contrast() {
    let other_thing = grid(
        EN,
        &[
            (0, M, "#confirmation email: sent as soon as the parcel is scanned at the shop"),
            (0, T, "never got a receipt at the parcel shop either @lena"),
        ],
    );
    assert!(found(&other_thing, "broken-promise").is_empty(), "a receipt is not the promised email");
    let arrived =
        grid(EN, &[(0, M, "#mail welcome pack: sent within 5 days"), (0, N, "the welcome pack never arrived @ben")]);
    assert_eq!(found(&arrived, "broken-promise").len(), 1, "never arrived denies the welcome pack");
    let choice = grid(EN, &[(0, T, "chose to get delivery updates by WhatsApp instead of email at checkout @tom")]);
    assert!(found(&choice, "broken-promise").is_empty(), "instead of is part of the choice");
}

#[test]
fn a_failure_that_sends_the_customer_elsewhere_is_a_dead_end() {
    let j = grid(EN, &[(0, T, "the chat bot couldn't change the address, told me to call @sara")]);
    let f = found(&j, "dead-end");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("chat could not do the job and sent the customer to phone"), "{}", f[0].message);
    let no_redirect = grid(EN, &[(0, T, "the app couldn't load the bill @sara")]);
    assert!(found(&no_redirect, "dead-end").is_empty());
}

#[test]
fn dutch_and_swedish_cues() {
    let nl = grid(NL, &[(0, T, "de chatbot kon mijn adres niet wijzigen, ik moest bellen @sara")]);
    assert_eq!(found(&nl, "dead-end").len(), 1);
    let sv = grid(SV, &[(0, T, "chatten kunde inte ändra adressen, jag fick ringa @sara")]);
    assert_eq!(found(&sv, "dead-end").len(), 1);
    let nl = grid(NL, &[(0, N, "kreeg een papieren rekening terwijl ik e-factuur had gekozen @sara")]);
    assert_eq!(found(&nl, "broken-promise").len(), 1);
    let sv =
        grid(SV, &[(0, N, "Ingen berättade när bytet skedde @sara"), (0, T, "fick ett sms samma dag som bytet @omar")]);
    assert_eq!(found(&sv, "sources-disagree").len(), 1);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Arbitrary text (control characters, any script, cue words, sources,
    /// figures) never makes a sentence check panic, and every finding stays
    /// inside the grid.
    #[test]
    fn no_sentence_check_panics_on_arbitrary_text(
        lines in proptest::collection::vec(
            proptest::prop_oneof![
                "\\PC{0,40}",
                "[a-z ,.@#0-9'’…-]{0,40}",
                proptest::sample::select(vec![
                    "nobody told me @a", "got 5 days @b", "kon … niet @c", "even though I chose x @d",
                    "couldn't, told me to call", "\u{1b}[31m@x 3,5 days\u{7}", "@a @b @c 1 1 1 1",
                ]).prop_map(str::to_owned),
            ],
            0..12,
        ),
        lang in proptest::sample::select(vec![EN, NL, SV]),
    ) {
        let mut j = Journey::new("T", "P", lang, ["A", "B"]);
        for (i, line) in lines.iter().enumerate() {
            let at = crate::journey::CellRef::new(i % 2, i % 5);
            let text = format!("{}\n{line}", j.cell(at));
            crate::journey::Change::SetCell { at, text }.apply(&mut j).unwrap();
        }
        for f in check(&j) {
            proptest::prop_assert!(f.cells.iter().all(|c| j.contains(*c)));
        }
    }
}
