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

use std::collections::{BTreeSet, HashMap};

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

/// Where a promise is made: (journey, its index in that journey's `facts.said`).
type SaidAt = (usize, usize);

fn conflicts<T>(journeys: &[Entry<T>], labels: &[String], shown: &dyn Fn(&str) -> String, out: &mut Vec<CrossFinding>) {
    // (channel, topic key) -> where; read without copying a word.
    let mut topics: HashMap<(&str, &str), Vec<SaidAt>> = HashMap::new();
    for (j, entry) in journeys.iter().enumerate() {
        for (i, s) in entry.facts.said.iter().enumerate() {
            topics.entry((&s.channel, &s.topic_key)).or_default().push((j, i));
        }
    }
    let said = |&(j, i): &SaidAt| &journeys[j].facts.said[i];
    let mut found: Vec<(&str, &str, Vec<SaidAt>)> = topics
        .into_iter()
        .filter(|(_, at)| {
            let first = said(&at[0]);
            let differs = at.iter().any(|a| said(a).said_key != first.said_key);
            differs && at.iter().any(|a| a.0 != at[0].0)
        })
        .map(|((channel, topic), at)| (channel, topic, at))
        .collect();
    found.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for (_, _, at) in found {
        // The answers in the order first given, each with its places.
        let mut answers: Vec<(&str, Vec<Place>)> = Vec::new();
        for a in &at {
            let s = said(a);
            let place = Place {
                journey: a.0,
                phase: s.phase,
                role: Role::Message,
                says: s.said.clone(),
                written: s.written.clone(),
            };
            match answers.iter_mut().find(|(key, _)| *key == s.said_key) {
                Some((_, places)) => places.push(place),
                None => answers.push((&s.said_key, vec![place])),
            }
        }
        let first = said(&at[0]);
        let channel = shown(&first.written);
        let listed: Vec<String> = answers
            .iter()
            .map(|(_, places)| format!("\"{}\" ({})", places[0].says, where_said(journeys, labels, places, &channel)))
            .collect();
        let message = format!(
            "#{channel} \"{}\" gets different answers across journeys: {}; make the journeys promise the same.",
            first.topic,
            listed.join(" vs ")
        );
        let mut places: Vec<Place> = answers.into_iter().flat_map(|a| a.1).collect();
        places.sort_by_key(|p| (p.journey, p.phase));
        out.push(CrossFinding {
            id: CROSS_IDS[0],
            severity: Severity::Warning,
            subjects: vec![channel, first.topic.clone()],
            message,
            places,
        });
    }
}

/// `Moving house: Delivery, Service; Complaint: Contact, as #hotline`: at
/// most three journeys, and the spelling where it is not the channel's.
fn where_said<T>(journeys: &[Entry<T>], labels: &[String], places: &[Place], channel: &str) -> String {
    let mut by_journey: Vec<(usize, Vec<&str>, BTreeSet<&str>)> = Vec::new();
    for p in places {
        let phase = journeys[p.journey].summary.phases.get(p.phase).map_or("", String::as_str);
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

/// Where a channel has owners: (journey, its index in that journey's `facts.uses`).
type UseAt = (usize, usize);

fn drifts<T>(
    journeys: &[Entry<T>],
    labels: &[String],
    id: &'static str,
    role: Role,
    shown: &dyn Fn(&str) -> String,
    out: &mut Vec<CrossFinding>,
) {
    let names = |&(j, i): &UseAt| -> &[Name] {
        let u: &Use = &journeys[j].facts.uses[i];
        if role == Role::Organization { &u.teams } else { &u.systems }
    };
    // channel -> where it has owners, in journey order; read without copying a word.
    let mut channels: HashMap<&str, Vec<UseAt>> = HashMap::new();
    for (j, entry) in journeys.iter().enumerate() {
        for (i, u) in entry.facts.uses.iter().enumerate() {
            if !u.external && !names(&(j, i)).is_empty() {
                channels.entry(&u.channel).or_default().push((j, i));
            }
        }
    }
    let mut channels: Vec<(&str, Vec<UseAt>)> = channels.into_iter().collect();
    channels.sort_unstable_by_key(|(channel, _)| *channel);
    for (_, at) in channels {
        // Each journey's owners (their keys, sorted), each different set once.
        let mut sets: Vec<Vec<&str>> = Vec::new();
        for group in at.chunk_by(|a, b| a.0 == b.0) {
            let mut keys: Vec<&str> = group.iter().flat_map(|a| names(a).iter().map(|n| n.key.as_str())).collect();
            keys.sort_unstable();
            keys.dedup();
            sets.push(keys);
        }
        sets.sort_unstable();
        sets.dedup();
        let disjoint = |a: &[&str], b: &[&str]| !a.iter().any(|k| b.binary_search(k).is_ok());
        if !sets.iter().enumerate().any(|(i, a)| sets[i + 1..].iter().any(|b| disjoint(a, b))) {
            continue;
        }
        out.push(drift(journeys, labels, id, role, shown, &at, &names));
    }
}

/// The finding about one channel whose owners drift.
fn drift<'e, T>(
    journeys: &'e [Entry<T>],
    labels: &[String],
    id: &'static str,
    role: Role,
    shown: &dyn Fn(&str) -> String,
    at: &[UseAt],
    names: &dyn Fn(&UseAt) -> &'e [Name],
) -> CrossFinding {
    // Each owner with the journeys that name it, most journeys first.
    let mut owners: Vec<(&Name, Vec<usize>)> = Vec::new();
    for a in at {
        for n in names(a) {
            match owners.iter_mut().find(|(o, _)| o.key == n.key) {
                Some((_, js)) if js.last() == Some(&a.0) => {}
                Some((_, js)) => js.push(a.0),
                None => owners.push((n, vec![a.0])),
            }
        }
    }
    owners
        .sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.name.to_lowercase().cmp(&b.0.name.to_lowercase())));
    let first = &journeys[at[0].0].facts.uses[at[0].1];
    let channel = shown(&first.written);
    let listed: Vec<String> =
        owners.iter().map(|(o, js)| format!("{} in {}", o.name, journey_list(labels, js))).collect();
    let (verb, question) = match role {
        Role::Organization => {
            ("owned by different teams", "ask whether one team should own it, or how they hand it over")
        }
        _ => ("served by different systems", "ask whether these systems share what they know of the customer"),
    };
    let message = format!("#{channel} is {verb} in different journeys: {}; {question}.", listed.join("; "));
    let places = at
        .iter()
        .map(|a| {
            let u = &journeys[a.0].facts.uses[a.1];
            let says = names(a).iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ");
            Place { journey: a.0, phase: u.phase, role, says, written: u.written.clone() }
        })
        .collect();
    CrossFinding { id, severity: Severity::Info, subjects: vec![channel], message, places }
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
