//! The title bar at the top, and the status line and key hints at the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::hints::hints_for;
use super::theme::Theme;
use crate::app::{Action, App, KeyMode, LineKind, Mode, Shown};
use crate::text;

/// Title, persona, the modified marker and the file name, in that order:
/// the title and persona get the room, the file name what is left.
pub struct TitleBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let width = usize::from(area.width);
        let mut file = text::sanitize(&app.file_label()).into_owned();
        if app.is_new_file() {
            file.push_str(" [new]");
        }
        if app.read_only() {
            file.push_str(" [read-only]");
        }
        // Shown as soon as a cell is being changed, not only once the edit is kept.
        let changed = app.has_unsaved();
        let title = if app.journey().title.is_empty() { "Untitled journey" } else { &app.journey().title };
        let title = format!(" {}", text::sanitize(title));
        let persona = text::sanitize(&app.journey().persona);
        // The marker in words whenever the screen is not tiny: it says what matters most.
        let marker = match (changed, width >= 40) {
            (false, _) => "",
            (true, true) => "  [+] modified",
            (true, false) => " [+]",
        };
        // The persona is cut before the title is.
        let room = width.saturating_sub(text::width(marker));
        let mut left = vec![Span::styled(text::truncate(&title, room).into_owned(), t.title)];
        let persona_room = room.saturating_sub(text::width(&title) + 3);
        if !persona.is_empty() && persona_room >= 4 {
            left.push(Span::styled(" · ", t.dim));
            left.push(Span::styled(text::truncate(&persona, persona_room).into_owned(), t.persona));
        }
        let used = left.iter().map(|s| text::width(&s.content)).sum::<usize>() + text::width(marker);
        left.push(Span::styled(marker, t.modified));
        Line::from(left).render(area, buf);
        // The file name last, at the right: its path, or only its name, cut at its start if need be.
        let free = width.saturating_sub(used + 2);
        if free >= 8 {
            let name = app.path().as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
            let name = text::sanitize(&name.unwrap_or_default()).into_owned();
            let shown = match () {
                _ if text::width(&file) <= free => file,
                _ if !name.is_empty() && text::width(&name) <= free => name,
                _ => cut_start(&file, free),
            };
            let w = text::width(&shown) as u16;
            buf.set_stringn(area.right() - w - 1, area.y, &shown, usize::from(w), t.dim);
        }
    }
}

/// The end of a string in `width` columns, with `…` in front when cut.
fn cut_start(s: &str, width: usize) -> String {
    let mut tail: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = text::width(c.encode_utf8(&mut [0; 4]));
        if w + cw > width {
            break;
        }
        w += cw;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// The mode, the cursor's phase and row, and a message or prompt.
pub struct StatusLine<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        buf.set_style(area, t.status);
        if let Mode::Line(line) = app.mode() {
            let prompt = line.prompt();
            let pw = (text::width(&prompt) as u16).min(area.width);
            buf.set_stringn(area.x, area.y, &prompt, usize::from(area.width), t.status);
            if area.width > pw {
                let mut input = Rect { x: area.x + pw, width: area.width - pw, ..area };
                // The capture line looks like a cell being typed in, and says
                // where Enter files the note (`→ Service › Systems`, `→ inbox`).
                if matches!(line.kind, LineKind::Capture { .. }) {
                    let to = crate::app::capture_preview(app.journey(), &line.text());
                    let to = format!(" {} ", text::truncate(&to, usize::from(input.width / 2)));
                    let w = text::width(&to) as u16;
                    if input.width >= w + 12 {
                        input.width -= w;
                        buf.set_stringn(input.right(), area.y, &to, usize::from(w), t.mode);
                    }
                    buf.set_style(input, t.editing_cell);
                }
                line.area.render(input, buf);
            }
            return;
        }
        let parts = Parts::of(app, area.width);
        let mut spans = vec![Span::styled(parts.mode.clone(), t.mode)];
        if let Some(source) = &parts.source {
            spans.push(Span::styled(source.clone(), t.mode));
        }
        spans.push(Span::styled(parts.position.clone(), t.status));
        let question = app.mode().question().filter(|q| q.spec().shown == Shown::StatusLine);
        if let Some(question) = question {
            spans.push(Span::styled(format!(" {} ", text::sanitize(&question.text)), t.error));
        } else if let Some(status) = app.shown_status().filter(|_| parts.message_fits(app)) {
            let style = if status.error { t.error } else { t.status };
            spans.push(Span::styled(format!(" {} ", text::sanitize(&status.text)), style));
        }
        let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
        Line::from(spans).render(area, buf);
        // A question is read before the counts: they give way to it.
        let w = text::width(&parts.right) as u16;
        let room = usize::from(area.width).saturating_sub(used);
        if w > 0 && w <= area.width && (question.is_none() || usize::from(w) <= room) {
            buf.set_stringn(area.right() - w, area.y, &parts.right, usize::from(w), t.mode);
        }
    }
}

/// The source slot: who is speaking (`@sara`) and whose lines alone are
/// shown (`only @omar`), kept at any width.
fn source_slot(app: &App) -> Option<String> {
    let speaking = app.source().as_ref().map(|s| format!("@{}", text::sanitize(s)));
    let only = app.only_source().map(|s| format!("only @{}", text::sanitize(s)));
    match (speaking, only) {
        (None, None) => None,
        (Some(one), None) | (None, Some(one)) => Some(format!(" {one} ")),
        (Some(speaking), Some(only)) => Some(format!(" {speaking} · {only} ")),
    }
}

/// The status line's parts at a width, in the order they are kept: the
/// mode, the current source, the cursor's cell and the counts; the rest (the
/// inbox, evidence and mark counts, then the message) is cut first, then the
/// cell's names are shortened.
struct Parts {
    mode: String,
    source: Option<String>,
    position: String,
    /// The counts, with the other parts before them when there is room.
    right: String,
    width: usize,
}

impl Parts {
    fn of(app: &App, width: u16) -> Self {
        let width = usize::from(width);
        let mode = format!(" {} ", app.mode().name());
        let source = source_slot(app);
        let (phase, row) = app.cursor_names();
        let place = format!("{}/{} {}", app.cursor().phase + 1, app.journey().phase_count(), text::sanitize(phase));
        let pad = " ".repeat(place_width(app).saturating_sub(text::width(&place)));
        let counts = counts(app);
        let rest = others(app);
        let kept = text::width(&mode) + source.as_deref().map_or(0, text::width) + text::width(&counts);
        let mut position = format!(" {pad}{place} › {} ", text::sanitize(row));
        if kept + text::width(&position) > width {
            position = format!(" {place} › {} ", text::sanitize(row));
            let room = width.saturating_sub(kept);
            if text::width(&position) > room {
                position = format!("{} ", text::truncate(&position, room.saturating_sub(1)));
            }
        }
        let used = kept + text::width(&position);
        let right = match (rest.is_empty(), counts.is_empty()) {
            (true, _) => counts,
            (false, true) if used + text::width(&rest) + 2 <= width => format!(" {rest} "),
            (false, false) if used + text::width(&rest) + 3 <= width => format!(" {rest} ·{counts}"),
            _ => counts,
        };
        Self { mode, source, position, right, width }
    }

    /// Whether the status message fits between the kept parts; a longer one
    /// takes the hints line (or the status line when there is no hints line).
    fn message_fits(&self, app: &App) -> bool {
        let Some(status) = app.shown_status() else { return true };
        let used = text::width(&self.mode)
            + self.source.as_deref().map_or(0, text::width)
            + text::width(&self.position)
            + text::width(&self.right);
        used + text::width(&status.text) + 2 <= self.width
            || !crate::app::viewport::layout::Chrome::for_height(app.height()).hints
    }
}

/// The most columns the cursor's place (`2/6 Order move`) is aligned in.
const PLACE_MOST: usize = 28;

/// Columns for the cursor's place on the status line: as many as the
/// longest phase name needs (up to [`PLACE_MOST`]), the place aligned to
/// their right, so that ` › row` stays where it is while the cursor moves
/// along the phases and a move redraws only the place.
fn place_width(app: &App) -> usize {
    let digits = app.journey().phase_count().to_string().len();
    // Bytes: never fewer than the columns, and quick for thousands of phases.
    let longest = app.journey().phases().iter().map(|p| p.name.len()).max().unwrap_or(0);
    (2 * digits + 2 + longest).min(PLACE_MOST)
}

/// The counts at the right end of the status line: the findings in
/// highlight mode (` 2 gaps · 1 warning `), else the merge conflicts.
fn counts(app: &App) -> String {
    let words = if app.highlight() {
        app.review().as_ref().map(crate::checks::Review::to_words).unwrap_or_default()
    } else if !app.conflicts().is_empty() {
        let n = app.conflicts().len();
        format!("{n} merge conflict{}", if n == 1 { "" } else { "s" })
    } else {
        String::new()
    };
    if words.is_empty() { words } else { format!(" {words} ") }
}

/// What else the status line says when there is room: the unsorted notes,
/// the evidence and the marks, e.g. `inbox 3 · !2 ?1`.
fn others(app: &App) -> String {
    let mut parts = Vec::new();
    if !app.journey().inbox.is_empty() {
        parts.push(format!("inbox {}", app.journey().inbox.len()));
    }
    if let Some(evidence) = &app.evidence() {
        parts.push(evidence.summary());
    }
    if app.highlight() {
        let marks = app.marks().as_ref().map(crate::insights::MarkCounts::total).unwrap_or_default();
        if marks.iter().any(|&n| n > 0) {
            let counted: Vec<String> = crate::journey::Mark::ALL
                .iter()
                .zip(marks)
                .filter(|(_, n)| *n > 0)
                .map(|(m, n)| format!("{}{n}", m.prefix()))
                .collect();
            parts.push(counted.join(" "));
        }
    }
    parts.join(" · ")
}

/// Whether the status message fits on the status line beside the mode,
/// source, position and counts.
fn message_fits(app: &App, width: u16) -> bool {
    Parts::of(app, width).message_fits(app)
}

/// The keys that matter in the current mode, from the actual keymap.
pub struct Hints<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &Hints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        // A question's answers, each with its first key (or "any other key").
        let answers: Vec<(String, &str)> = app
            .mode()
            .question()
            .map(|q| {
                let mode = KeyMode::Question(q.kind());
                q.answers()
                    .map(|a| (app.keymap().label(mode, a.action).unwrap_or_else(|| "any other key".into()), a.short))
                    .collect()
            })
            .unwrap_or_default();
        if let (Mode::Line(line), Some(status)) = (app.mode(), &app.status()) {
            // While searching or capturing, the hint line says what happened.
            let keys = match line.kind {
                LineKind::Search { .. } => "Enter keep · Esc back",
                LineKind::Capture { .. } => "Enter file · Esc close",
                _ => "",
            };
            if !keys.is_empty() {
                let style = if status.error { t.error } else { t.status };
                Line::styled(format!(" {}  {keys}", text::sanitize(&status.text)), style).render(area, buf);
                return;
            }
        }
        if let Some(status) = app.shown_status().filter(|_| !message_fits(app, area.width)) {
            let style = if status.error { t.error } else { t.status };
            buf.set_style(area, style);
            Line::styled(format!(" {}", text::sanitize(&status.text)), style).render(area, buf);
            return;
        }
        if !answers.is_empty() {
            let mut spans = vec![Span::raw(" ")];
            for (key, label) in answers {
                spans.push(Span::styled(key, t.hint_key));
                spans.push(Span::styled(format!(" {label}  "), t.hint));
            }
            Line::from(spans).render(area, buf);
            return;
        }
        let (mode, list) = hints_for(app.mode());
        let mut spans = vec![Span::raw(" ")];
        if let Mode::Edit(_) = app.mode() {
            spans.push(Span::styled("Enter", t.hint_key));
            spans.push(Span::styled(" new line  ", t.hint));
        }
        for (command, label) in list {
            if let Some(key) = app.keymap().label(mode, *command) {
                // Opened from the portfolio screen, quitting goes back to its list.
                let label = if *command == Action::Grid(crate::app::input::action::Grid::Quit) && app.from_list() {
                    "back to list"
                } else {
                    label
                };
                spans.push(Span::styled(key, t.hint_key));
                spans.push(Span::styled(format!(" {label}  "), t.hint));
            }
        }
        if let Mode::Line(line) = app.mode()
            && matches!(line.kind, LineKind::Capture { .. })
        {
            spans.push(Span::styled("2/msg note", t.hint_key));
            spans.push(Span::styled(" straight into phase 2, Message  ", t.hint));
        } else if let Mode::Line(_) = app.mode() {
            // The line-editing keys, as in a shell (help lists them in full).
            for (keys, label) in [("Ctrl-a/e", "start/end"), ("Ctrl-u/k", "delete"), ("Alt-b/f", "word")] {
                spans.push(Span::styled(keys, t.hint_key));
                spans.push(Span::styled(format!(" {label}  "), t.hint));
            }
        }
        Line::from(spans).render(area, buf);
    }
}
