//! Merging the interview log: append-mostly. Entries are followed by their
//! time, source and text; both sides' entries are kept, each once, in time
//! order (ours first at the same time). An entry's cell merges as a value:
//! sorted on one side, it takes that side's cell; sent to two different
//! cells, ours stays and theirs is recorded for a person
//! (`Unresolved::Log`). An entry removed on one side (its capture undone,
//! its note deleted from the inbox) is gone, unless the other side sorted
//! it: then it stays, and the merge says so.

use super::fields::{Value, value3};
use super::{Place, Report};
use crate::journey::{LogCell, LogEntry, Unresolved, parse_rfc3339};

/// An entry's identity: its key and which occurrence of that key it is in
/// its version (a note captured twice in one second is logged twice).
type Id<'a> = ((&'a str, Option<&'a str>, &'a str), usize);

fn index(log: &[LogEntry]) -> std::collections::HashMap<Id<'_>, usize> {
    ids(log).into_iter().enumerate().map(|(i, id)| (id, i)).collect()
}

fn ids(log: &[LogEntry]) -> Vec<Id<'_>> {
    let mut seen: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    log.iter()
        .map(|e| {
            let n = seen.entry(e.key()).or_default();
            *n += 1;
            (e.key(), *n)
        })
        .collect()
}

/// The merged log. Each version's cells are already in merged names.
pub fn log3(
    base: &[LogEntry],
    ours: &[LogEntry],
    theirs: &[LogEntry],
    unresolved: &mut Vec<Unresolved>,
    report: &mut Report,
) -> Vec<LogEntry> {
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));
    let mut order: Vec<(Id, &LogEntry)> = ids(ours).into_iter().zip(ours).collect();
    order.extend(ids(theirs).into_iter().zip(theirs).filter(|(id, _)| !oi.contains_key(id)));
    let mut out = Vec::with_capacity(order.len());
    for (id, entry) in order {
        let cell = |log: &[LogEntry], at: Option<&usize>| at.map(|&i| log[i].cell.clone());
        let (b, o, t) = (cell(base, bi.get(&id)), cell(ours, oi.get(&id)), cell(theirs, ti.get(&id)));
        let merged: Option<LogCell> = match (&b, &o, &t) {
            (_, Some(_), Some(_)) => match value3(b.as_ref(), o.as_ref(), t.as_ref()) {
                Value::Clean(c) => c,
                Value::Conflict { ours, theirs } => {
                    let (at, source, text) = entry.key();
                    unresolved.push(Unresolved::Log {
                        at: at.to_owned(),
                        source: source.map(str::to_owned),
                        text: text.to_owned(),
                        theirs,
                    });
                    ours
                }
            },
            // Removed on one side: gone, unless the other side sorted it since.
            (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) => {
                if kept == b {
                    continue;
                }
                let what = "removed from the interview log on one side and sorted on the other: it is kept";
                report.conflict(Place::Log(crate::journey::log_short(&entry.text)), what);
                kept.clone()
            }
            (None, Some(c), None) | (None, None, Some(c)) => c.clone(),
            (_, None, None) => continue,
        };
        out.push(LogEntry { cell: merged, ..entry.clone() });
    }
    // Entries whose time cannot be read (the format refuses them) go last.
    out.sort_by_key(|e| parse_rfc3339(&e.at).map_or((1, 0, 0), |(s, ns)| (0, s, ns)));
    out
}

#[cfg(test)]
#[path = "log_tests.rs"]
mod tests;
