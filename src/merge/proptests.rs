//! Properties of the merge on arbitrary journeys and arbitrary edits of them.

use proptest::prelude::*;

use super::*;
use crate::journey::{CellRef, Change, Journey, Note};

const LINES: [&str; 9] = ["a", "b", "c", "! slow", "+ chat", "#web", "=======", "<<<<<<< x", ""];
const PHASES: [&str; 8] = ["A", "B", "C", "D", "E", "X", "Y", "Z"];
const ROWS: [&str; 6] = ["Need", "Touchpoints", "Message", "Notes", "Other", "More"];
const SOURCES: [&str; 3] = ["sara", "omar", "åsa"];
const TIMES: [&str; 3] = ["2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", "2026-12-01T10:00:00+01:00"];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop::sample::select(LINES.to_vec()), 0..4).prop_map(|lines| lines.join("\n"))
}

fn note() -> impl Strategy<Value = Note> {
    (prop::sample::select(vec!["call", "mail", "chat"]), prop::sample::select(TIMES.to_vec()))
        .prop_map(|(text, at)| Note { text: text.into(), source: Some("sara".into()), at: at.into() })
}

fn journey() -> impl Strategy<Value = Journey> {
    (
        prop::sample::subsequence(ROWS[..4].to_vec(), 1..4),
        prop::sample::subsequence(PHASES[..5].to_vec(), 1..5),
        proptest::collection::vec(text(), 16),
        proptest::collection::vec(proptest::option::of(-2i8..=2), 4),
        proptest::collection::vec(note(), 0..3),
        proptest::collection::vec(source_mood(), 0..4),
    )
        .prop_map(|(rows, phases, texts, moods, inbox, source_moods)| {
            let mut j = Journey::new("T", "P", rows, phases);
            let (nr, np) = (j.row_count(), j.phase_count());
            for p in 0..np {
                let _ = Change::SetMood { phase: p, mood: moods[p] }.apply(&mut j);
                for r in 0..nr {
                    let _ = Change::SetCell { at: CellRef::new(p, r), text: texts[p * 4 + r].clone() }.apply(&mut j);
                }
            }
            j.inbox = inbox;
            for (p, source, mood) in source_moods {
                let _ = Change::SetSourceMood { phase: p % np, source: source.into(), mood }.apply(&mut j);
            }
            j
        })
}

/// A phase (modulo the journey's), a source and its mood there (`None`: unknown).
type SourceMood = (usize, &'static str, Option<i8>);

/// One source's mood, the base and its two sides' values, and the merged value.
type Merged3<'a> = (Option<&'a str>, [Option<i8>; 3], Option<i8>);

fn source_mood() -> impl Strategy<Value = SourceMood> {
    (0..8usize, prop::sample::select(SOURCES.to_vec()), proptest::option::of(-2i8..=2))
}

/// One edit a person makes, with positions taken modulo the journey's size.
#[derive(Debug, Clone)]
enum Edit {
    AppendLine(usize, usize, &'static str),
    ChangeLine(usize, usize, usize, &'static str),
    DeleteLine(usize, usize, usize),
    RenamePhase(usize, &'static str),
    InsertPhase(usize, &'static str, String),
    RemovePhase(usize),
    MovePhase(usize, usize),
    RenameRow(usize, &'static str),
    InsertRow(usize, &'static str),
    RemoveRow(usize),
    Mood(usize, Option<i8>),
    SourceMood(usize, &'static str, Option<i8>),
    Capture(Note),
    SortNote(usize),
    Title(&'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let line = || prop::sample::select(LINES.to_vec());
    let (i, phase, row) =
        (|| 0..8usize, || prop::sample::select(PHASES.to_vec()), || prop::sample::select(ROWS.to_vec()));
    prop_oneof![
        3 => (i(), i(), line()).prop_map(|(p, r, l)| Edit::AppendLine(p, r, l)),
        3 => (i(), i(), i(), line()).prop_map(|(p, r, k, l)| Edit::ChangeLine(p, r, k, l)),
        2 => (i(), i(), i()).prop_map(|(p, r, k)| Edit::DeleteLine(p, r, k)),
        1 => (i(), phase()).prop_map(|(p, n)| Edit::RenamePhase(p, n)),
        1 => (i(), phase(), text()).prop_map(|(p, n, t)| Edit::InsertPhase(p, n, t)),
        1 => i().prop_map(Edit::RemovePhase),
        1 => (i(), i()).prop_map(|(a, b)| Edit::MovePhase(a, b)),
        1 => (i(), row()).prop_map(|(r, n)| Edit::RenameRow(r, n)),
        1 => (i(), row()).prop_map(|(r, n)| Edit::InsertRow(r, n)),
        1 => i().prop_map(Edit::RemoveRow),
        1 => (i(), proptest::option::of(-2i8..=2)).prop_map(|(p, m)| Edit::Mood(p, m)),
        1 => source_mood().prop_map(|(p, s, m)| Edit::SourceMood(p, s, m)),
        1 => note().prop_map(Edit::Capture),
        1 => i().prop_map(Edit::SortNote),
        1 => prop::sample::select(vec!["T", "Moving", "Broadband"]).prop_map(Edit::Title),
    ]
}

fn apply(j: &mut Journey, edit: &Edit) {
    let (np, nr) = (j.phase_count().max(1), j.row_count().max(1));
    let at = |p: usize, r: usize| CellRef::new(p % np, r % nr);
    let with_lines = |j: &mut Journey, p: usize, r: usize, f: &dyn Fn(&mut Vec<String>)| {
        let mut lines: Vec<String> = markers::lines(j.cell(at(p, r))).into_iter().map(str::to_owned).collect();
        f(&mut lines);
        Change::SetCell { at: at(p, r), text: lines.join("\n") }
    };
    let change = match edit.clone() {
        Edit::AppendLine(p, r, l) => with_lines(j, p, r, &|v| v.push(l.to_owned())),
        Edit::ChangeLine(p, r, k, l) => with_lines(j, p, r, &|v| {
            let n = v.len();
            if n > 0 {
                v[k % n] = l.to_owned();
            }
        }),
        Edit::DeleteLine(p, r, k) => with_lines(j, p, r, &|v| {
            let n = v.len();
            if n > 0 {
                v.remove(k % n);
            }
        }),
        Edit::RenamePhase(p, name) => Change::RenamePhase { at: p % np, name: name.into() },
        Edit::InsertPhase(p, name, text) => {
            Change::InsertPhase { at: p % (np + 1), name: name.into(), mood: None, cells: vec![text] }
        }
        Edit::RemovePhase(p) => Change::RemovePhase { at: p % np },
        Edit::MovePhase(a, b) => Change::MovePhase { from: a % np, to: b % np },
        Edit::RenameRow(r, name) => Change::RenameRow { at: r % nr, name: name.into() },
        Edit::InsertRow(r, name) => {
            Change::InsertRow { at: r % (nr + 1), name: name.into(), cells: vec![], role: None }
        }
        Edit::RemoveRow(r) => Change::RemoveRow { at: r % nr },
        Edit::Mood(p, mood) => Change::SetMood { phase: p % np, mood },
        Edit::SourceMood(p, source, mood) => Change::SetSourceMood { phase: p % np, source: source.into(), mood },
        Edit::Capture(note) => Change::InsertNote { at: j.inbox.len(), note },
        Edit::SortNote(k) if !j.inbox.is_empty() => Change::RemoveNote { at: k % j.inbox.len() },
        Edit::SortNote(_) => return,
        Edit::Title(t) => Change::SetTitle(t.into()),
    };
    let _ = change.apply(j);
}

fn edited(base: &Journey, edits: &[Edit]) -> Journey {
    let mut j = base.clone();
    for e in edits {
        apply(&mut j, e);
    }
    j
}

pub(crate) fn scenario() -> impl Strategy<Value = (Journey, Journey, Journey)> {
    (journey(), proptest::collection::vec(edit(), 0..6), proptest::collection::vec(edit(), 0..6))
        .prop_map(|(b, o, t)| (edited(&b, &o), edited(&b, &t), b))
        .prop_map(|(o, t, b)| (b, o, t))
}

fn run(b: &Journey, o: &Journey, t: &Journey) -> Merged {
    merge(b, o, t, &Labels::default())
}

/// Every line of every cell, sorted (with marker lines), per (phase, row) name.
fn cells(j: &Journey) -> std::collections::BTreeMap<(String, String), Vec<String>> {
    let mut out = std::collections::BTreeMap::new();
    for (p, phase) in j.phases().iter().enumerate() {
        for (r, row) in j.rows().iter().enumerate() {
            let mut lines: Vec<String> =
                markers::lines(j.cell(CellRef::new(p, r))).into_iter().map(str::to_owned).collect();
            lines.sort();
            out.insert((phase.name.clone(), row.clone()), lines);
        }
    }
    out
}

/// The lines a side added to its cells (not in the base's cell it came from).
fn added_lines(base: &Journey, side: &Journey) -> Vec<String> {
    let c = identity::correspond(base, side);
    let mut out = Vec::new();
    for p in 0..side.phase_count() {
        for r in 0..side.row_count() {
            let old = match (c.phases.to_base[p], c.rows.to_base[r]) {
                (Some(bp), Some(br)) => base.cell(CellRef::new(bp, br)),
                _ => "",
            };
            let (old, new) = (markers::lines(old), markers::lines(side.cell(CellRef::new(p, r))));
            let kept = markers::union(&old, &new);
            // An empty line alone is the empty cell: nothing to lose.
            out.extend(kept[old.len()..].iter().filter(|l| !l.is_empty()).map(|l| (*l).to_owned()));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_changed_side((b, x, _) in scenario()) {
        // The merge itself, not only its shortcut for an unchanged side.
        let both = |o: &Journey, t: &Journey| super::merge_both(&b, o, t, &Labels::default());
        prop_assert_eq!(&both(&x, &b).journey, &x);
        prop_assert_eq!(&both(&b, &x).journey, &x);
        prop_assert_eq!(&both(&x, &x).journey, &x);
        let m = run(&b, &x, &b);
        prop_assert_eq!(&m.journey, &x);
        prop_assert!(m.conflicts.is_empty() && m.journey.unresolved == x.unresolved);
        prop_assert_eq!(&run(&b, &b, &x).journey, &x);
        prop_assert_eq!(&run(&x, &x, &x).journey, &x);
        prop_assert_eq!(&run(&b, &x, &x).journey, &x, "the same changes on both sides, once");
    }

    #[test]
    fn the_merged_file_opens_and_nothing_either_side_added_is_lost((b, o, t) in scenario()) {
        let m = run(&b, &o, &t);
        let text = crate::format::to_toml(&m.journey);
        let reopened = crate::format::parse(text.as_bytes());
        prop_assert!(reopened.is_ok(), "{:?}\n{}", reopened.err(), text);
        prop_assert_eq!(reopened.ok(), Some(m.journey.clone()));
        let merged: Vec<String> = cells(&m.journey).into_values().flatten().collect();
        for side in [&o, &t] {
            for line in added_lines(&b, side) {
                prop_assert!(merged.contains(&line), "lost {:?}\n{}", line, text);
            }
            for note in side.inbox.iter().filter(|n| !b.inbox.contains(n)) {
                prop_assert!(m.journey.inbox.contains(note), "lost note {:?}", note);
            }
        }
    }

    /// Moods alone (the phase's and its sources'), changed on both sides:
    /// each value is the three-way result, and a value changed two ways keeps
    /// ours and is recorded, never chosen silently.
    #[test]
    fn moods_merge_per_phase_and_source_and_two_way_changes_are_recorded(
        b in journey(),
        o in proptest::collection::vec((source_mood(), proptest::option::of(-2i8..=2)), 0..6),
        t in proptest::collection::vec((source_mood(), proptest::option::of(-2i8..=2)), 0..6),
    ) {
        let side = |edits: &[(SourceMood, Option<i8>)]| {
            let mut j = b.clone();
            for &((p, s, m), own) in edits {
                apply(&mut j, &Edit::SourceMood(p, s, m));
                apply(&mut j, &Edit::Mood(p + 1, own));
            }
            j
        };
        let (o, t) = (side(&o), side(&t));
        let m = run(&b, &o, &t);
        prop_assert!(m.conflicts.len() == m.journey.unresolved.len());
        for (p, phase) in m.journey.phases().iter().enumerate() {
            let name = phase.name.clone();
            let recorded = |source: Option<&str>| m.journey.unresolved.iter().find_map(|u| match (u, source) {
                (Unresolved::Mood { phase, theirs }, None) if *phase == name => Some(*theirs),
                (Unresolved::SourceMood { phase, source: s, theirs }, Some(source)) if *phase == name && s == source => Some(*theirs),
                _ => None,
            });
            let three = |get: &dyn Fn(&Journey) -> Option<i8>| [get(&b), get(&o), get(&t)];
            let mut values: Vec<Merged3> =
                vec![(None, three(&|j| j.phases()[p].mood), phase.mood)];
            for s in SOURCES {
                values.push((Some(s), three(&|j| j.phases()[p].mood_of(s)), phase.mood_of(s)));
            }
            for (source, [base, ours, theirs], merged) in values {
                let two_ways = ours != base && theirs != base && ours != theirs;
                let want = if ours == base { theirs } else { ours };
                prop_assert_eq!(merged, want, "{} {:?}", name, source);
                prop_assert_eq!(recorded(source), two_ways.then_some(theirs), "{} {:?}", name, source);
            }
        }
        let reopened = crate::format::parse(crate::format::to_toml(&m.journey).as_bytes()).unwrap();
        prop_assert_eq!(&reopened, &m.journey, "the records round-trip through the file");
    }

    #[test]
    fn merge_is_symmetric_up_to_ours_first((b, o, t) in scenario()) {
        let (m1, m2) = (run(&b, &o, &t), run(&b, &t, &o));
        prop_assert_eq!(m1.conflicts.len(), m2.conflicts.len());
        if m1.conflicts.is_empty() {
            prop_assert_eq!(cells(&m1.journey), cells(&m2.journey));
            let inbox = |m: &Merged| { let mut v = m.journey.inbox.clone(); v.sort_by(|a, b| (&a.at, &a.text).cmp(&(&b.at, &b.text))); v };
            prop_assert_eq!(inbox(&m1), inbox(&m2));
        }
    }

    #[test]
    fn conflict_blocks_read_back_exactly_even_among_marker_like_lines(
        b in proptest::collection::vec(prop::sample::select(LINES.to_vec()), 0..6),
        o in proptest::collection::vec(prop::sample::select(LINES.to_vec()), 0..6),
        t in proptest::collection::vec(prop::sample::select(LINES.to_vec()), 0..6),
    ) {
        let (text, n) = merge_text(&b.join("\n"), &o.join("\n"), &t.join("\n"), Style::Text, &Labels::default());
        let found = blocks(&text);
        prop_assert_eq!(found.len(), n, "{}", text);
        let lines = markers::lines(&text);
        for block in found {
            prop_assert!(lines[block.ours].iter().all(|l| o.contains(l)));
            prop_assert!(lines[block.theirs].iter().all(|l| t.contains(l)));
        }
        if n == 0 {
            prop_assert_eq!(take(&text, Side::Ours), text.clone());
        }
    }
}
