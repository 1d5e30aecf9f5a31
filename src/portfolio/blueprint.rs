//! The blueprint of the organisation with the customer journey as the
//! leading perspective: every channel with the teams that own it and the
//! systems that serve it, each with the journeys and phases where it
//! appears; then the walls: pairs of teams and pairs of systems with the
//! number of handoffs and seams across all journeys, most frequent first.

use std::collections::BTreeMap;

use super::Entry;
use super::facts::{Name, WallKind};
use crate::journey::PortfolioRules;

/// Where something appears: a journey (its index) and the phases there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub journey: usize,
    pub phases: Vec<usize>,
}

/// A team or system behind a channel, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Behind {
    pub name: String,
    pub seen: Vec<Seen>,
}

/// One channel of the blueprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// As the portfolio names it (an alias's name, else as first written), without `#`.
    pub name: String,
    /// Every other spelling the journeys use for it.
    pub spellings: Vec<String>,
    /// The organisation does not run it (`[checks] external`).
    pub external: bool,
    pub seen: Vec<Seen>,
    pub teams: Vec<Behind>,
    pub systems: Vec<Behind>,
}

/// One wall: where a channel goes from one team (or system) to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crossing {
    pub journey: usize,
    /// The phase before the wall; the one after is `from + 1`.
    pub from: usize,
    /// As the blueprint names it.
    pub channel: String,
    /// Which side of the pair had the channel first (`pair.0` or `pair.1`).
    pub forward: bool,
}

/// Two teams (or systems) and every handoff (or seam) between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WallPair {
    /// The two names, in alphabetical order.
    pub pair: (String, String),
    pub crossings: Vec<Crossing>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blueprint {
    /// Channels appearing in the most journeys first, then by name.
    pub channels: Vec<Channel>,
    /// Team pairs with the most handoffs first, then by names.
    pub handoffs: Vec<WallPair>,
    /// System pairs with the most seams first.
    pub seams: Vec<WallPair>,
}

/// Add `phase` of `journey` to a list of places (journeys come in order).
fn add_seen(seen: &mut Vec<Seen>, journey: usize, phase: usize) {
    match seen.last_mut() {
        Some(last) if last.journey == journey => {
            if !last.phases.contains(&phase) {
                last.phases.push(phase);
            }
        }
        _ => seen.push(Seen { journey, phases: vec![phase] }),
    }
}

fn add_behind(list: &mut Vec<(String, Behind)>, name: &Name, journey: usize, phase: usize) {
    let i = match list.iter().position(|(key, _)| *key == name.key) {
        Some(i) => i,
        None => {
            list.push((name.key.clone(), Behind { name: name.name.clone(), seen: Vec::new() }));
            list.len() - 1
        }
    };
    add_seen(&mut list[i].1.seen, journey, phase);
}

/// The blueprint of these journeys.
pub fn of<T>(journeys: &[Entry<T>], rules: Option<&PortfolioRules>) -> Blueprint {
    struct Building {
        channel: Channel,
        teams: Vec<(String, Behind)>,
        systems: Vec<(String, Behind)>,
    }
    let mut channels: BTreeMap<&str, Building> = BTreeMap::new();
    for (j, entry) in journeys.iter().enumerate() {
        for u in &entry.facts.uses {
            let b = channels.entry(&u.channel).or_insert_with(|| Building {
                channel: Channel {
                    name: rules.map_or(u.written.as_str(), |r| r.channel(&u.written)).to_owned(),
                    spellings: Vec::new(),
                    external: u.external,
                    seen: Vec::new(),
                    teams: Vec::new(),
                    systems: Vec::new(),
                },
                teams: Vec::new(),
                systems: Vec::new(),
            });
            let c = &mut b.channel;
            if !c.name.eq_ignore_ascii_case(&u.written)
                && !c.spellings.iter().any(|s| s.eq_ignore_ascii_case(&u.written))
            {
                c.spellings.push(u.written.clone());
            }
            c.external |= u.external;
            add_seen(&mut c.seen, j, u.phase);
            for t in &u.teams {
                add_behind(&mut b.teams, t, j, u.phase);
            }
            for s in &u.systems {
                add_behind(&mut b.systems, s, j, u.phase);
            }
        }
    }
    let names: std::collections::HashMap<String, String> =
        channels.iter().map(|(key, b)| ((*key).to_owned(), b.channel.name.clone())).collect();
    let most = |list: Vec<(String, Behind)>| {
        let mut list: Vec<Behind> = list.into_iter().map(|(_, b)| b).collect();
        list.sort_by(|a, b| {
            b.seen.len().cmp(&a.seen.len()).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        list
    };
    let mut out: Vec<Channel> = channels
        .into_values()
        .map(|b| Channel { teams: most(b.teams), systems: most(b.systems), ..b.channel })
        .collect();
    out.sort_by(|a, b| b.seen.len().cmp(&a.seen.len()).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
    let (handoffs, seams) = (walls(journeys, WallKind::Handoff, &names), walls(journeys, WallKind::Seam, &names));
    Blueprint { channels: out, handoffs, seams }
}

fn walls<T>(journeys: &[Entry<T>], kind: WallKind, names: &std::collections::HashMap<String, String>) -> Vec<WallPair> {
    // (key, key) in order -> pair
    let mut pairs: BTreeMap<(String, String), WallPair> = BTreeMap::new();
    for (j, entry) in journeys.iter().enumerate() {
        for w in entry.facts.walls.iter().filter(|w| w.kind == kind) {
            for a in &w.before {
                for b in &w.after {
                    let forward = a.name.to_lowercase() <= b.name.to_lowercase();
                    let (first, second) = if forward { (a, b) } else { (b, a) };
                    let pair = pairs.entry((first.key.clone(), second.key.clone())).or_insert_with(|| WallPair {
                        pair: (first.name.clone(), second.name.clone()),
                        crossings: Vec::new(),
                    });
                    let channel = names.get(&w.channel).cloned().unwrap_or_else(|| w.channel.clone());
                    pair.crossings.push(Crossing { journey: j, from: w.from, channel, forward });
                }
            }
        }
    }
    let mut out: Vec<WallPair> = pairs.into_values().collect();
    let lower = |w: &WallPair| (w.pair.0.to_lowercase(), w.pair.1.to_lowercase());
    out.sort_by(|a, b| b.crossings.len().cmp(&a.crossings.len()).then_with(|| lower(a).cmp(&lower(b))));
    out
}
