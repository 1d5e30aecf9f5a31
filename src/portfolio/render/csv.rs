//! The blueprint as CSV: one fact per record, for a spreadsheet's pivot table.

use ::csv::{QuoteStyle, Terminator, WriterBuilder};

use super::super::Portfolio;
use super::super::blueprint::{Blueprint, WallPair};
use super::{phases, step};
use crate::export::one_line;

/// The blueprint as CSV (RFC 4180, UTF-8 with a byte order mark, CR LF).
///
/// Header: `kind,channel,name,journey,file,phases`. One record per fact:
/// - `channel`: the channel appears in the journey, in these phases (`name` empty);
/// - `team`, `system`: the team owns (the system serves) the channel there;
/// - `handoff`, `seam`: a wall: `name` is `A → B`, `phases` is `From → To`.
///
/// Several phases are joined with `; `. Control characters become visible
/// placeholders; nothing is escaped for spreadsheet formulas.
pub fn to_csv<T>(p: &Portfolio<T>, b: &Blueprint) -> String {
    let labels = p.labels();
    let mut out = Vec::new();
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut w = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .comment(Some(b';'))
        .from_writer(out);
    let mut record = |fields: [&str; 6]| {
        w.write_record(fields.map(one_line)).expect("writing CSV to memory cannot fail");
    };
    record(["kind", "channel", "name", "journey", "file", "phases"]);
    for c in &b.channels {
        for s in &c.seen {
            let e = &p.journeys[s.journey];
            record(["channel", &c.name, "", &labels[s.journey], &e.name, &phases(&p.journeys, s).join("; ")]);
        }
        for (kind, list) in [("team", &c.teams), ("system", &c.systems)] {
            for behind in list {
                for s in &behind.seen {
                    let e = &p.journeys[s.journey];
                    let where_ = phases(&p.journeys, s).join("; ");
                    record([kind, &c.name, &behind.name, &labels[s.journey], &e.name, &where_]);
                }
            }
        }
    }
    let mut walls = |kind: &str, list: &[WallPair]| {
        for wall in list {
            for c in &wall.crossings {
                let (a, b) = if c.forward { (&wall.pair.0, &wall.pair.1) } else { (&wall.pair.1, &wall.pair.0) };
                let (from, to) = step(&p.journeys, c.journey, c.from);
                let e = &p.journeys[c.journey];
                record([
                    kind,
                    &c.channel,
                    &format!("{a} → {b}"),
                    &labels[c.journey],
                    &e.name,
                    &format!("{from} → {to}"),
                ]);
            }
        }
    };
    walls("handoff", &b.handoffs);
    walls("seam", &b.seams);
    let bytes = w.into_inner().expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is made of UTF-8 text")
}
