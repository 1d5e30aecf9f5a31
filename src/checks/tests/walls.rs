//! handoff and system-seam: a channel that continues into the next phase
//! with another owner or system.

use super::*;

/// Two phases that share `#phone` (and `#web`), with these Organization and Systems cells.
fn two(org: [&str; 2], sys: [&str; 2]) -> Journey {
    let mut j = Journey::new("T", "P", EN, ["Ask", "Sign"]);
    for p in 0..2 {
        set(&mut j, p, N, "Get a contract");
        set(&mut j, p, T, "#phone call\n#web form");
        set(&mut j, p, M, "#phone we call back");
        set(&mut j, p, O, org[p]);
        set(&mut j, p, S, sys[p]);
    }
    j
}

const ORG: &str = "Web team owns #web";
const SYS: &str = "CMS serves #web";

fn org(a: &str, b: &str) -> Journey {
    two([&format!("{a}\n{ORG}"), &format!("{b}\n{ORG}")], [&format!("PBX runs #phone\n{SYS}"); 2])
}

#[test]
fn handoff_fires_when_a_continuing_channel_changes_owner() {
    let j = org("Sales owns #phone", "Support owns #phone");
    let f = only(&j, "handoff");
    assert_eq!((f.phase, f.rows.clone()), (0, vec![O]));
    assert_eq!(f.cells, [CellRef::new(0, O), CellRef::new(1, O)]);
    assert_eq!(f.subjects, ["phone"]);
    assert_eq!(f.severity, crate::checks::Severity::Info);
    assert_eq!(
        f.message,
        "#phone is owned by Sales in \"Ask\" and by Support in \"Sign\" (Organization): ask whether the customer \
         notices the handoff from Sales to Support."
    );
    assert_eq!(ids(&j), ["handoff"]);
}

#[test]
fn system_seam_fires_when_a_continuing_channel_changes_system() {
    let j = two(
        ["Sales owns #phone\nWeb team owns #web"; 2],
        ["PBX runs #phone\nCMS serves #web", "PBX runs #phone\nShop engine serves #web"],
    );
    let f = only(&j, "system-seam");
    assert_eq!((f.phase, f.rows.clone(), f.subjects.clone()), (0, vec![S], vec!["web".to_owned()]));
    assert_eq!(
        f.message,
        "#web is served by CMS in \"Ask\" and by Shop engine in \"Sign\" (Systems): ask whether Shop engine is \
         connected to CMS."
    );
    assert_eq!(ids(&j), ["system-seam"]);
}

#[test]
fn the_same_team_in_other_words_is_no_handoff() {
    for (a, b) in [
        ("Sales owns #phone", "sales answers #phone"),
        ("Sales team owns #phone", "Sales teams run #phone"),
        ("! Sales owns #phone @sara", "Sales: #phone"),
        // A team that stays is continuity, even when another joins or leaves.
        ("Sales and Support own #phone", "Support owns #phone"),
    ] {
        assert!(!ids(&org(a, b)).contains(&"handoff"), "{a} / {b}");
    }
}

#[test]
fn no_wall_without_owners_on_both_sides_or_between_distant_phases() {
    // Nobody named on one side: channel-without-owner speaks, not handoff.
    assert_eq!(ids(&org("Sales owns #phone", "? who calls on #phone")), Vec::<&str>::new());
    assert_eq!(ids(&org("Sales owns #phone", "Support answers questions")), ["channel-without-owner"]);
    // A phase in between that lacks the channel breaks the continuity.
    let mut j = org("Sales owns #phone", "Support owns #phone");
    Change::InsertPhase { at: 1, name: "Think".into(), mood: None, cells: vec![] }.apply(&mut j).unwrap();
    set(&mut j, 1, N, "Think it over");
    set(&mut j, 1, T, "#web reviews");
    set(&mut j, 1, M, "#web reviews: 4.5 stars");
    set(&mut j, 1, O, ORG);
    set(&mut j, 1, S, SYS);
    assert_eq!(ids(&j), Vec::<&str>::new());
}

#[test]
fn external_channels_have_no_walls() {
    let mut j = org("Sales owns #phone", "Support owns #phone");
    j.external = vec!["phone".into()];
    assert!(!ids(&j).contains(&"handoff"));
}

#[test]
fn walls_work_in_dutch_and_swedish_and_name_the_rows_as_written() {
    let mut j = Journey::new("T", "P", NL, ["Vragen", "Tekenen"]);
    for (p, who) in ["Verkoop beheert #telefoon", "Klantenservice beheert #telefoon"].iter().enumerate() {
        set(&mut j, p, N, "Een contract");
        set(&mut j, p, T, "#telefoon");
        set(&mut j, p, M, "#telefoon levertijd: 3 dagen");
        set(&mut j, p, O, who);
        set(&mut j, p, S, "#telefoon via de telefooncentrale");
    }
    let f = only(&j, "handoff");
    assert!(
        f.message.contains("from Verkoop to Klantenservice") && f.message.contains("(Organisatie)"),
        "{}",
        f.message
    );
    assert_eq!(ids(&j), ["handoff"]);
    let mut j = Journey::new("T", "P", SV, ["Fråga", "Teckna"]);
    for (p, sys) in ["#webb i Episerver", "#webb i Shopify"].iter().enumerate() {
        set(&mut j, p, N, "Ett avtal");
        set(&mut j, p, T, "#webb");
        set(&mut j, p, M, "#webb leveranstid: 3 dagar");
        set(&mut j, p, O, "Marknad äger #webb");
        set(&mut j, p, S, sys);
    }
    let f = only(&j, "system-seam");
    assert!(f.message.contains("ask whether Shopify is connected to Episerver"), "{}", f.message);
}
