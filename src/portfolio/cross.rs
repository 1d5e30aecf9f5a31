//! The checks across journeys: what one journey cannot show.
//!
//! - `portfolio-conflict` (warning): one channel and topic get different
//!   statements in different journeys (`#hotline callback: within 1 day` in
//!   one, `#phone callback: within 3 days` in another, `hotline` being an
//!   alias of `phone`). Topics and statements compare as
//!   `conflicting-message` compares them.
//! - `owner-drift` (info): one channel is owned by different teams in
//!   different journeys: two journeys name owners for it (the owner rule)
//!   and none in common.
//! - `system-drift` (info): the same for the systems that serve a channel.
//!
//! Channels the organisation does not run (`[checks] external`) need no
//! owner, so they never drift. A check in the portfolio's `[checks] off`
//! does not run. Only [`super::facts`] is read.

use std::collections::{BTreeMap, BTreeSet};

use super::facts::{Name, Use};
use super::{CROSS_IDS, Entry};
use crate::checks::Severity;
use crate::journey::{PortfolioRules, Role};

/// One finding across journeys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossFinding {
    /// One of [`CROSS_IDS`].
    pub id: &'static str,
    pub severity: Severity,
    /// The channel (without `#`), and for a conflict the topic as first written.
    pub subjects: Vec<String>,
    /// One plain sentence.
    pub message: String,
    /// Every place it is about, in journey order.
    pub places: Vec<Place>,
}

/// Where a finding across journeys looks: a cell of one journey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The journey's index in the portfolio.
    pub journey: usize,
    pub phase: usize,
    /// The row read: Message, Organization or Systems.
    pub role: Role,
    /// What that cell says about the subject (a statement, or the teams or
    /// systems it names), and the tag as written there.
    pub says: String,
    pub written: String,
}

/// Run the checks across the journeys; `labels` names each in sentences.
pub fn check<T>(journeys: &[Entry<T>], labels: &[String], rules: Option<&PortfolioRules>) -> Vec<CrossFinding> {
    let off = |id: &str| rules.is_some_and(|r| r.checks_off.iter().any(|o| o == id));
    let shown = |written: &str| rules.map_or(written, |r| r.channel(written)).to_owned();
    let mut out = Vec::new();
    if !off(CROSS_IDS[0]) {
        conflicts(journeys, labels, &shown, &mut out);
    }
    for (id, role) in [(CROSS_IDS[1], Role::Organization), (CROSS_IDS[2], Role::Systems)] {
        if !off(id) {
            drifts(journeys, labels, id, role, &shown, &mut out);
        }
    }
    out
}

/// One topic of one channel: its answers, each with its places.
type Answers = Vec<(String, String, Vec<Place>)>;

fn conflicts<T>(journeys: &[Entry<T>], labels: &[String], shown: &dyn Fn(&str) -> String, out: &mut Vec<CrossFinding>) {
    // (channel, topic key) -> (topic as first written, answers)
    let mut topics: BTreeMap<(&str, &str), (&str, Answers)> = BTreeMap::new();
    for (j, entry) in journeys.iter().enumerate() {
        for s in &entry.facts.said {
            let (_, answers) = topics.entry((&s.channel, &s.topic_key)).or_insert((&s.topic, Vec::new()));
            let place = Place {
                journey: j,
                phase: s.phase,
                role: Role::Message,
                says: s.said.clone(),
                written: s.written.clone(),
            };
            match answers.iter_mut().find(|a| a.0 == s.said_key) {
                Some(answer) => answer.2.push(place),
                None => answers.push((s.said_key.clone(), s.said.clone(), vec![place])),
            }
        }
    }
    for ((_, _), (topic, answers)) in topics {
        let journeys_named: BTreeSet<usize> = answers.iter().flat_map(|a| a.2.iter().map(|p| p.journey)).collect();
        if answers.len() < 2 || journeys_named.len() < 2 {
            continue;
        }
        let first = &answers[0].2[0];
        let channel = shown(&first.written);
        let listed: Vec<String> = answers
            .iter()
            .map(|(_, said, places)| format!("\"{said}\" ({})", where_said(journeys, labels, places, &channel)))
            .collect();
        let message = format!(
            "#{channel} \"{topic}\" gets different answers across journeys: {}; make the journeys promise the same.",
            listed.join(" vs ")
        );
        let mut places: Vec<Place> = answers.into_iter().flat_map(|a| a.2).collect();
        places.sort_by_key(|p| (p.journey, p.phase));
        out.push(CrossFinding {
            id: CROSS_IDS[0],
            severity: Severity::Warning,
            subjects: vec![channel, topic.to_owned()],
            message,
            places,
        });
    }
}

/// `Moving house: Delivery, Service; Complaint: Contact, as #hotline`: at
/// most three journeys, and the spelling where it is not the channel's.
fn where_said<T>(journeys: &[Entry<T>], labels: &[String], places: &[Place], channel: &str) -> String {
    let mut by_journey: Vec<(usize, Vec<String>, BTreeSet<&str>)> = Vec::new();
    for p in places {
        let phase = journeys[p.journey].summary.phases.get(p.phase).cloned().unwrap_or_default();
        match by_journey.iter_mut().find(|(j, _, _)| *j == p.journey) {
            Some((_, phases, written)) => {
                if !phases.contains(&phase) {
                    phases.push(phase);
                }
                written.insert(&p.written);
            }
            None => by_journey.push((p.journey, vec![phase], BTreeSet::from([p.written.as_str()]))),
        }
    }
    let total = by_journey.len();
    let mut parts: Vec<String> = by_journey
        .into_iter()
        .take(3)
        .map(|(j, phases, written)| {
            let other: Vec<String> =
                written.iter().filter(|w| !w.eq_ignore_ascii_case(channel)).map(|w| format!("#{w}")).collect();
            let written = if other.is_empty() { String::new() } else { format!(", as {}", other.join(", ")) };
            format!("{}: {}{written}", labels[j], phases.join(", "))
        })
        .collect();
    if total > 3 {
        parts.push(format!("{} more journeys", total - 3));
    }
    parts.join("; ")
}

/// What one journey says of who owns (or serves) one channel: the owners'
/// keys, the places, the owners as named.
type Owned = (BTreeSet<String>, Vec<Place>, Vec<Name>);

fn drifts<T>(
    journeys: &[Entry<T>],
    labels: &[String],
    id: &'static str,
    role: Role,
    shown: &dyn Fn(&str) -> String,
    out: &mut Vec<CrossFinding>,
) {
    let side = |u: &'_ Use| if role == Role::Organization { u.teams.clone() } else { u.systems.clone() };
    // channel -> journey -> (its owner keys, places)
    let mut channels: BTreeMap<&str, BTreeMap<usize, Owned>> = BTreeMap::new();
    for (j, entry) in journeys.iter().enumerate() {
        for u in entry.facts.uses.iter().filter(|u| !u.external) {
            let names = side(u);
            if names.is_empty() {
                continue;
            }
            let (keys, places, all) = channels.entry(&u.channel).or_default().entry(j).or_default();
            keys.extend(names.iter().map(|n| n.key.clone()));
            let says = names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ");
            places.push(Place { journey: j, phase: u.phase, role, says, written: u.written.clone() });
            for n in names {
                if !all.iter().any(|a| a.key == n.key) {
                    all.push(n);
                }
            }
        }
    }
    for (_, by_journey) in channels {
        let sets: BTreeSet<&BTreeSet<String>> = by_journey.values().map(|(keys, _, _)| keys).collect();
        let sets: Vec<&BTreeSet<String>> = sets.into_iter().collect();
        let drift = sets.iter().enumerate().any(|(i, a)| sets[i + 1..].iter().any(|b| a.is_disjoint(b)));
        if !drift {
            continue;
        }
        // Each owner with the journeys that name it, most journeys first.
        let mut owners: Vec<(Name, Vec<usize>)> = Vec::new();
        for (&j, (_, _, names)) in &by_journey {
            for n in names {
                match owners.iter_mut().find(|(o, _)| o.key == n.key) {
                    Some((_, js)) => js.push(j),
                    None => owners.push((n.clone(), vec![j])),
                }
            }
        }
        owners.sort_by(|a, b| {
            b.1.len().cmp(&a.1.len()).then_with(|| a.0.name.to_lowercase().cmp(&b.0.name.to_lowercase()))
        });
        let first = by_journey.values().next().and_then(|(_, places, _)| places.first());
        let channel = shown(first.map_or("", |p| p.written.as_str()));
        let listed: Vec<String> =
            owners.iter().map(|(o, js)| format!("{} in {}", o.name, journey_list(labels, js))).collect();
        let (verb, question) = match role {
            Role::Organization => {
                ("owned by different teams", "ask whether one team should own it, or how they hand it over")
            }
            _ => ("served by different systems", "ask whether these systems share what they know of the customer"),
        };
        let message = format!("#{channel} is {verb} in different journeys: {}; {question}.", listed.join("; "));
        let places = by_journey.into_values().flat_map(|(_, places, _)| places).collect();
        out.push(CrossFinding { id, severity: Severity::Info, subjects: vec![channel], message, places });
    }
}

/// `"A", "B" and 3 more journeys`.
fn journey_list(labels: &[String], js: &[usize]) -> String {
    let mut parts: Vec<String> = js.iter().take(3).map(|&j| format!("\"{}\"", labels[j])).collect();
    if js.len() > 3 {
        parts.push(format!("{} more journeys", js.len() - 3));
    }
    match parts.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    }
}
