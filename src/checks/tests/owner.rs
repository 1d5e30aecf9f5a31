//! The owner rule on the lines people write (many from the samples).

use crate::checks::owner::{Clause, clauses, owners_of};
use crate::journey::Language::{self, Dutch, English, Swedish};

/// The owners a cell names for a tag, as written.
fn owners(cell: &str, tag: &str, lang: Language) -> Vec<String> {
    let found: Vec<Clause> = clauses(cell, lang);
    owners_of(&found, tag).into_iter().map(|o| o.name.clone()).collect()
}

fn en(cell: &str, tag: &str) -> Vec<String> {
    owners(cell, tag, English)
}

#[test]
fn owner_first_clauses_name_the_words_before_the_verb() {
    assert_eq!(en("Marketing owns #website", "website"), ["Marketing"]);
    assert_eq!(en("Marketing owns #email templates", "email"), ["Marketing"]);
    assert_eq!(en("Field service planning sends #sms", "sms"), ["Field service planning"]);
    assert_eq!(en("Owner maintains #website himself", "website"), ["Owner"]);
    assert_eq!(en("Counter staff own #counter check-in", "counter"), ["Counter staff"]);
    assert_eq!(en("Counter staff take #phone bookings", "phone"), ["Counter staff"]);
    assert_eq!(en("Building permit unit wrote #brochure in 2019", "brochure"), ["Building permit unit"]);
    assert_eq!(en("Finance owns invoice text in #email and #portal", "portal"), ["Finance"]);
    assert_eq!(en("Registry staff at #counter scan paper forms", "counter"), ["Registry staff"]);
    assert_eq!(en("Owner set up #booking, nobody checks it daily", "booking"), ["Owner"]);
    assert_eq!(en("Support team #phone", "phone"), ["Support team"]);
    assert_eq!(en("Call centre, nights: #phone", "phone"), ["Call centre"]);
    assert_eq!(en("CMS serves #web", "web"), ["CMS"]);
    assert_eq!(en("The shop engine serves #web", "web"), ["shop engine"]);
}

#[test]
fn the_first_word_always_counts_so_a_team_named_like_a_verb_survives() {
    assert_eq!(en("Support owns #chat", "chat"), ["Support"]);
    assert_eq!(en("Customer support owns #chat", "chat"), ["Customer support"]);
    assert_eq!(en("Print shop prints #letter", "letter"), ["Print shop"]);
}

#[test]
fn tag_first_clauses_name_the_words_after_the_last_link_word() {
    assert_eq!(en("#portal writes move order to CRM", "portal"), ["CRM"]);
    assert_eq!(en("#phone PBX", "phone"), ["PBX"]);
    assert_eq!(en("#portal forms on the e-service platform", "portal"), ["e-service platform"]);
    assert_eq!(en("#booking widget syncs to shop calendar", "booking"), ["shop calendar"]);
    assert_eq!(en("#shop uses POS and sales tool, no CRM view", "shop"), ["POS", "sales tool"]);
    assert_eq!(en("#phone agents use CRM and billing system", "phone"), ["CRM", "billing system"]);
    assert_eq!(en("#chat and #phone: Support", "phone"), ["Support"]);
}

#[test]
fn marks_sources_bullets_and_other_clauses_are_left_out() {
    assert_eq!(en("! Sales owns #phone @sara", "phone"), ["Sales"]);
    assert_eq!(en("- Front desk staffs #desk", "desk"), ["Front desk staffs"]);
    assert_eq!(en("Web team owns #web; Sales owns #Phone\nCall centre: #phone", "PHONE"), ["Sales", "Call centre"]);
    // An open question or an idea claims no owner, but still names the channel.
    assert!(en("? who maintains the #web tariff page", "web").is_empty());
    assert!(en("+ Support could own #chat", "chat").is_empty());
    let found = clauses("? who runs #web", English);
    assert!(found[0].names("#WEB"));
    // Lines without a tag are no clauses; a tag alone names nobody.
    assert!(clauses("Support team\nno tags here", English).is_empty());
    assert!(en("#web", "web").is_empty());
    assert_eq!(en("owns #web", "web"), ["owns"], "the first word counts even when it is a verb");
}

#[test]
fn one_team_is_one_owner_whatever_its_case_or_word_endings() {
    assert_eq!(
        en("Sales owns #phone\nsales answers #phone\nSALES TEAMS run #phone; Sales team: #phone", "phone"),
        ["Sales", "SALES TEAMS"]
    );
    let found = clauses("Sales team owns #phone\nsales teams run #phone", English);
    assert_eq!(found[0].owners[0].key, found[1].owners[0].key);
}

#[test]
fn dutch_and_swedish_link_words_joins_and_articles() {
    assert_eq!(owners("Marketing beheert #website", "website", Dutch), ["Marketing"]);
    assert_eq!(
        owners("#telefoon via de klantenservice en het callcenter", "telefoon", Dutch),
        ["klantenservice", "callcenter"]
    );
    assert_eq!(owners("Kundtjänst svarar på #telefon", "telefon", Swedish), ["Kundtjänst"]);
    assert_eq!(owners("#webb i den nya plattformen och CRM", "webb", Swedish), ["nya plattformen", "CRM"]);
    // English link words work in every language.
    assert_eq!(owners("Sales owns #phone", "phone", Dutch), ["Sales"]);
    // Dutch "en" joins only in Dutch; Swedish "en" is an article.
    assert_eq!(owners("#web en CRM", "web", Swedish), ["CRM"]);
}
