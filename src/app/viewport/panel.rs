//! The findings panel of highlight mode, pure: every finding that touches a
//! cell, each a sentence wrapped to the panel's width, so the panel knows
//! how tall it must be to show them all (zoomed, it grows to that).

use crate::checks::{self, Finding};
use crate::journey::CellRef;
use crate::text;

/// Columns in front of a finding's text: its severity's symbol and a space.
pub const SYMBOL: usize = 2;

/// One line of the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelLine<'a> {
    pub finding: &'a Finding,
    /// The finding's first line, which starts with its severity and id.
    pub first: bool,
    pub text: String,
}

/// The panel's lines for the findings at a cell, wrapped to `width` columns
/// (the symbol in front of each finding included).
pub fn lines(findings: &[Finding], at: CellRef, width: usize) -> Vec<PanelLine<'_>> {
    let room = width.saturating_sub(SYMBOL).max(1);
    let mut out = Vec::new();
    for finding in checks::findings_at(findings, at) {
        let said = format!("{} [{}] {}", finding.severity.id(), finding.id, finding.message);
        for (i, text) in text::wrap(&said, room).into_iter().enumerate() {
            out.push(PanelLine { finding, first: i == 0, text });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Journey;

    #[test]
    fn every_finding_of_the_cell_is_wrapped_to_the_width() {
        let journey = Journey::default();
        let findings = checks::check(&journey);
        let at = CellRef::new(0, 0);
        let wide = lines(&findings, at, 200);
        assert_eq!(wide.len(), checks::findings_at(&findings, at).count());
        assert!(wide.iter().all(|l| l.first));
        let narrow = lines(&findings, at, 24);
        assert!(narrow.len() > wide.len());
        assert!(narrow.iter().all(|l| text::width(&l.text) <= 22));
        assert!(narrow[0].text.starts_with(narrow[0].finding.severity.id()));
    }
}
