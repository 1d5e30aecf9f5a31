//! The sample journeys give exactly the findings listed in journeys/DELIBERATE.txt.

use super::*;
use crate::format::parse;

fn findings_of(text: &str) -> Vec<Brief> {
    let j = parse(text.as_bytes()).unwrap();
    brief(&j, &check(&j))
}

#[test]
fn broadband_moving_house() {
    let found = findings_of(include_str!("../../../journeys/broadband-moving-house.toml"));
    assert_eq!(
        found,
        [
            b("conflicting-message", "Order move", &["Message"]),
            b("broken-promise", "Confirmation", &["Need", "Message"]),
            b("channel-without-system", "Confirmation", &["Touchpoints", "Systems"]),
            b("unanswered-need", "First bill", &["Need", "Message"]),
            b("stray-channel", "Support", &["Organization"]),
        ]
    );
}

#[test]
fn bicycle_repair() {
    let found = findings_of(include_str!("../../../journeys/bicycle-repair.toml"));
    assert_eq!(
        found,
        [
            b("conflicting-message", "Breakdown", &["Message"]),
            b("handoff", "Breakdown", &["Organization"]),
            b("system-seam", "Breakdown", &["Systems"]),
            b("channel-without-owner", "Diagnosis and quote", &["Touchpoints", "Organization"]),
            b("empty-cell", "Repair and parts", &["Need"]),
            b("inside-out", "Repair and parts", &["Need", "Touchpoints", "Message", "Organization", "Systems"]),
            b("unsupported-touchpoint", "Pick-up", &["Touchpoints", "Systems"]),
        ]
    );
}

#[test]
fn building_permit() {
    let found = findings_of(include_str!("../../../journeys/building-permit.toml"));
    assert_eq!(
        found,
        [
            b("conflicting-message", "Idea", &["Message"]),
            b("stray-channel", "Application", &["Systems"]),
            b("system-seam", "Application", &["Systems"]),
            b("unowned-touchpoint", "Completeness check", &["Touchpoints", "Organization"]),
            b("message-without-channel", "Processing", &["Touchpoints", "Message"]),
        ]
    );
}

#[test]
fn sample_sentences() {
    let text = include_str!("../../../journeys/broadband-moving-house.toml");
    let j = parse(text.as_bytes()).unwrap();
    let messages: Vec<String> = check(&j).into_iter().map(|f| f.message).collect();
    assert_eq!(
        messages,
        [
            "Message gives \"order lead time\" different answers: \"at least 3 weeks\" (Order move, #portal) vs \"10 working days\" (Order move, #phone).",
            "In \"Confirmation\", \"nobody told me the installation date\" (Need) says what Message promised in \"Confirmation\" was not done (\"nobody\"); both are about #email/told, installation, date.",
            "In \"Confirmation\", Touchpoints has #sms but Systems does not mention it: no system serves this channel.",
            "In \"First bill\", Need has text but Message is empty: no message answers the customer's need.",
            "In \"Support\", Organization names #shop, which is not among the Touchpoints of this phase.",
        ]
    );
}

#[test]
fn sample_wall_sentences() {
    let text = include_str!("../../../journeys/building-permit.toml");
    let j = parse(text.as_bytes()).unwrap();
    let seam = check(&j).into_iter().find(|f| f.id == "system-seam").unwrap();
    assert_eq!(
        seam.message,
        "#portal is served by e-service platform in \"Application\" and by case system in \"Completeness check\" \
         (Systems): ask whether case system is connected to e-service platform."
    );
}

#[test]
fn energy_switch_interview() {
    let text = include_str!("../../../journeys/energy-switch-interview.toml");
    let j = parse(text.as_bytes()).unwrap();
    let r = crate::checks::review(&j);
    let about_cells: Vec<Finding> = r.open.iter().filter(|f| f.phase != Finding::JOURNEY).cloned().collect();
    assert_eq!(
        brief(&j, &about_cells),
        [
            b("conflicting-message", "Compare", &["Message"]),
            b("handoff", "Ask", &["Organization"]),
            b("unanswered-need", "Wait", &["Need", "Message"]),
        ]
    );
    assert_eq!(r.open.last().map(|f| f.id), Some("unsorted-notes"));
    let accepted: Vec<Finding> = r.accepted.iter().map(|a| a.finding.clone()).collect();
    assert_eq!(
        brief(&j, &accepted),
        [
            b("channel-without-owner", "Sign", &["Touchpoints", "Organization"]),
            b("channel-without-owner", "Wait", &["Touchpoints", "Organization"]),
        ]
    );
    assert_eq!(r.to_words(), "2 warnings · 2 info · 2 accepted");
    let messages: Vec<&str> = r.open.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Message gives \"switch time\" different answers: \"14 days\" (Compare, #comparison; Ask, #phone) vs \
             \"21 days.\" (Sign, #email).",
            "#phone is owned by Sales in \"Ask\" and by Support in \"Sign\" (Organization): ask whether the customer \
             notices the handoff from Sales to Support.",
            "In \"Wait\", Need has text but Message is empty: no message answers the customer's need.",
            "The inbox holds 1 note that is not sorted into a cell yet.",
        ]
    );
}
