//! Present mode, pure: one phase per screen for a workshop on a shared
//! screen. What a phase's page says (its number and name, its mood, every
//! row's full text wrapped to the screen, its marks and the findings of
//! highlight mode) and how the keys step through the pages. Nothing here
//! changes the journey: present mode has no key that edits.

use crate::app::input::action::Action;
use crate::app::input::action::Move;
use crate::app::present::banner::{self, banner};
use crate::checks::{Finding, Severity};
use crate::journey::{CellRef, Journey, Mark};
use crate::text;

/// Lines above a page's body: the phase's number and mood, its name, a rule
/// (the name in large letters takes two lines more).
pub const HEADER: u16 = 3;
/// Lines below it: the keys.
pub const FOOTER: u16 = 1;
/// Columns left free at the left and the right of the page.
pub const MARGIN: u16 = 2;
/// The widest the text of a page gets, so lines stay easy to read on a wide screen.
pub const MOST_TEXT: u16 = 110;
/// The screen height from which a phase's name is drawn in large letters.
pub const BIG_FROM: u16 = 30;

/// The phase shown and how far its page is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Present {
    pub phase: usize,
    pub scroll: usize,
}

impl Present {
    pub fn new(phase: usize) -> Self {
        Self { phase, scroll: 0 }
    }
}

/// What a line of a page is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A line of a cell's text, with the mark of the line it belongs to.
    Text(Option<Mark>),
    /// An empty cell.
    Empty,
    /// The heading above the findings.
    FindingsHeading,
    /// A finding's first line (the view puts its symbol in front) or a following one.
    Finding {
        severity: Severity,
        first: bool,
    },
    Blank,
}

/// One line of a page's body: a row name at the left on the row's first line, and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    pub kind: Kind,
    pub label: Option<String>,
    pub text: String,
}

/// A phase's page, laid out for a screen width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Where the row names start, and where the text starts.
    pub label_x: u16,
    pub text_x: u16,
    pub lines: Vec<PageLine>,
}

/// A mood as a number and a word, readable without colour: `mood −1 (unhappy)`.
pub fn mood_words(mood: i8) -> String {
    let word = match mood {
        i8::MIN..=-2 => "very unhappy",
        -1 => "unhappy",
        0 => "neutral",
        1 => "happy",
        2..=i8::MAX => "very happy",
    };
    let number = match mood {
        m if m < 0 => format!("−{}", m.unsigned_abs()),
        m if m > 0 => format!("+{m}"),
        _ => "0".to_owned(),
    };
    format!("mood {number} ({word})")
}

/// The columns a page's text takes on a screen this wide, and where they start.
pub fn content(width: u16) -> (u16, u16) {
    let content = width.saturating_sub(2 * MARGIN).min(MOST_TEXT);
    ((width - content) / 2, content)
}

/// A phase's name in large letters, when the screen is tall and wide enough.
pub fn big_name(journey: &Journey, phase: usize, width: u16, height: u16) -> Option<[String; banner::HEIGHT]> {
    let name = &journey.phases().get(phase)?.name;
    (height >= BIG_FROM).then(|| banner(name, usize::from(content(width).1)))?
}

/// Lines above a phase's page body.
pub fn header_height(journey: &Journey, phase: usize, width: u16, height: u16) -> u16 {
    if big_name(journey, phase, width, height).is_some() { HEADER + banner::HEIGHT as u16 - 1 } else { HEADER }
}

/// The lines of a phase's page body that fit on the screen.
pub fn body_height(journey: &Journey, phase: usize, width: u16, height: u16) -> usize {
    usize::from(height.saturating_sub(header_height(journey, phase, width, height) + FOOTER))
}

/// A phase's page at a screen width: each row's name beside its full text
/// (below it on a narrow screen), `gap` blank lines between rows, then the
/// phase's findings. On a wide screen the text keeps to the middle.
pub fn page(journey: &Journey, phase: usize, findings: &[Finding], width: u16, gap: usize) -> Page {
    let names = journey.rows().iter().map(|r| text::width(r)).max().unwrap_or(0) as u16;
    let (label_x, content) = content(width);
    let side_by_side = content >= 56;
    let text_x = if side_by_side { label_x + (names + 3).min(content / 3) } else { label_x + 2 };
    let text_width = usize::from(content.saturating_sub(text_x - label_x)).max(1);
    let mut lines = Vec::new();
    for (row, name) in journey.rows().iter().enumerate() {
        if row > 0 {
            lines.extend(std::iter::repeat_with(blank).take(gap));
        }
        let name = text::sanitize(name).into_owned();
        let mut label = Some(name);
        if !side_by_side {
            lines.push(PageLine { kind: Kind::Blank, label: label.take(), text: String::new() });
        }
        let cell = journey.cell(CellRef::new(phase, row));
        if cell.is_empty() {
            lines.push(PageLine { kind: Kind::Empty, label: label.take(), text: "(empty)".to_owned() });
            continue;
        }
        for logical in cell.split('\n') {
            let kind = Kind::Text(Mark::of(logical));
            for piece in text::wrap(logical, text_width) {
                lines.push(PageLine { kind, label: label.take(), text: piece });
            }
        }
    }
    let here: Vec<&Finding> =
        findings.iter().filter(|f| f.phase == phase || f.cells.iter().any(|c| c.phase == phase)).collect();
    if !here.is_empty() {
        lines.push(blank());
        lines.push(PageLine { kind: Kind::FindingsHeading, label: None, text: format!("Findings ({})", here.len()) });
        // The view draws the severity's symbol and a space in front of a finding.
        let finding_width = usize::from(content.saturating_sub(2)).max(1);
        for f in here {
            let said = format!("{}: {}", f.severity.id(), f.message);
            for (i, piece) in text::wrap(&said, finding_width).into_iter().enumerate() {
                let kind = Kind::Finding { severity: f.severity, first: i == 0 };
                lines.push(PageLine { kind, label: None, text: piece });
            }
        }
    }
    Page { label_x, text_x, lines }
}

/// The page as it is shown on a screen this size: with two blank lines
/// between rows, or one, when everything then still fits on one screen.
pub fn fitted(journey: &Journey, phase: usize, findings: &[Finding], width: u16, height: u16) -> Page {
    let room = body_height(journey, phase, width, height);
    for gap in [2, 1] {
        let spaced = page(journey, phase, findings, width, gap);
        if spaced.lines.len() <= room {
            return spaced;
        }
    }
    page(journey, phase, findings, width, 0)
}

fn blank() -> PageLine {
    PageLine { kind: Kind::Blank, label: None, text: String::new() }
}

/// What a key does in present mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Show this page (and scroll).
    To(Present),
    /// Nothing further that way; say so.
    Edge(&'static str),
    /// Back to the grid.
    Leave,
    /// Not a present-mode action.
    Ignored,
}

/// Where an action takes the presentation. `lines` is the length of the
/// shown page's body and `height` the lines of it on the screen.
pub fn step(p: Present, action: Action, phases: usize, lines: usize, height: usize) -> Step {
    let last = phases.saturating_sub(1);
    let page = height.saturating_sub(1).max(1);
    let more_below = p.scroll + height < lines;
    match action {
        Action::Move(Move::PageDown) if more_below => {
            Step::To(Present { scroll: (p.scroll + page).min(lines.saturating_sub(height)), ..p })
        }
        Action::Move(Move::PageUp) if p.scroll > 0 => Step::To(Present { scroll: p.scroll.saturating_sub(page), ..p }),
        Action::Move(Move::NextPhase) | Action::Move(Move::PageDown) if p.phase >= last => Step::Edge("The last phase"),
        Action::Move(Move::NextPhase) | Action::Move(Move::PageDown) => Step::To(Present::new(p.phase + 1)),
        Action::Move(Move::PrevPhase) | Action::Move(Move::PageUp) if p.phase == 0 => Step::Edge("The first phase"),
        Action::Move(Move::PrevPhase) | Action::Move(Move::PageUp) => Step::To(Present::new(p.phase - 1)),
        Action::Move(Move::FirstPhase) => Step::To(Present::new(0)),
        Action::Move(Move::LastPhase) => Step::To(Present::new(last)),
        Action::Cancel => Step::Leave,
        Action::Move(Move::Left | Move::Right | Move::Up | Move::Down | Move::FirstRow | Move::LastRow)
        | Action::Grid(_)
        | Action::Edit(_)
        | Action::Inbox(_)
        | Action::List(_)
        | Action::Answer(_)
        | Action::Submit
        | Action::Complete => Step::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Change;

    fn journey() -> Journey {
        let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["Sign up", "First invoice"]);
        let long = "! paper came anyway although the customer chose e-invoice when signing up";
        Change::SetCell { at: CellRef::new(1, 0), text: format!("{long}\n+ send the PDF") }.apply(&mut j).unwrap();
        j
    }

    #[test]
    fn moods_read_as_a_number_and_a_word() {
        assert_eq!(mood_words(-1), "mood −1 (unhappy)");
        assert_eq!(mood_words(2), "mood +2 (very happy)");
        assert_eq!(mood_words(0), "mood 0 (neutral)");
    }

    #[test]
    fn a_page_shows_every_row_with_its_full_text_wrapped() {
        let p = page(&journey(), 1, &[], 64, 1);
        let texts: Vec<&str> = p.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(p.lines[0].label.as_deref(), Some("Need"));
        assert!(texts.concat().contains("e-invoice when signing up"), "{texts:?}");
        assert!(p.lines.iter().all(|l| text::width(&l.text) <= usize::from(64 - p.text_x - MARGIN)));
        assert_eq!(p.lines[0].kind, Kind::Text(Some(Mark::Pain)));
        assert_eq!(p.lines[1].kind, Kind::Text(Some(Mark::Pain)), "a wrapped line keeps its mark");
        let touch = p.lines.iter().find(|l| l.label.as_deref() == Some("Touchpoints")).unwrap();
        assert_eq!((touch.kind, touch.text.as_str()), (Kind::Empty, "(empty)"));
        let narrow = page(&journey(), 1, &[], 40, 0);
        assert_eq!(narrow.lines[0].label.as_deref(), Some("Need"), "the name above the text");
        assert_eq!(narrow.lines[0].text, "");
    }

    #[test]
    fn findings_of_the_phase_follow_the_rows() {
        let j = journey();
        let findings = crate::checks::check(&j);
        let p = page(&j, 0, &findings, 80, 0);
        let heading = p.lines.iter().position(|l| l.kind == Kind::FindingsHeading).unwrap();
        assert!(matches!(p.lines[heading + 1].kind, Kind::Finding { first: true, .. }));
    }

    #[test]
    fn a_tall_screen_shows_the_name_large_and_spreads_the_rows() {
        let j = journey();
        assert!(big_name(&j, 0, 160, 45).is_some());
        assert_eq!(big_name(&j, 0, 160, 24), None);
        assert_eq!(header_height(&j, 0, 160, 45), HEADER + 2);
        let wide = fitted(&j, 1, &[], 160, 45);
        assert_eq!(wide.lines.iter().filter(|l| l.kind == Kind::Blank).count(), 2, "two lines between rows");
        assert!(wide.label_x > MARGIN, "the text keeps to the middle");
    }

    #[test]
    fn keys_scroll_a_long_page_then_step_to_the_next_phase() {
        let p = Present::new(0);
        assert_eq!(step(p, Action::Move(Move::PageDown), 3, 30, 10), Step::To(Present { phase: 0, scroll: 9 }));
        let end = Present { phase: 0, scroll: 20 };
        assert_eq!(step(end, Action::Move(Move::PageDown), 3, 30, 10), Step::To(Present::new(1)));
        assert_eq!(step(end, Action::Move(Move::PageUp), 3, 30, 10), Step::To(Present { phase: 0, scroll: 11 }));
        assert_eq!(step(p, Action::Move(Move::PageUp), 3, 30, 10), Step::Edge("The first phase"));
        assert_eq!(step(p, Action::Move(Move::NextPhase), 3, 30, 10), Step::To(Present::new(1)), "→ always steps");
        assert_eq!(step(Present::new(2), Action::Move(Move::NextPhase), 3, 5, 10), Step::Edge("The last phase"));
        assert_eq!(step(p, Action::Move(Move::LastPhase), 3, 5, 10), Step::To(Present::new(2)));
        assert_eq!(step(p, Action::Cancel, 3, 5, 10), Step::Leave);
        assert_eq!(step(p, Action::Grid(crate::app::input::action::Grid::Edit), 3, 5, 10), Step::Ignored);
    }
}
