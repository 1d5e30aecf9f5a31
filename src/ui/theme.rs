//! Styles for every part of the screen: a 16-colour theme and a monochrome
//! one (for NO_COLOR) that tells things apart with modifiers only.

use ratatui::style::{Color, Modifier, Style};

use crate::checks::Severity;
use crate::config::ThemeChoice;

/// The mark shown for a severity, readable without colour.
pub fn severity_symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Gap => "○",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub persona: Style,
    pub modified: Style,
    pub phase_header: Style,
    pub row_name: Style,
    /// Header of the cursor's phase and name of the cursor's row.
    pub header_focus: Style,
    pub rule: Style,
    pub cell: Style,
    /// The heavy bar beside the cursor's cell (the rules' style: only the glyph differs,
    /// so moving it costs no colour changes).
    pub cursor_bar: Style,
    pub editing_cell: Style,
    pub more: Style,
    pub status: Style,
    pub mode: Style,
    pub error: Style,
    pub hint_key: Style,
    pub hint: Style,
    pub dim: Style,
    /// Marks of highlight mode, by severity.
    pub gap: Style,
    pub warning: Style,
    pub info: Style,
    pub panel: Style,
    /// Text that matches the search.
    pub search: Style,
    /// The mark at the start of a pain, opportunity, question and quote line
    /// (in the order of `Mark::ALL`); the mark itself is text, so it reads
    /// without colour too.
    pub marks: [Style; 4],
    /// A phase's mood in its header, and the evidence badge of a cell.
    pub badge: Style,
    /// The characters the screen is drawn with (ASCII outside a UTF-8 locale).
    pub glyphs: super::glyphs::Glyphs,
}

impl Theme {
    /// Style of a severity's mark.
    pub fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Gap => self.gap,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    /// Chosen from the environment: monochrome when NO_COLOR is set and not empty.
    /// The theme the config file chose.
    /// Its glyphs follow the locale (ASCII when it is not UTF-8).
    pub fn chosen(choice: ThemeChoice) -> Self {
        let theme = match choice {
            ThemeChoice::Auto => Theme::from_env(),
            ThemeChoice::Color => Theme::color(),
            ThemeChoice::Mono => Theme::mono(),
        };
        Self { glyphs: super::glyphs::Glyphs::from_env(), ..theme }
    }

    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color { Self::mono() } else { Self::color() }
    }

    /// Uses only the 16 ANSI colours, so it looks right on any terminal.
    pub fn color() -> Self {
        let base = Style::new();
        Self {
            title: base.add_modifier(Modifier::BOLD),
            persona: base.fg(Color::Cyan),
            modified: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            phase_header: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            row_name: base.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            header_focus: base.fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
            rule: base.fg(Color::DarkGray),
            cell: base,
            cursor_bar: base.fg(Color::DarkGray),
            editing_cell: base.bg(Color::Black).fg(Color::White),
            more: base.fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            status: base.bg(Color::DarkGray).fg(Color::White),
            mode: base.bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            error: base.bg(Color::Red).fg(Color::White).add_modifier(Modifier::BOLD),
            hint_key: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            hint: base.fg(Color::Gray),
            dim: base.fg(Color::DarkGray),
            gap: base.fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            warning: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            info: base.fg(Color::Cyan),
            panel: base,
            search: base.fg(Color::Black).bg(Color::Yellow),
            marks: [
                base.fg(Color::Red).add_modifier(Modifier::BOLD),
                base.fg(Color::Green).add_modifier(Modifier::BOLD),
                base.fg(Color::Blue).add_modifier(Modifier::BOLD),
                base.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            ],
            badge: base.fg(Color::Cyan),
            glyphs: super::glyphs::Glyphs::Unicode,
        }
    }

    /// No colours at all: bold, reverse, underline and italic carry the meaning.
    pub fn mono() -> Self {
        let base = Style::new();
        let bold = base.add_modifier(Modifier::BOLD);
        Self {
            title: bold,
            persona: base.add_modifier(Modifier::ITALIC),
            modified: bold,
            phase_header: bold,
            row_name: bold,
            header_focus: bold.add_modifier(Modifier::REVERSED),
            rule: base,
            cell: base,
            cursor_bar: base,
            editing_cell: base.add_modifier(Modifier::UNDERLINED),
            more: base.add_modifier(Modifier::ITALIC),
            status: base.add_modifier(Modifier::REVERSED),
            mode: bold,
            error: bold.add_modifier(Modifier::UNDERLINED),
            hint_key: bold,
            hint: base,
            dim: base,
            gap: base.add_modifier(Modifier::ITALIC),
            warning: bold,
            info: base,
            panel: base,
            search: bold.add_modifier(Modifier::UNDERLINED),
            marks: [bold; 4],
            badge: base.add_modifier(Modifier::ITALIC),
            glyphs: super::glyphs::Glyphs::Unicode,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_file_chooses_the_theme() {
        assert_eq!(Theme::chosen(ThemeChoice::Color), Theme::color());
        assert_eq!(Theme::chosen(ThemeChoice::Mono), Theme::mono());
    }
}
