//! What one journey says about the organisation, read once when the journey
//! is loaded: which channels each phase names, the teams that own them and
//! the systems that serve them (by the owner rule, [`crate::checks::owner`]),
//! the promises its Message lines make per channel and topic, and the walls
//! between consecutive phases. The checks across journeys and the blueprint
//! read only these facts, never the journeys, so a portfolio keeps these and
//! lets the journeys go.
//!
//! Aliases from the portfolio's `jgrid.toml` are applied here: `#hotline`
//! is the channel `phone`, `Support` the team `Customer service`.

use std::collections::HashMap;

use rust_stemmers::Stemmer;

use crate::checks::owner::{Owner, Reader};
use crate::checks::{normal, stated, tag_spans};
use crate::journey::{Alias, CellRef, Journey, PortfolioRules, Role};

/// A team or a system, after aliases.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name {
    /// What compares: the owner rule's key, or for an alias's name `=` and its words.
    pub key: String,
    /// As shown: the alias's name, else as first written.
    pub name: String,
}

/// A channel as one phase of one journey names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    /// The channel: lower case, without `#`, after aliases.
    pub channel: String,
    /// As written in this phase (without `#`).
    pub written: String,
    pub phase: usize,
    /// The Touchpoints row names it (the walls read only these).
    pub touchpoint: bool,
    /// The organisation does not run it (`[checks] external`).
    pub external: bool,
    /// The teams the Organization row says own it in this phase.
    pub teams: Vec<Name>,
    /// The systems the Systems row says serve it in this phase.
    pub systems: Vec<Name>,
}

/// A promise: a Message line `#channel topic: statement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub channel: String,
    /// The tag as written, without `#`.
    pub written: String,
    /// The topic's key ([`normal::key`]) and the topic as written.
    pub topic_key: String,
    pub topic: String,
    /// The statement's key ([`normal::statement_key`]) and as written.
    pub said_key: String,
    pub said: String,
    pub phase: usize,
}

/// Which wall: a team handing a channel to another, or a system seam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WallKind {
    Handoff,
    Seam,
}

/// A channel that continues from phase `from` to `from + 1` and changes
/// hands: the rule of the `handoff` and `system-seam` checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wall {
    pub kind: WallKind,
    pub channel: String,
    pub from: usize,
    pub before: Vec<Name>,
    pub after: Vec<Name>,
}

/// Everything one journey says about channels, teams and systems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// By phase, then channel in the order first named.
    pub uses: Vec<Use>,
    pub said: Vec<Said>,
    pub walls: Vec<Wall>,
}

/// The aliases of teams or systems as keys in one language.
struct Aliases {
    by_key: HashMap<String, Name>,
}

impl Aliases {
    fn new(list: &[Alias], stemmer: &Stemmer) -> Self {
        let mut by_key = HashMap::new();
        for alias in list {
            let name = Name { key: format!("={}", normal::words(&alias.name).join(" ")), name: alias.name.clone() };
            for spelling in std::iter::once(&alias.name).chain(&alias.aliases) {
                by_key.insert(normal::key(spelling, stemmer), name.clone());
            }
        }
        Self { by_key }
    }

    fn name(&self, owner: &Owner) -> Name {
        self.by_key
            .get(&owner.key)
            .cloned()
            .unwrap_or_else(|| Name { key: owner.key.clone(), name: owner.name.clone() })
    }
}

/// Read a journey's facts, with the aliases of its portfolio.
pub fn of(journey: &Journey) -> Facts {
    let rules = journey.shared.rules();
    let none = PortfolioRules::default();
    let rules = rules.unwrap_or(&none);
    let lang = journey.language();
    let stemmer = normal::stemmer(lang);
    let teams = Aliases::new(&rules.teams, &stemmer);
    let systems = Aliases::new(&rules.systems, &stemmer);
    let row = |role| journey.row_with_role(role);
    let (tp, msg, org, sys) = (row(Role::Touchpoints), row(Role::Message), row(Role::Organization), row(Role::Systems));
    let text = |p: usize, r: Option<usize>| r.map_or("", |r| journey.cell(CellRef::new(p, r)));
    let mut org_reader = Reader::new(lang, &stemmer);
    let mut sys_reader = Reader::new(lang, &stemmer);
    let mut keys = normal::Keys::new(&stemmer);
    let mut facts = Facts::default();
    let mut by_phase: Vec<std::ops::Range<usize>> = Vec::with_capacity(journey.phase_count());
    for p in 0..journey.phase_count() {
        let start = facts.uses.len();
        let add = |facts: &mut Facts, tag: &str, touchpoint: bool| {
            let written = tag.trim_start_matches('#');
            let channel = rules.channel(written).to_lowercase();
            match facts.uses[start..].iter_mut().find(|u| u.channel == channel) {
                Some(found) => found.touchpoint |= touchpoint,
                None => facts.uses.push(Use {
                    external: journey.is_external(written),
                    channel,
                    written: written.to_owned(),
                    phase: p,
                    touchpoint,
                    teams: Vec::new(),
                    systems: Vec::new(),
                }),
            }
        };
        let tp_text = text(p, tp);
        for span in tag_spans(tp_text) {
            add(&mut facts, &tp_text[span], true);
        }
        for (reader, r, aliases, teams_side) in
            [(&mut org_reader, org, &teams, true), (&mut sys_reader, sys, &systems, false)]
        {
            for i in reader.read(text(p, r)) {
                let clause = reader.clause(i);
                for tag in &clause.tags {
                    add(&mut facts, tag, false);
                    let channel = rules.channel(tag).to_lowercase();
                    let Some(u) = facts.uses[start..].iter_mut().find(|u| u.channel == channel) else { continue };
                    let list = if teams_side { &mut u.teams } else { &mut u.systems };
                    for owner in &clause.owners {
                        let name = aliases.name(owner);
                        if !list.iter().any(|n| n.key == name.key) {
                            list.push(name);
                        }
                    }
                }
            }
        }
        for line in text(p, msg).lines() {
            let Some((Some(tag), topic, said)) = stated(line) else { continue };
            let written = tag.trim_start_matches('#').to_owned();
            add(&mut facts, &written, false);
            facts.said.push(Said {
                channel: rules.channel(&written).to_lowercase(),
                written,
                topic_key: keys.key(&topic),
                said_key: normal::statement_key(&said),
                topic,
                said,
                phase: p,
            });
        }
        by_phase.push(start..facts.uses.len());
    }
    facts.walls = walls(&facts.uses, &by_phase);
    facts
}

/// The walls between consecutive phases: a channel both phases' Touchpoints
/// name (not an external one), owned (or served) in both, by no one in common.
fn walls(uses: &[Use], by_phase: &[std::ops::Range<usize>]) -> Vec<Wall> {
    let mut out = Vec::new();
    for kind in [WallKind::Handoff, WallKind::Seam] {
        for from in 1..by_phase.len() {
            let (before, after) = (&uses[by_phase[from - 1].clone()], &uses[by_phase[from].clone()]);
            for a in before.iter().filter(|u| u.touchpoint && !u.external) {
                let Some(b) = after.iter().find(|u| u.touchpoint && u.channel == a.channel) else { continue };
                let side = |u: &Use| if kind == WallKind::Handoff { u.teams.clone() } else { u.systems.clone() };
                let (old, new) = (side(a), side(b));
                if old.is_empty() || new.is_empty() || old.iter().any(|o| new.iter().any(|n| n.key == o.key)) {
                    continue;
                }
                out.push(Wall { kind, channel: a.channel.clone(), from: from - 1, before: old, after: new });
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "facts_tests.rs"]
mod tests;
