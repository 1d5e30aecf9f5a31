//! Present mode: one phase on the whole screen for a workshop. Its number,
//! its name in large letters (or spaced out in capitals), its mood in
//! words, then every row's full text beside the row's name, and the
//! findings of highlight mode.

use crate::app::input::action::Move;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::{Theme, severity_symbol};
use crate::app::present::page::{self, FOOTER, Kind, MARGIN, Present};
use crate::app::{Action, App, KeyMode};
use crate::journey::Mark;
use crate::text;

pub struct PresentView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub shown: Present,
}

impl Widget for &PresentView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, phase) = (self.app, self.shown.phase);
        let header = page::header_height(app.journey(), phase, area.width, area.height);
        if area.height < header + FOOTER + 1 || area.width <= 2 * MARGIN {
            let name = app.journey().phases().get(phase).map_or("", |p| p.name.as_str());
            let line = format!("{} {} (Esc: back)", phase + 1, text::sanitize(name));
            buf.set_stringn(area.x, area.y, &line, usize::from(area.width), self.theme.title);
            return;
        }
        self.header(area, header, buf);
        let page = app.present_page(phase);
        let body = Rect { y: area.y + header, height: area.height - header - FOOTER, ..area };
        let scroll = self.shown.scroll.min(page.lines.len().saturating_sub(1));
        let t = self.theme;
        for (dy, line) in page.lines.iter().skip(scroll).take(usize::from(body.height)).enumerate() {
            let y = body.y + dy as u16;
            if let Some(label) = &line.label {
                let room = usize::from(page.text_x.saturating_sub(page.label_x + 1)).max(1);
                let room = if line.text.is_empty() { usize::from(area.width - 2 * MARGIN) } else { room };
                buf.set_stringn(area.x + page.label_x, y, text::truncate(label, room), room, t.row_name);
            }
            let (x, style) = match line.kind {
                Kind::Finding { severity, first } => {
                    if first {
                        buf.set_stringn(area.x + page.label_x, y, severity_symbol(severity), 1, t.severity(severity));
                    }
                    (page.label_x + 2, t.cell)
                }
                Kind::FindingsHeading => (page.label_x, t.title),
                kind => (page.text_x, self.style(kind)),
            };
            let width = usize::from(area.width.saturating_sub(x + MARGIN));
            buf.set_stringn(area.x + x, y, &line.text, width, style);
        }
        let below = page.lines.len().saturating_sub(scroll + usize::from(body.height));
        self.footer(Rect { y: area.bottom() - 1, height: 1, ..area }, below, buf);
    }
}

impl PresentView<'_> {
    fn style(&self, kind: Kind) -> Style {
        let t = self.theme;
        match kind {
            Kind::Text(Some(Mark::Pain)) => t.warning,
            Kind::Text(Some(Mark::Opportunity)) => t.hint_key,
            Kind::Text(Some(Mark::Question)) => t.more,
            Kind::Text(Some(Mark::Quote)) => t.persona,
            Kind::Empty => t.gap,
            _ => t.cell,
        }
    }

    /// `Phase 2 of 6` and the mood, the name large or in spaced capitals, a rule.
    fn header(&self, area: Rect, height: u16, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let Some(phase) = app.journey().phases().get(self.shown.phase) else { return };
        let (left, content) = page::content(area.width);
        let (x, width) = (area.x + left, usize::from(content));
        let number = format!("Phase {} of {}", self.shown.phase + 1, app.journey().phase_count());
        buf.set_stringn(x, area.y, &number, width, t.dim);
        if let Some(mood) = phase.mood {
            let mood = page::mood_words(mood);
            let w = text::width(&mood);
            if w + text::width(&number) + 2 <= width {
                buf.set_stringn(x + (width - w) as u16, area.y, &mood, w, t.title);
            }
        }
        let big = page::big_name(app.journey(), self.shown.phase, area.width, area.height);
        if let Some(lines) = big {
            for (dy, line) in lines.iter().enumerate() {
                buf.set_stringn(x, area.y + 1 + dy as u16, line, width, t.title);
            }
        } else {
            let name = text::sanitize(&phase.name).to_uppercase();
            let spaced: String = name.chars().flat_map(|c| [c, ' ']).collect::<String>().trim_end().to_owned();
            let big = if text::width(&spaced) <= width { spaced } else { name };
            buf.set_stringn(x, area.y + 1, text::truncate(&big, width), width, t.title);
        }
        let rule = "─".repeat(usize::from(area.width));
        buf.set_stringn(area.x, area.y + height - 1, rule, usize::from(area.width), t.rule);
    }

    /// The keys, or a message; where the page goes on.
    fn footer(&self, area: Rect, below: usize, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        buf.set_style(area, t.status);
        if let Some(status) = &app.status() {
            let style = if status.error { t.error } else { t.status };
            Line::styled(format!(" {}", text::sanitize(&status.text)), style).render(area, buf);
        } else {
            let key = |a| app.keymap().label(KeyMode::Present, a).unwrap_or_default();
            let mut spans = vec![Span::raw(" ")];
            for (action, what) in [
                (Action::Move(Move::NextPhase), "next phase"),
                (Action::Move(Move::PrevPhase), "previous"),
                (Action::Cancel, "back to the grid"),
            ] {
                spans.push(Span::styled(key(action), t.hint_key.patch(t.status)));
                spans.push(Span::styled(format!(" {what}  "), t.status));
            }
            Line::from(spans).render(area, buf);
        }
        let key = app.keymap().label(KeyMode::Present, Action::Move(Move::PageDown)).unwrap_or_default();
        let more = if below > 0 { format!(" ▼ {below} more ({key}) ") } else { String::new() };
        let right = format!("{more} {}/{} ", self.shown.phase + 1, app.journey().phase_count());
        let w = text::width(&right) as u16;
        if w < area.width {
            buf.set_stringn(area.right() - w, area.y, &right, usize::from(w), t.mode);
        }
    }
}
