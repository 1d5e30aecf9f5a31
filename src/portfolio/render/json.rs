//! The blueprint as JSON, for programs.

use serde::Serialize;

use super::super::Portfolio;
use super::super::blueprint::{Behind, Blueprint, Seen, WallPair};
use super::{phases, step};
use crate::text::json_safe;

#[derive(Serialize)]
struct Doc<'a> {
    portfolio: String,
    /// The `jgrid.toml` that applies, if any.
    rules: Option<String>,
    journeys: Vec<JourneyDoc<'a>>,
    channels: Vec<ChannelDoc<'a>>,
    walls: WallsDoc<'a>,
}

#[derive(Serialize)]
struct JourneyDoc<'a> {
    file: &'a str,
    journey: &'a str,
    phases: &'a [String],
}

#[derive(Serialize)]
struct PlaceDoc<'a> {
    file: &'a str,
    journey: &'a str,
    phases: Vec<String>,
}

#[derive(Serialize)]
struct NamedDoc<'a> {
    name: &'a str,
    journeys: Vec<PlaceDoc<'a>>,
}

#[derive(Serialize)]
struct ChannelDoc<'a> {
    channel: &'a str,
    spellings: &'a [String],
    external: bool,
    journeys: Vec<PlaceDoc<'a>>,
    teams: Vec<NamedDoc<'a>>,
    systems: Vec<NamedDoc<'a>>,
}

#[derive(Serialize)]
struct WallsDoc<'a> {
    teams: Vec<PairDoc<'a>>,
    systems: Vec<PairDoc<'a>>,
}

#[derive(Serialize)]
struct PairDoc<'a> {
    between: [&'a str; 2],
    /// Handoffs (teams) or seams (systems) across all journeys.
    count: usize,
    places: Vec<CrossingDoc<'a>>,
}

#[derive(Serialize)]
struct CrossingDoc<'a> {
    file: &'a str,
    journey: &'a str,
    channel: &'a str,
    /// The phase before the wall and the one after.
    from: String,
    to: String,
    /// Who (which system) had the channel before, and after.
    before: &'a str,
    after: &'a str,
}

/// The blueprint as JSON (pretty-printed).
///
/// ```json
/// { "portfolio": "Northwind", "rules": "p/jgrid.toml",
///   "journeys": [{ "file": "moving.toml", "journey": "Moving house", "phases": [...] }],
///   "channels": [{ "channel": "phone", "spellings": ["hotline"], "external": false,
///                  "journeys": [{ "file", "journey", "phases": [...] }],
///                  "teams": [{ "name": "Customer service", "journeys": [...] }], "systems": [...] }],
///   "walls": { "teams": [{ "between": ["Billing", "Customer service"], "count": 3,
///                          "places": [{ "file", "journey", "channel", "from", "to", "before", "after" }] }],
///              "systems": [...] } }
/// ```
///
/// Channels come in the most journeys first; wall pairs with the highest
/// count first. C1 control and bidi characters are written as `\u` escapes.
pub fn to_json<T>(p: &Portfolio<T>, b: &Blueprint) -> String {
    let labels = p.labels();
    let doc = Doc {
        portfolio: p.name(),
        rules: p.config.as_ref().map(|c| c.display().to_string()),
        journeys: p
            .journeys
            .iter()
            .zip(&labels)
            .map(|(e, label)| JourneyDoc { file: &e.name, journey: label, phases: &e.summary.phases })
            .collect(),
        channels: b
            .channels
            .iter()
            .map(|c| ChannelDoc {
                channel: &c.name,
                spellings: &c.spellings,
                external: c.external,
                journeys: c.seen.iter().map(|s| place(p, &labels, s)).collect(),
                teams: named(p, &labels, &c.teams),
                systems: named(p, &labels, &c.systems),
            })
            .collect(),
        walls: WallsDoc { teams: pairs(p, &labels, &b.handoffs), systems: pairs(p, &labels, &b.seams) },
    };
    let json = serde_json::to_string_pretty(&doc).expect("the blueprint is plain data");
    json_safe(&json) + "\n"
}

fn place<'a, T>(p: &'a Portfolio<T>, labels: &'a [String], s: &Seen) -> PlaceDoc<'a> {
    PlaceDoc { file: &p.journeys[s.journey].name, journey: &labels[s.journey], phases: phases(&p.journeys, s) }
}

fn named<'a, T>(p: &'a Portfolio<T>, labels: &'a [String], list: &'a [Behind]) -> Vec<NamedDoc<'a>> {
    list.iter()
        .map(|x| NamedDoc { name: &x.name, journeys: x.seen.iter().map(|s| place(p, labels, s)).collect() })
        .collect()
}

fn pairs<'a, T>(p: &'a Portfolio<T>, labels: &'a [String], list: &'a [WallPair]) -> Vec<PairDoc<'a>> {
    list.iter()
        .map(|w| PairDoc {
            between: [&w.pair.0, &w.pair.1],
            count: w.crossings.len(),
            places: w
                .crossings
                .iter()
                .map(|c| {
                    let (from, to) = step(&p.journeys, c.journey, c.from);
                    let (before, after) = if c.forward { (&w.pair.0, &w.pair.1) } else { (&w.pair.1, &w.pair.0) };
                    CrossingDoc {
                        file: &p.journeys[c.journey].name,
                        journey: &labels[c.journey],
                        channel: &c.channel,
                        from,
                        to,
                        before,
                        after,
                    }
                })
                .collect(),
        })
        .collect()
}
