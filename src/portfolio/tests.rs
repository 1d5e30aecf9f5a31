use std::path::Path;

use super::*;

const NORTHWIND: &str = "tests/portfolio/northwind";

fn northwind() -> Portfolio {
    load(Path::new(NORTHWIND), |_, _| ()).unwrap()
}

#[test]
fn every_journey_is_read_with_the_folder_rules() {
    let p = northwind();
    let names: Vec<&str> = p.journeys.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["cancelling.toml", "complaint.toml", "moving-house.toml", "new-contract.toml", "repair.toml", "roaming.toml"]
    );
    assert_eq!(p.name(), "Northwind Telecom");
    assert!(p.others.is_empty() && p.broken.is_empty() && p.problems.is_empty());
    let moving = &p.journeys[2].summary;
    assert_eq!(moving.phases, ["Orientation", "Order move", "Installation"]);
    assert_eq!(moving.moods, [Some(1), Some(-1), Some(-2)]);
    assert_eq!((moving.filled, moving.backed), (15, 2));
}

#[test]
fn the_planted_findings_across_journeys_are_found_and_no_others() {
    let p = northwind();
    let found = cross::check(&p.journeys, &p.labels(), p.rules.as_deref());
    let listed: Vec<(&str, Vec<&str>)> =
        found.iter().map(|f| (f.id, f.subjects.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        listed,
        [
            ("portfolio-conflict", vec!["phone", "callback"]),
            ("owner-drift", vec!["email"]),
            ("system-drift", vec!["app"])
        ]
    );
    let conflict = &found[0];
    assert_eq!(
        conflict.message,
        "#phone \"callback\" gets different answers across journeys: \"within 3 days\" (Complaint about a bill: \
         Contact) vs \"within 1 day\" (Moving house: Order move, as #hotline); make the journeys promise the same."
    );
    let places: Vec<(usize, usize, &str)> =
        conflict.places.iter().map(|p| (p.journey, p.phase, p.written.as_str())).collect();
    assert_eq!(places, [(1, 0, "phone"), (2, 1, "hotline")]);
    assert_eq!(
        found[1].message,
        "#email is owned by different teams in different journeys: Billing in \"Cancelling\"; Sales in \"New \
         contract\"; ask whether one team should own it, or how they hand it over."
    );
    assert!(found[2].message.starts_with("#app is served by different systems in different journeys: Mobile backend in \"Travelling abroad\"; Ticketing in \"Repair\""), "{}", found[2].message);
}

/// A copy of the Northwind folder with another jgrid.toml (none: `None`).
fn northwind_with(rules: Option<&str>) -> Portfolio {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(NORTHWIND).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    match rules {
        Some(text) => std::fs::write(dir.path().join("jgrid.toml"), text).unwrap(),
        None => std::fs::remove_file(dir.path().join("jgrid.toml")).unwrap(),
    }
    load(dir.path(), |_, _| ()).unwrap()
}

fn found(p: &Portfolio) -> Vec<(&'static str, Vec<String>)> {
    cross::check(&p.journeys, &p.labels(), p.rules.as_deref()).into_iter().map(|f| (f.id, f.subjects)).collect()
}

#[test]
fn without_the_channel_aliases_the_conflict_is_not_seen() {
    let found = found(&northwind_with(None));
    assert!(!found.iter().any(|f| f.0 == "portfolio-conflict"), "{found:?}");
}

#[test]
fn without_the_team_aliases_support_and_customer_service_drift() {
    let p = northwind_with(Some("[aliases.channels]\nphone = [\"hotline\", \"call-centre\"]\n"));
    let found = found(&p);
    assert!(found.contains(&("owner-drift", vec!["phone".to_owned()])), "{found:?}");
    // Salesforce and CRM are two systems now, but moving house names CRM nowhere.
    assert!(found.contains(&("system-drift", vec!["phone".to_owned()])), "{found:?}");
}

#[test]
fn switched_off_checks_across_journeys_do_not_run() {
    let p = northwind();
    let mut rules = (**p.rules.as_ref().unwrap()).clone();
    rules.checks_off = vec!["owner-drift".into(), "portfolio-conflict".into()];
    let found = cross::check(&p.journeys, &p.labels(), Some(&rules));
    assert_eq!(found.iter().map(|f| f.id).collect::<Vec<_>>(), ["system-drift"]);
}

#[test]
fn the_blueprint_lists_each_channel_with_its_teams_systems_and_journeys() {
    let p = northwind();
    let b = blueprint::of(&p.journeys, p.rules.as_deref());
    let phone = b.channels.iter().find(|c| c.name == "phone").unwrap();
    assert_eq!(phone.spellings, ["hotline", "call-centre"]);
    assert_eq!(phone.seen.iter().map(|s| s.journey).collect::<Vec<_>>(), [1, 2, 4, 5]);
    let teams: Vec<&str> = phone.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(teams, ["Customer service", "Billing", "Provisioning"]);
    let systems: Vec<&str> = phone.systems.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(systems, ["CRM", "billing system", "provisioning tool"]);
    // The channel in the most journeys comes first.
    assert_eq!(b.channels[0].name, "phone");
    let search = b.channels.iter().find(|c| c.name == "search").unwrap();
    assert!(search.external && search.teams.is_empty());
    let web = b.channels.iter().find(|c| c.name == "web").unwrap();
    assert_eq!(web.spellings, ["website"]);
}

#[test]
fn the_walls_are_ranked_most_frequent_first() {
    let p = northwind();
    let b = blueprint::of(&p.journeys, p.rules.as_deref());
    let handoffs: Vec<(&str, &str, usize)> =
        b.handoffs.iter().map(|w| (w.pair.0.as_str(), w.pair.1.as_str(), w.crossings.len())).collect();
    assert_eq!(handoffs, [("Billing", "Customer service", 1), ("Customer service", "Provisioning", 1)]);
    let seams: Vec<(&str, &str)> = b.seams.iter().map(|w| (w.pair.0.as_str(), w.pair.1.as_str())).collect();
    assert_eq!(seams, [("billing system", "CRM"), ("CRM", "provisioning tool")]);
    let crossing = &b.handoffs[1].crossings[0];
    assert_eq!((crossing.journey, crossing.from, crossing.channel.as_str(), crossing.forward), (2, 1, "phone", true));
}

#[test]
fn a_journey_read_again_takes_its_place_and_may_stop_being_one() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["complaint.toml", "repair.toml", "roaming.toml"] {
        std::fs::copy(Path::new(NORTHWIND).join(name), dir.path().join(name)).unwrap();
    }
    let mut p = load(dir.path(), |_, _| ()).unwrap();
    let repair = dir.path().join("repair.toml");
    let text = std::fs::read_to_string(&repair).unwrap().replace("title = \"Repair\"", "title = \"Fixed\"");
    std::fs::write(&repair, text).unwrap();
    let read = p.reread(&repair);
    p.replace(&repair, read);
    let titles: Vec<&str> = p.journeys.iter().map(|e| e.summary.title.as_str()).collect();
    assert_eq!(titles, ["Complaint about a bill", "Fixed", "Travelling abroad"]);
    std::fs::write(&repair, "format = 1\nrows = [").unwrap();
    let read = p.reread(&repair);
    p.replace(&repair, read);
    assert_eq!(p.journeys.len(), 2);
    assert_eq!(p.broken.len(), 1);
    assert!(p.broken[0].1.contains("repair.toml:2:"), "{}", p.broken[0].1);
}
