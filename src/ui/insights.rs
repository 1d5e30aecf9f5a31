//! The insights list (`L`) over the grid: pains (most sources first),
//! opportunities, open questions and quotes, each with where it was said and
//! by whom; the selected one is marked with `›` and reversed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::App;
use crate::app::lists::InsightList;
use crate::insights::Insight;
use crate::journey::Mark;
use crate::text;

pub struct InsightsList<'a> {
    pub app: &'a App,
    pub list: &'a InsightList,
    pub theme: &'a Theme,
}

impl InsightsList<'_> {
    /// Where the insight was said: `2 Order move › Touchpoints`, and how many more places.
    fn place(&self, insight: &Insight) -> String {
        let journey = &self.app.journey;
        let at = insight.at();
        let phase = journey.phases().get(at.phase).map_or("", |p| p.name.as_str());
        let row = journey.rows().get(at.row).map_or("", String::as_str);
        let more = match insight.places.len() {
            1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        text::sanitize(&format!("{} {phase} › {row}{more}", at.phase + 1)).into_owned()
    }

    /// The lines of the list, and the index of the selected item's line.
    fn lines(&self) -> (Vec<Line<'static>>, usize) {
        let t = self.theme;
        let mut lines = Vec::new();
        let mut selected_line = 0;
        let mut kind: Option<Mark> = None;
        for (i, insight) in self.list.items.iter().enumerate() {
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

impl Widget for &InsightsList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.min(100);
        let rect = Rect { x: area.x + (area.width - width) / 2, width, ..area };
        Clear.render(rect, buf);
        let (lines, selected) = self.lines();
        let inner = usize::from(rect.height.saturating_sub(2)).max(1);
        let scroll = selected.saturating_sub(inner.saturating_sub(2));
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" Insights: {} ", self.list.items.len()))
            .title_bottom(" j/k select · Enter go to the cell · Esc close ");
        Paragraph::new(lines).block(block).scroll((scroll as u16, 0)).render(rect, buf);
    }
}
