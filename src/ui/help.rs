//! The help overlay: every key, read from the actual keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::commands::COMMANDS;
use crate::app::{App, CELL_KEYS, Key, KeyMode, LINE_KEYS, QuestionKind};

pub struct Help<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub scroll: u16,
}

impl Help<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let t = self.theme;
        let keymap = &self.app.keymap();
        let mut lines = Vec::new();
        let section = |lines: &mut Vec<Line<'static>>, title: &str| {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(title.to_owned(), t.title));
        };
        let entry = |lines: &mut Vec<Line<'static>>, keys: String, what: &str| {
            lines.push(Line::from(vec![Span::styled(format!("  {keys:<22}"), t.hint_key), Span::raw(what.to_owned())]));
        };
        for (mode, title) in [
            (KeyMode::Normal, "In the grid"),
            (KeyMode::Edit, "Editing a cell"),
            (KeyMode::Line, "Command line and prompts"),
            (KeyMode::Help, "In this help"),
            (KeyMode::Present, "Presenting (:present): one phase per screen, nothing can be edited"),
        ] {
            section(&mut lines, title);
            for action in keymap.actions(mode) {
                let keys: Vec<String> = keymap.keys_for(mode, action).iter().map(Key::label).collect();
                entry(&mut lines, keys.join(", "), action.describe());
            }
            if mode == KeyMode::Present {
                entry(&mut lines, String::new(), "(a screen down at the end of a phase: the next phase)");
            }
            if mode == KeyMode::Edit {
                for &(keys, what) in CELL_KEYS {
                    entry(&mut lines, keys.to_owned(), what);
                }
            }
            if mode == KeyMode::Line {
                for &(keys, what) in LINE_KEYS {
                    entry(&mut lines, keys.to_owned(), what);
                }
                for c in COMMANDS {
                    let spell = |n: &str| if c.args.is_empty() { format!(":{n}") } else { format!(":{n} {}", c.args) };
                    let names: Vec<String> =
                        std::iter::once(c.name).chain(c.aliases.iter().copied()).map(spell).collect();
                    entry(&mut lines, names.join("  "), c.doc);
                }
            }
        }
        for &kind in QuestionKind::ALL {
            let spec = kind.spec();
            section(&mut lines, &format!("When jgrid asks ({}: [keys.{}])", spec.mode, spec.id));
            let mode = KeyMode::Question(kind);
            for answer in spec.answers {
                let keys: Vec<String> = keymap.keys_for(mode, answer.action).iter().map(Key::label).collect();
                let keys = if keys.is_empty() { "any other key".to_owned() } else { keys.join(", ") };
                entry(&mut lines, keys, answer.long);
            }
        }
        lines
    }
}

impl Widget for &Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.min(76);
        let height = area.height;
        let rect = Rect { x: area.x + (area.width - width) / 2, y: area.y, width, height };
        Clear.render(rect, buf);
        let lines = self.lines();
        let max_scroll = (lines.len() as u16).saturating_sub(height.saturating_sub(2));
        let block =
            Block::default().borders(Borders::ALL).title(" jgrid keys ").title_bottom(" j/k scroll · Esc close ");
        Paragraph::new(lines).block(block).scroll((self.scroll.min(max_scroll), 0)).render(rect, buf);
    }
}
