use std::sync::Arc;

use super::*;
use crate::journey::Shared;

fn journey(cells: &[(&str, &str, &str)]) -> Journey {
    let mut phases: Vec<&str> = Vec::new();
    for (phase, _, _) in cells {
        if !phases.contains(phase) {
            phases.push(phase);
        }
    }
    let mut j = Journey::new("t", "p", crate::journey::DEFAULT_ROWS, phases.clone());
    for (phase, row, text) in cells {
        let at = CellRef::new(j.phase_index(phase).unwrap(), j.row_index(row).unwrap());
        crate::journey::Change::SetCell { at, text: (*text).into() }.apply(&mut j).unwrap();
    }
    j
}

fn with_rules(mut j: Journey, text: &str) -> Journey {
    let rules = crate::portfolio::config::parse(text, "jgrid.toml").unwrap();
    j.shared = Shared::new(Arc::new(rules));
    j
}

#[test]
fn channels_get_their_teams_systems_and_promises() {
    let j = journey(&[
        ("Buy", "Touchpoints", "#phone sales line\n#web shop"),
        ("Buy", "Message", "#phone callback: within 1 day\nprice: 10 EUR\n? #web delivery: soon"),
        ("Buy", "Organization", "Sales owns #phone; Marketing owns #web"),
        ("Buy", "Systems", "#phone agents use CRM and billing system"),
    ]);
    let facts = of(&j, &mut Memo::default());
    let phone = facts.uses.iter().find(|u| u.channel == "phone").unwrap();
    assert!(phone.touchpoint && !phone.external);
    assert_eq!(phone.teams.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), ["Sales"]);
    assert_eq!(phone.systems.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), ["CRM", "billing system"]);
    let web = facts.uses.iter().find(|u| u.channel == "web").unwrap();
    assert_eq!(web.teams[0].name, "Marketing");
    assert!(web.systems.is_empty());
    // Only a line with a channel makes a promise; an open question makes none.
    assert_eq!(facts.said.len(), 1);
    assert_eq!((facts.said[0].topic.as_str(), facts.said[0].said.as_str()), ("callback", "within 1 day"));
}

#[test]
fn aliases_make_spellings_one_channel_team_and_system() {
    let j = journey(&[
        ("Call", "Touchpoints", "#Hotline"),
        ("Call", "Message", "#hotline Callback: within 3 days."),
        ("Call", "Organization", "Support owns #hotline"),
        ("Call", "Systems", "Salesforce serves #call-centre"),
    ]);
    let j = with_rules(
        j,
        "[aliases.channels]\nphone = [\"hotline\", \"call-centre\"]\n[aliases.teams]\n\"Customer service\" = [\"Support\"]\n[aliases.systems]\nCRM = [\"Salesforce\"]\n",
    );
    let facts = of(&j, &mut Memo::default());
    assert_eq!(facts.uses.len(), 1, "{:?}", facts.uses);
    let phone = &facts.uses[0];
    assert_eq!((phone.channel.as_str(), phone.written.as_str()), ("phone", "Hotline"));
    assert_eq!(phone.teams, [Name { key: "=customer service".into(), name: "Customer service".into() }]);
    assert_eq!(phone.systems[0].name, "CRM");
    assert_eq!(facts.said[0].channel, "phone");
    assert_eq!(facts.said[0].said_key, "within 3 days");
}

#[test]
fn external_channels_are_marked_and_make_no_walls() {
    let j = journey(&[
        ("A", "Touchpoints", "#search"),
        ("A", "Organization", "Marketing owns #search"),
        ("B", "Touchpoints", "#search"),
        ("B", "Organization", "Sales owns #search"),
    ]);
    assert_eq!(of(&j, &mut Memo::default()).walls.len(), 1);
    let j = with_rules(j, "[checks]\nexternal = [\"search\"]\n");
    let facts = of(&j, &mut Memo::default());
    assert!(facts.uses.iter().all(|u| u.external));
    assert!(facts.walls.is_empty());
}

/// The walls are the `handoff` and `system-seam` findings of the checks,
/// one for one, on every sample journey.
#[test]
fn walls_are_the_handoffs_and_seams_the_checks_find() {
    for entry in std::fs::read_dir("journeys").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let mut j = crate::store::load(&path).unwrap();
        j.checks_off.clear();
        let findings = crate::checks::check(&j);
        let mut expected: Vec<(usize, String, &str)> = findings
            .iter()
            .filter(|f| f.id == "handoff" || f.id == "system-seam")
            .map(|f| (f.phase, f.subjects[0].to_lowercase(), f.id))
            .collect();
        let mut found: Vec<(usize, String, &str)> = of(&j, &mut Memo::default())
            .walls
            .iter()
            .map(|w| (w.from, w.channel.clone(), if w.kind == WallKind::Handoff { "handoff" } else { "system-seam" }))
            .collect();
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "{}", path.display());
    }
}
