//! Lists over the grid: the insights (`L`: pains, most sources first, then
//! opportunities, open questions and quotes, each with where it was said and
//! by whom), the findings to accept (`A`) and the accepted findings
//! (`:accepted`). The selected item is marked with `›` and reversed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::App;
use crate::app::lists::{ListKind, ListView};
use crate::insights::Insight;
use crate::journey::Mark;
use crate::text;

pub struct ListOverlay<'a> {
    pub app: &'a App,
    pub list: &'a ListView,
    pub theme: &'a Theme,
}

impl ListOverlay<'_> {
    /// Where the insight was said: `2 Order move › Touchpoints`, and how many more places.
    fn place(&self, insight: &Insight) -> String {
        let journey = &self.app.journey();
        let at = insight.at();
        let phase = journey.phases().get(at.phase).map_or("", |p| p.name.as_str());
        let row = journey.rows().get(at.row).map_or("", String::as_str);
        let more = match insight.places.len() {
            1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        text::sanitize(&format!("{} {phase} › {row}{more}", at.phase + 1)).into_owned()
    }

    /// The title, the lines of the list, and the index of the selected item's line.
    fn content(&self) -> (String, &'static str, Vec<Line<'static>>, usize) {
        match &self.list.kind {
            ListKind::Insights(items) => {
                let (lines, selected) = self.insights(items);
                (
                    format!(" Insights: {} ", items.len()),
                    " j/k select · Enter go to the cell · O opportunity · Esc close ",
                    lines,
                    selected,
                )
            }
            ListKind::Accept(items) => {
                let rows = items.iter().map(|c| (c.label.clone(), c.message.clone()));
                let (lines, selected) = self.plain(rows);
                (" Accept which finding? ".into(), " j/k select · Enter give the reason · Esc cancel ", lines, selected)
            }
            ListKind::Accepted(items) => {
                let rows = items.iter().map(|i| {
                    let stale = if i.stale { "stale: " } else { "" };
                    (format!("{stale}{}", i.text), String::new())
                });
                let (lines, selected) = self.plain(rows);
                let title = format!(" Accepted findings: {} ", items.len());
                (title, " Enter go to it · x accept it no more · Esc close ", lines, selected)
            }
            // Drawn by `super::log`; here only its texts, should it get here.
            ListKind::Log(items) => {
                let log = &self.app.journey().log;
                let rows = items.iter().filter_map(|&i| log.get(i)).map(|e| (e.text.clone(), String::new()));
                let (lines, selected) = self.plain(rows);
                (format!(" Interview log: {} ", items.len()), " Esc close ", lines, selected)
            }
            // Drawn by the plan view (`super::plan`); here only its titles, should it get here.
            ListKind::Plan(items) => {
                let journey = &self.app.journey();
                let rows = items
                    .iter()
                    .filter_map(|&i| journey.opportunities.get(i))
                    .map(|o| (o.title.clone(), String::new()));
                let (lines, selected) = self.plain(rows);
                (format!(" Plan: {} ", items.len()), " Esc close ", lines, selected)
            }
        }
    }

    /// One item per line (and its sentence under it, when there is one).
    fn plain(&self, rows: impl Iterator<Item = (String, String)>) -> (Vec<Line<'static>>, usize) {
        let t = self.theme;
        let mut lines = Vec::new();
        let mut selected_line = 0;
        for (i, (label, sentence)) in rows.enumerate() {
            let focus = i == self.list.selected;
            if focus {
                selected_line = lines.len();
            }
            let style = if focus { t.header_focus } else { t.cell };
            lines.push(Line::from(vec![
                Span::styled(if focus { "› " } else { "  " }, style),
                Span::styled(text::sanitize(&label).into_owned(), style),
            ]));
            if !sentence.is_empty() {
                lines.push(Line::styled(format!("    {}", text::sanitize(&sentence)), t.dim));
            }
        }
        (lines, selected_line)
    }

    /// The insights, grouped by kind under a heading.
    fn insights(&self, items: &[Insight]) -> (Vec<Line<'static>>, usize) {
        let t = self.theme;
        let mut lines = Vec::new();
        let mut selected_line = 0;
        let mut kind: Option<Mark> = None;
        for (i, insight) in items.iter().enumerate() {
            if kind != Some(insight.kind) {
                kind = Some(insight.kind);
                if !lines.is_empty() {
                    lines.push(Line::raw(""));
                }
                let ranked = if insight.kind == Mark::Pain { " (most sources first)" } else { "" };
                lines.push(Line::styled(format!("{}{ranked}", insight.kind.heading()), t.title));
            }
            let focus = i == self.list.selected;
            if focus {
                selected_line = lines.len();
            }
            let style = if focus { t.header_focus } else { t.cell };
            let sources = match insight.sources.as_slice() {
                [] => "no source".to_owned(),
                s => s.iter().map(|s| format!("@{s}")).collect::<Vec<_>>().join(" "),
            };
            lines.push(Line::from(vec![
                Span::styled(if focus { "› " } else { "  " }, style),
                Span::styled(format!("{} ", insight.kind.prefix()), style.patch(t.marks[insight.kind as usize])),
                Span::styled(text::sanitize(&insight.text).into_owned(), style),
                Span::styled(format!("  {} · {}", text::sanitize(&sources), self.place(insight)), t.dim),
            ]));
        }
        (lines, selected_line)
    }
}

impl Widget for &ListOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.min(100);
        let rect = Rect { x: area.x + (area.width - width) / 2, width, ..area };
        Clear.render(rect, buf);
        let (title, keys, lines, selected) = self.content();
        let inner = usize::from(rect.height.saturating_sub(2)).max(1);
        let scroll = selected.saturating_sub(inner.saturating_sub(2));
        let block = Block::default().borders(Borders::ALL).title(title).title_bottom(keys);
        Paragraph::new(lines).block(block).scroll((scroll as u16, 0)).render(rect, buf);
    }
}
