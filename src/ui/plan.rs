//! The plan view (`P`): the value × effort matrix with the seed's names for
//! its quadrants (each showing the rank numbers of its opportunities), and
//! beside it (below it on a narrow screen) the ranked list, each with who
//! gains, owner, status and evidence. The selected one is marked `›` and
//! reversed, in the list and in the matrix.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::plan::{Quadrant, Ranked, weigh};
use crate::text::{sanitize, truncate};

pub struct PlanOverlay<'a> {
    pub app: &'a App,
    /// Indices into `journey.opportunities`, in rank order.
    pub order: &'a [usize],
    pub selected: usize,
    pub theme: &'a Theme,
}

const KEYS: &str = " j/k · Enter evidence · e edit · s status · D delete · Esc ";

impl PlanOverlay<'_> {
    fn ranked(&self) -> Vec<Ranked> {
        self.order.iter().filter_map(|&i| weigh(self.app.journey(), i)).collect()
    }

    /// One quadrant of the matrix: its name, then the rank numbers in it.
    fn quadrant(&self, q: Quadrant, ranked: &[Ranked], width: u16) -> Vec<Line<'static>> {
        let t = self.theme;
        let mut numbers = vec![Span::raw(" ")];
        for (n, _) in ranked.iter().enumerate().filter(|(_, r)| r.quadrant == q) {
            let style = if n == self.selected { t.header_focus } else { t.cell };
            numbers.push(Span::styled(format!("{}", n + 1), style));
            numbers.push(Span::raw(" "));
        }
        let _ = width;
        vec![Line::styled(q.heading(), t.title), Line::from(numbers)]
    }

    fn matrix(&self, ranked: &[Ranked], area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if area.height < 6 || area.width < 20 {
            return;
        }
        // Columns: low effort at the left, high at the right; rows: high value on top.
        let label = 3;
        let half_w = (area.width - label) / 2;
        let half_h = ((area.height - 2) / 2).min(6);
        let boxes = [
            (Quadrant::LowHangingFruit, 0, 0),
            (Quadrant::HotIssue, 1, 0),
            (Quadrant::FillIn, 0, 1),
            (Quadrant::NotNow, 1, 1),
        ];
        for (q, col, row) in boxes {
            let rect =
                Rect { x: area.x + label + col * half_w, y: area.y + row * half_h, width: half_w, height: half_h };
            let block = Block::default().borders(Borders::ALL).border_style(t.rule);
            Paragraph::new(self.quadrant(q, ranked, rect.width.saturating_sub(2)))
                .wrap(Wrap { trim: false })
                .block(block)
                .render(rect, buf);
        }
        let axis = |y: u16, words: &[&'static str], buf: &mut Buffer| {
            let lines: Vec<Line> = words.iter().map(|w| Line::styled(*w, t.dim)).collect();
            Paragraph::new(lines).render(Rect { x: area.x, y, width: label, height: half_h }, buf);
        };
        axis(area.y + 1, &["hi", "val"], buf);
        axis(area.y + half_h + 1, &["lo", "val"], buf);
        let effort = format!("{:<w$}{}", "low effort", "high effort", w = usize::from(half_w));
        let bottom = area.y + 2 * half_h;
        Paragraph::new(Line::styled(effort, t.dim))
            .render(Rect { x: area.x + label + 1, y: bottom, width: area.width - label - 1, height: 1 }, buf);
        let unscored = ranked.iter().filter(|r| r.quadrant == Quadrant::Unscored).count();
        if unscored > 0 && bottom + 1 < area.y + area.height {
            Paragraph::new(Line::styled(format!(" {unscored} unscored (e scores them)"), t.dim))
                .render(Rect { x: area.x, y: bottom + 1, width: area.width, height: 1 }, buf);
        }
    }

    /// The ranked list: three lines per opportunity; the index of the selected one's first line.
    fn list(&self, ranked: &[Ranked], width: usize) -> (Vec<Line<'static>>, usize) {
        let t = self.theme;
        let journey = &self.app.journey();
        let mut lines = Vec::new();
        let mut at = 0;
        for (n, r) in ranked.iter().enumerate() {
            let o = &journey.opportunities[r.index];
            let focus = n == self.selected;
            if focus {
                at = lines.len();
            }
            let style = if focus { t.header_focus } else { t.cell };
            let head = format!("{}{} {}", if focus { "› " } else { "  " }, n + 1, sanitize(&o.title));
            lines.push(Line::styled(truncate(&head, width).into_owned(), style));
            let value = r.value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
            let effort = o.effort.map_or_else(|| "–".to_owned(), |e| e.to_string());
            let gains = if o.gains.is_empty() { "who gains?".to_owned() } else { o.gains.join(", ") };
            let owner = if o.owner.is_empty() { "no owner".to_owned() } else { o.owner.clone() };
            let sources = if r.evidence() == 1 { "source" } else { "sources" };
            let detail = format!("    {} · v{value} · e{effort} · {} {sources}", r.quadrant.heading(), r.evidence());
            lines.push(Line::styled(truncate(&detail, width).into_owned(), t.dim));
            let who = format!("    {} · gains: {gains} · {owner}", o.status.id());
            lines.push(Line::styled(truncate(&sanitize(&who), width).into_owned(), t.dim));
        }
        (lines, at)
    }
}

impl Widget for &PlanOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let ranked = self.ranked();
        let title = match ranked.len() {
            1 => " Plan: 1 opportunity ".to_owned(),
            n => format!(" Plan: {n} opportunities "),
        };
        let block = Block::default().borders(Borders::ALL).title(title).title_bottom(KEYS);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width < 4 || inner.height < 2 {
            return;
        }
        // Side by side when there is room for both, else the matrix on top.
        let (matrix, list) = if inner.width >= 76 {
            let w = 31;
            (Rect { width: w, ..inner }, Rect { x: inner.x + w + 1, width: inner.width - w - 1, ..inner })
        } else {
            let h = (inner.height / 2).min(10);
            (Rect { height: h, ..inner }, Rect { y: inner.y + h, height: inner.height - h, ..inner })
        };
        self.matrix(&ranked, matrix, buf);
        let (lines, at) = self.list(&ranked, usize::from(list.width));
        let scroll = (at + 3).saturating_sub(usize::from(list.height)) as u16;
        Paragraph::new(lines).scroll((scroll, 0)).render(list, buf);
    }
}
