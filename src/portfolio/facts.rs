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

use crate::checks::owner::{self, Clause, Owner};
use crate::checks::{normal, stated, tag_spans};
use crate::journey::{Alias, CellRef, Journey, Language, PortfolioRules, Role};

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

/// What a Message line states: (tag as written, topic, statement, topic key, statement key).
type Stated = (String, String, String, String, String);

/// What reading cells gave, kept across the journeys one worker reads: the
/// same lines recur all over a portfolio (`Support owns #hotline`), and
/// reading them (the owner rule, stemming) is the costly part of the facts.
/// Each map is emptied when it holds [`Memo::LIMIT`] lines, so memory stays bounded.
#[derive(Default)]
pub struct Memo {
    /// By language: a clause's text, and the clause it is (if it names a tag).
    clauses: [HashMap<String, Option<Clause>>; 3],
    /// By language: a Message line, and what it states with a channel.
    stated: [HashMap<String, Option<Stated>>; 3],
}

impl Memo {
    pub const LIMIT: usize = 50_000;

    fn clause(&mut self, text: &str, lang: Language) -> Option<&Clause> {
        let map = &mut self.clauses[lang_index(lang)];
        if !map.contains_key(text) {
            if map.len() >= Self::LIMIT {
                map.clear();
            }
            map.insert(text.to_owned(), owner::clauses(text, lang).into_iter().next());
        }
        map.get(text).and_then(Option::as_ref)
    }

    fn stated(&mut self, line: &str, lang: Language, stemmer: &Stemmer) -> Option<&Stated> {
        let map = &mut self.stated[lang_index(lang)];
        if !map.contains_key(line) {
            if map.len() >= Self::LIMIT {
                map.clear();
            }
            let read = match stated(line) {
                Some((Some(tag), topic, said)) => {
                    let keys = (normal::key(&topic, stemmer), normal::statement_key(&said));
                    Some((tag.trim_start_matches('#').to_owned(), topic, said, keys.0, keys.1))
                }
                _ => None,
            };
            map.insert(line.to_owned(), read);
        }
        map.get(line).and_then(Option::as_ref)
    }
}

fn lang_index(lang: Language) -> usize {
    Language::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// Read a journey's facts, with the aliases of its portfolio.
pub fn of(journey: &Journey, memo: &mut Memo) -> Facts {
    let none = PortfolioRules::default();
    let rules = journey.shared.rules().unwrap_or(&none);
    let lang = journey.language();
    let stemmer = normal::stemmer(lang);
    let teams = Aliases::new(&rules.teams, &stemmer);
    let systems = Aliases::new(&rules.systems, &stemmer);
    let row = |role| journey.row_with_role(role);
    let (tp, msg, org, sys) = (row(Role::Touchpoints), row(Role::Message), row(Role::Organization), row(Role::Systems));
    let text = |p: usize, r: Option<usize>| r.map_or("", |r| journey.cell(CellRef::new(p, r)));
    let mut facts = Facts::default();
    let mut by_phase: Vec<std::ops::Range<usize>> = Vec::with_capacity(journey.phase_count());
    for p in 0..journey.phase_count() {
        let mut phase = Phase { journey, rules, facts: &mut facts, start: 0, p };
        phase.start = phase.facts.uses.len();
        let tp_text = text(p, tp);
        for span in tag_spans(tp_text) {
            phase.add(&tp_text[span], true);
        }
        for (r, aliases, teams_side) in [(org, &teams, true), (sys, &systems, false)] {
            for piece in text(p, r).lines().flat_map(|line| line.split(';')) {
                let Some(clause) = memo.clause(piece, lang) else { continue };
                for tag in &clause.tags {
                    let u = phase.add(tag, false);
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
            let Some((written, topic, said, topic_key, said_key)) = memo.stated(line, lang, &stemmer) else { continue };
            let channel = phase.add(written, false).channel.clone();
            phase.facts.said.push(Said {
                channel,
                written: written.clone(),
                topic_key: topic_key.clone(),
                topic: topic.clone(),
                said_key: said_key.clone(),
                said: said.clone(),
                phase: p,
            });
        }
        by_phase.push(phase.start..facts.uses.len());
    }
    facts.walls = walls(&facts.uses, &by_phase);
    facts
}

/// The channels of one phase being read.
struct Phase<'j, 'f> {
    journey: &'j Journey,
    rules: &'j PortfolioRules,
    facts: &'f mut Facts,
    /// Where this phase's uses start in `facts.uses`.
    start: usize,
    p: usize,
}

impl Phase<'_, '_> {
    /// The use of the channel a tag names in this phase, added if new.
    fn add(&mut self, tag: &str, touchpoint: bool) -> &mut Use {
        let written = tag.trim_start_matches('#');
        let channel = self.rules.channel(written);
        let uses = &mut self.facts.uses;
        // `u.channel` is in lower case already.
        let found =
            uses[self.start..].iter().position(|u| channel.chars().flat_map(char::to_lowercase).eq(u.channel.chars()));
        let i = match found {
            Some(i) => self.start + i,
            None => {
                uses.push(Use {
                    external: self.journey.is_external(written),
                    channel: channel.to_lowercase(),
                    written: written.to_owned(),
                    phase: self.p,
                    touchpoint,
                    teams: Vec::new(),
                    systems: Vec::new(),
                });
                uses.len() - 1
            }
        };
        uses[i].touchpoint |= touchpoint;
        &mut uses[i]
    }
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
