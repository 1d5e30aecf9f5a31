//! The Mermaid export's actors (the owner rule), scores (the mood) and escaping.

use proptest::prelude::*;

use super::to_mermaid;
use crate::journey::{CellRef, Change, Journey};

fn journey(phases: &[(&str, Option<i8>, &str, &str)]) -> Journey {
    let names: Vec<&str> = phases.iter().map(|p| p.0).collect();
    let mut j = Journey::new("", "", ["Touchpoints", "Organization"], names);
    for (p, &(_, mood, touchpoints, organization)) in phases.iter().enumerate() {
        Change::SetMood { phase: p, mood }.apply(&mut j).unwrap();
        for (r, text) in [touchpoints, organization].into_iter().enumerate() {
            Change::SetCell { at: CellRef::new(p, r), text: text.into() }.apply(&mut j).unwrap();
        }
    }
    j
}

#[test]
fn actors_are_teams_not_sentence_fragments_and_each_team_has_one_spelling() {
    let j = journey(&[
        ("Idea", None, "#brochure at the library", "Building permit unit wrote #brochure in 2019"),
        ("Advice", None, "#meeting with an inspector", "building permit units own #meeting slots"),
        ("Visit", None, "#counter check-in\n#web form", "Counter staff own #counter; Owner maintains #web himself"),
    ]);
    assert_eq!(
        to_mermaid(&j),
        "journey\n\
         \x20 section Idea\n\
         \x20   brochure at the library: 3: Building permit unit\n\
         \x20 section Advice\n\
         \x20   meeting with an inspector: 3: Building permit unit\n\
         \x20 section Visit\n\
         \x20   counter check-in: 3: Counter staff\n\
         \x20   web form: 3: Owner\n"
    );
}

#[test]
fn scores_follow_the_mood_and_unknown_is_neutral() {
    let j = journey(&[
        ("Low", Some(-2), "#web", "Web team owns #web"),
        ("High", Some(2), "", ""),
        ("Unknown", None, "#web", ""),
    ]);
    let mmd = to_mermaid(&j);
    assert!(mmd.contains("    web: 1: Web team\n"), "{mmd}");
    assert!(mmd.contains("    (no touchpoints): 5: Customer\n"), "{mmd}");
    assert!(mmd.contains("  section Unknown\n    web: 3: Customer\n"), "{mmd}");
}

#[test]
fn angle_brackets_and_controls_never_reach_the_diagram() {
    let j = journey(&[("<b>Ask</b>", None, "#web <script>alert(1)</script>\u{1b}[31m", "<i>Web</i> team owns #web")]);
    let mmd = to_mermaid(&j);
    assert!(!mmd.contains(['<', '>', '\u{1b}']), "{mmd}");
    assert!(mmd.contains("  section ‹b›Ask‹/b›\n"), "{mmd}");
    assert!(mmd.contains(": 3: ‹i›Web‹/i› team\n"), "{mmd}");
}

#[test]
fn questions_and_ideas_name_no_actor() {
    let j = journey(&[("Ask", None, "#web tariff page", "? who maintains the #web page\n+ Sales could own #web")]);
    assert!(to_mermaid(&j).contains("    web tariff page: 3: Customer\n"));
}

proptest! {
    /// Every score is 1 to 5 and every actor is a plain name.
    #[test]
    fn scores_and_actors_are_always_valid(moods in prop::collection::vec(prop::option::of(-2i8..=2), 1..5), org in "[a-zA-Z<>#;:, \n]{0,40}") {
        let phases: Vec<(&str, Option<i8>, &str, &str)> =
            moods.iter().map(|&m| ("P", m, "#web x\n#app y", org.as_str())).collect();
        let names: Vec<String> = (0..phases.len()).map(|i| format!("P{i}")).collect();
        let phases: Vec<_> = phases.iter().zip(&names).map(|(p, n)| (n.as_str(), p.1, p.2, p.3)).collect();
        let mmd = to_mermaid(&journey(&phases));
        for line in mmd.lines().filter(|l| l.starts_with("    ")) {
            let parts: Vec<&str> = line.split(':').collect();
            prop_assert_eq!(parts.len(), 3, "{}", line);
            let score: i8 = parts[1].trim().parse().unwrap();
            prop_assert!((1..=5).contains(&score));
            prop_assert!(parts[2].split(", ").all(|a| !a.trim().is_empty() && !a.contains([',', '<', '>', '#', ';'])), "{}", line);
        }
    }
}

#[test]
fn nothing_mermaid_reads_as_a_comment_or_a_keyword_drops_a_task_or_a_phase() {
    let j = journey(&[
        ("# ;", Some(1), "% off banner on #web\n%% promo", "\"Quoted\" team owns #web"),
        ("Visit", None, "Section\u{feff}5 of the #brochure\nTitle\u{feff}deed by #post", ""),
    ]);
    assert_eq!(
        to_mermaid(&j),
        "journey\n\
         \x20 section Phase 1\n\
         \x20   - % off banner on web: 4: Quoted team\n\
         \x20   - % % promo: 4: Customer\n\
         \x20 section Visit\n\
         \x20   - Section 5 of the brochure: 3: Customer\n\
         \x20   - Title deed by post: 3: Customer\n"
    );
}
