//! summary, Counts::to_words, findings_at, worst_at.

use super::*;
use crate::checks::{Counts, Severity, findings_at, severity_of, summary, worst_at};

fn finding(id: &'static str, cells: &[(usize, usize)]) -> Finding {
    Finding {
        id,
        severity: severity_of(id).unwrap(),
        phase: cells[0].0,
        rows: cells.iter().map(|c| c.1).collect(),
        cells: cells.iter().map(|&(p, r)| CellRef::new(p, r)).collect(),
        message: String::new(),
        subjects: Vec::new(),
    }
}

#[test]
fn counts_in_words() {
    let words = |gaps, warnings, infos| Counts { gaps, warnings, infos }.to_words();
    assert_eq!(words(7, 8, 1), "7 gaps · 8 warnings · 1 info");
    assert_eq!(words(1, 1, 3), "1 gap · 1 warning · 3 info");
    assert_eq!(words(0, 2, 0), "2 warnings");
    assert_eq!(words(2, 0, 1), "2 gaps · 1 info");
    assert_eq!(words(0, 0, 0), "No findings");
}

#[test]
fn summary_counts_by_severity() {
    let fs = [
        finding("empty-cell", &[(0, 0)]),
        finding("empty-cell", &[(0, 1)]),
        finding("stray-channel", &[(0, 3)]),
        finding("inside-out", &[(1, 0), (1, 1)]),
    ];
    assert_eq!(summary(&fs), Counts { gaps: 2, warnings: 1, infos: 1 });
    assert_eq!(summary(&fs).total(), 4);
    assert_eq!(summary(&[]).to_words(), "No findings");
}

#[test]
fn findings_at_and_worst_at_a_cell() {
    let fs = [
        finding("empty-cell", &[(0, 2)]),
        finding("unanswered-need", &[(0, 0), (0, 2)]),
        finding("inside-out", &[(1, 0), (1, 1)]),
        finding("empty-cell", &[(1, 0)]),
    ];
    let at = |p, r| findings_at(&fs, CellRef::new(p, r)).map(|f| f.id).collect::<Vec<_>>();
    assert_eq!(at(0, 2), ["empty-cell", "unanswered-need"]);
    assert_eq!(at(1, 1), ["inside-out"]);
    assert!(at(3, 3).is_empty());
    // Warning outranks gap, gap outranks info.
    assert_eq!(worst_at(&fs, CellRef::new(0, 2)), Some(Severity::Warning));
    assert_eq!(worst_at(&fs, CellRef::new(1, 0)), Some(Severity::Gap));
    assert_eq!(worst_at(&fs, CellRef::new(1, 1)), Some(Severity::Info));
    assert_eq!(worst_at(&fs, CellRef::new(2, 2)), None);
}

#[test]
fn every_id_has_a_severity() {
    use crate::checks::IDS;
    assert!(IDS.iter().all(|id| severity_of(id).is_some()));
    assert_eq!(severity_of("empty-cell"), Some(Severity::Gap));
    assert_eq!(severity_of("inside-out"), Some(Severity::Info));
    assert_eq!(severity_of("conflicting-message"), Some(Severity::Warning));
    assert_eq!(severity_of("nope"), None);
}
