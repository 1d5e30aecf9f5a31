//! The portfolio screen: a title, the list of journeys with their columns,
//! two lines about the selected row, the status line and the key hints;
//! the blueprint, the findings across journeys and help as panels over the list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::theme::{Theme, severity_symbol};
use crate::app::portfolio::keys::{Act, label};
use crate::app::portfolio::panels::{self, Kind};
use crate::app::portfolio::{CHROME, Panel, PortfolioView, Row};
use crate::portfolio::{Entry, mood_line, shown_name};
use crate::text::{sanitize, truncate, width};

/// The whole portfolio screen for one frame.
pub struct PortfolioScreen<'a> {
    pub view: &'a PortfolioView,
    pub theme: &'a Theme,
}

/// Write `text` at (x, y), cut to `room` columns.
fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, room: usize, style: Style) {
    let shown = truncate(text, room);
    buf.set_stringn(x, y, shown.as_ref(), room, style);
}

impl Widget for &PortfolioScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
        self.theme.glyphs.apply(buf, area);
    }
}

impl PortfolioScreen<'_> {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        let (v, t) = (self.view, self.theme);
        let w = usize::from(area.width);
        if area.height < 8 || area.width < 30 {
            put(buf, area.x, area.y, "Terminal too small for the portfolio; q quits", w, t.error);
            return;
        }
        let title = match &v.portfolio {
            Some(p) => {
                let n = p.journeys.len();
                let across = match v.across.len() {
                    0 => String::new(),
                    k => format!(" · {k} across journeys"),
                };
                format!(" {} · {n} journey{}{across}", sanitize(&p.name()), if n == 1 { "" } else { "s" })
            }
            None => format!(" {}", shown_name(&v.root.display().to_string())),
        };
        buf.set_style(Rect { height: 1, ..area }, t.status);
        put(buf, area.x, area.y, &title, w, t.title.patch(t.status));
        let bottom = area.bottom();
        let body = Rect { y: area.y + 1, height: area.height - 3, ..area };
        match (&v.portfolio, &v.failed) {
            (_, Some(why)) => message(buf, body, &format!("{why}\n\nr reads the folder again · q quits"), t.error),
            (None, None) => message(buf, body, &format!("Reading journeys… {}", v.progress), t.dim),
            (Some(_), None) => match &v.panel {
                Panel::None => {
                    header(v, t, buf, Rect { height: 1, ..body });
                    let list = Rect { y: body.y + 1, height: (area.height as usize - CHROME) as u16, ..body };
                    rows(v, t, buf, list);
                    details(v, t, buf, Rect { y: list.bottom(), height: 2, ..body });
                }
                panel => panel_view(v, t, buf, body, panel),
            },
        }
        status(v, t, buf, Rect { y: bottom - 2, height: 1, ..area });
        hints(v, t, buf, Rect { y: bottom - 1, height: 1, ..area });
    }
}

/// A message in the middle of the body, wrapped.
fn message(buf: &mut Buffer, area: Rect, text: &str, style: Style) {
    let lines: Vec<String> = text
        .lines()
        .flat_map(|l| crate::text::wrap(&sanitize(l), usize::from(area.width).saturating_sub(4).max(10)))
        .collect();
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate().take(usize::from(area.height)) {
        put(buf, area.x + 2, top + i as u16, line, usize::from(area.width) - 2, style);
    }
}

/// The widths of the columns at this screen width: journey, persona (0:
/// left out), phases, mood, open, notes, backed, changed (0: left out).
fn columns(total: usize) -> [usize; 8] {
    let (ph, mood, open, notes, backed) = (3, 8, 5, 6, 7);
    let changed = if total >= 64 { 10 } else { 0 };
    let fixed = 1 + ph + mood + open + notes + backed + changed + 7;
    let free = total.saturating_sub(fixed);
    let persona = if total >= 72 { free * 2 / 5 } else { 0 };
    [free - persona, persona, ph, mood, open, notes, backed, changed]
}

fn header(v: &PortfolioView, t: &Theme, buf: &mut Buffer, area: Rect) {
    let c = columns(usize::from(area.width));
    let arrow = if v.reversed { "▲" } else { "▼" };
    let mark = |name: &str, by: crate::app::portfolio::SortBy| {
        if v.sort == by { format!("{name}{arrow}") } else { name.to_owned() }
    };
    use crate::app::portfolio::SortBy as S;
    let cells = [
        (mark("Journey", if v.sort == S::File { S::File } else { S::Title }), false),
        ("Persona".to_owned(), false),
        ("Ph".to_owned(), true),
        (mark("Mood", S::Mood), false),
        (mark("Open", S::Open), true),
        (mark("Notes", S::Notes), true),
        (mark("Backed", S::Backed), true),
        (mark("Changed", S::Changed), false),
    ];
    let mut x = area.x + 1;
    for ((text, right), w) in cells.iter().zip(c) {
        if w == 0 {
            continue;
        }
        cell(buf, x, area.y, text, w, *right, t.phase_header);
        x += w as u16 + 1;
    }
}

/// One cell of a row: cut to `w` columns, aligned right when `right`.
fn cell(buf: &mut Buffer, x: u16, y: u16, text: &str, w: usize, right: bool, style: Style) {
    let shown = truncate(text, w);
    let pad = if right { w.saturating_sub(width(&shown)) } else { 0 };
    buf.set_stringn(x + pad as u16, y, shown.as_ref(), w, style);
}

fn rows(v: &PortfolioView, t: &Theme, buf: &mut Buffer, area: Rect) {
    let Some(p) = v.portfolio.as_deref() else { return };
    if v.rows.is_empty() {
        let text = if v.filter.is_empty() {
            "No journeys in this folder: a journey is a .toml file with `format = 1` (jgrid new FILE makes one)"
        } else {
            "No journey matches the filter (Esc clears it)"
        };
        message(buf, area, text, t.dim);
        return;
    }
    let c = columns(usize::from(area.width));
    for (i, row) in v.rows.iter().enumerate().skip(v.top).take(usize::from(area.height)) {
        let y = area.y + (i - v.top) as u16;
        let selected = i == v.selected;
        let line = Rect { y, height: 1, ..area };
        if selected {
            buf.set_style(line, t.header_focus);
        }
        let base = if selected { t.header_focus } else { t.cell };
        put(buf, area.x, y, if selected { "▶" } else { " " }, 1, base);
        let rest = usize::from(area.width) - 1;
        match *row {
            Row::Journey(j) => journey_row(v, t, buf, (area.x + 1, y), &p.journeys[j], j, c, base),
            Row::Broken(i) => {
                let (name, why) = &p.broken[i];
                let first = why.lines().next().unwrap_or_default();
                let style = if selected { base } else { t.gap };
                put(
                    buf,
                    area.x + 1,
                    y,
                    &format!("✗ {} · cannot be read: {}", shown_name(name), sanitize(first)),
                    rest,
                    style,
                );
            }
            Row::Other(i) => {
                let (name, why) = &p.others[i];
                let style = if selected { base } else { t.dim };
                put(buf, area.x + 1, y, &format!("· {} · {}", shown_name(name), sanitize(why)), rest, style);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn journey_row(
    v: &PortfolioView,
    t: &Theme,
    buf: &mut Buffer,
    at: (u16, u16),
    e: &Entry,
    j: usize,
    c: [usize; 8],
    base: Style,
) {
    let s = &e.summary;
    let label = v.labels.get(j).map_or_else(|| e.label().to_owned(), Clone::clone);
    let worst = if s.open.warnings > 0 {
        t.warning
    } else if s.open.gaps > 0 {
        t.gap
    } else {
        t.info
    };
    let open_style = if s.open.total() == 0 { base } else { base.patch(worst) };
    let mut mood = mood_line(&s.moods);
    if mood.chars().count() > c[3] {
        mood = mood.chars().take(c[3] - 1).collect::<String>() + "…";
    }
    let changed = s.modified.map_or_else(String::new, |m| crate::journey::readable(m)[..10].to_owned());
    let cells: [(String, bool, Style); 8] = [
        (sanitize(&label).into_owned(), false, base),
        (sanitize(&s.persona).into_owned(), false, if base == t.cell { t.persona } else { base }),
        (s.phases.len().to_string(), true, base),
        (mood, false, base),
        (s.open.total().to_string(), true, open_style),
        (s.unsorted.to_string(), true, base),
        (format!("{}/{}", s.backed, s.filled), true, base),
        (changed, false, if base == t.cell { t.dim } else { base }),
    ];
    let (mut x, y) = at;
    for ((text, right, style), w) in cells.iter().zip(c) {
        if w == 0 {
            continue;
        }
        cell(buf, x, y, text, w, *right, *style);
        x += w as u16 + 1;
    }
}

/// Two lines about the selected row: its file and phases; the findings
/// across journeys that name it (or why it is apart).
fn details(v: &PortfolioView, t: &Theme, buf: &mut Buffer, area: Rect) {
    let Some(p) = v.portfolio.as_deref() else { return };
    let w = usize::from(area.width).saturating_sub(1);
    let (first, second, style) = match v.rows.get(v.selected) {
        Some(Row::Journey(j)) => {
            let e = &p.journeys[*j];
            let phases: Vec<String> = e.summary.phases.iter().map(|ph| sanitize(ph).into_owned()).collect();
            let first = format!("{} · {}", shown_name(&e.name), phases.join(" → "));
            let across: Vec<String> = v
                .across_of(*j)
                .map(|f| {
                    format!(
                        "{} {} {}",
                        severity_symbol(f.severity),
                        f.id,
                        f.subjects.iter().map(|s| sanitize(s).into_owned()).collect::<Vec<_>>().join(" ")
                    )
                })
                .collect();
            let second = if across.is_empty() {
                "across journeys: nothing found".to_owned()
            } else {
                format!("across journeys: {}", across.join(" · "))
            };
            (first, second, t.dim)
        }
        Some(Row::Broken(i)) => {
            let mut lines = p.broken[*i].1.lines();
            (
                sanitize(lines.next().unwrap_or_default()).into_owned(),
                sanitize(lines.next().unwrap_or_default().trim()).into_owned(),
                t.gap,
            )
        }
        Some(Row::Other(i)) => {
            (shown_name(&p.others[*i].0), format!("not a journey: {}", sanitize(&p.others[*i].1)), t.dim)
        }
        None => (String::new(), String::new(), t.dim),
    };
    put(buf, area.x + 1, area.y, &first, w, style);
    put(buf, area.x + 1, area.y + 1, &second, w, style);
}

fn panel_view(v: &PortfolioView, t: &Theme, buf: &mut Buffer, area: Rect, panel: &Panel) {
    let w = usize::from(area.width).saturating_sub(2);
    let (title, lines, top, selected) = match panel {
        Panel::Findings { selected, top } => {
            let (lines, starts) = panels::findings(v, w);
            let range = starts.get(*selected).map(|&s| s..starts.get(selected + 1).copied().unwrap_or(lines.len()));
            (
                format!("Findings across journeys ({}) · Enter opens the first journey named", v.across.len()),
                lines,
                *top,
                range,
            )
        }
        Panel::Blueprint { scroll } => ("Blueprint".to_owned(), panels::blueprint(v), *scroll, None),
        Panel::Help { scroll } => ("Help".to_owned(), panels::help(), *scroll, None),
        Panel::None => return,
    };
    put(buf, area.x + 1, area.y, &format!("{title} · Esc closes"), w, t.phase_header);
    if lines.is_empty() {
        message(
            buf,
            Rect { y: area.y + 1, height: area.height - 1, ..area },
            "None: where journeys name the same channel, they agree.",
            t.dim,
        );
        return;
    }
    for (i, line) in lines.iter().enumerate().skip(top).take(usize::from(area.height) - 1) {
        let y = area.y + 1 + (i - top) as u16;
        let mut style = match line.kind {
            Kind::Heading => t.title,
            Kind::Item => t.cell,
            Kind::Detail => t.dim,
            Kind::Finding(severity) => t.severity(severity),
        };
        if selected.as_ref().is_some_and(|r| r.contains(&i)) {
            buf.set_style(Rect { y, height: 1, ..area }, t.header_focus);
            style = t.header_focus;
        }
        let text = match line.kind {
            Kind::Finding(severity) => format!("{} {}", severity_symbol(severity), line.text),
            _ => line.text.clone(),
        };
        put(buf, area.x + 1, y, &text, w, style);
    }
}

fn status(v: &PortfolioView, t: &Theme, buf: &mut Buffer, area: Rect) {
    buf.set_style(area, t.status);
    if let Some(line) = &v.typing {
        let prompt = line.prompt();
        let pw = (width(&prompt) as u16).min(area.width);
        buf.set_stringn(area.x, area.y, &prompt, usize::from(area.width), t.status);
        if area.width > pw {
            line.area.render(Rect { x: area.x + pw, width: area.width - pw, ..area }, buf);
        }
        return;
    }
    let w = usize::from(area.width);
    if let Some(s) = &v.status {
        put(buf, area.x, area.y, &format!(" {}", sanitize(&s.text)), w, if s.error { t.error } else { t.status });
        return;
    }
    let Some(p) = v.portfolio.as_deref() else { return };
    let mut text = format!(" sorted by {}{}", v.sort.name(), if v.reversed { ", reversed" } else { "" });
    if !v.filter.is_empty() {
        let shown = v.rows.iter().filter(|r| matches!(r, Row::Journey(_))).count();
        text = format!(" filter \"{}\": {shown} of {} journeys ·{text}", sanitize(&v.filter), p.journeys.len());
    }
    if let Some(rules) = &p.config {
        text.push_str(&format!(" · rules: {}", shown_name(&rules.display().to_string())));
    }
    put(buf, area.x, area.y, &text, w, t.status);
}

fn hints(v: &PortfolioView, t: &Theme, buf: &mut Buffer, area: Rect) {
    let list: &[(Act, &str)] = match (&v.panel, v.typing.is_some()) {
        (_, true) => &[],
        (Panel::None, _) => &[
            (Act::Open, "open"),
            (Act::Filter, "filter"),
            (Act::Sort, "sort"),
            (Act::Findings, "findings"),
            (Act::Blueprint, "blueprint"),
            (Act::Help, "help"),
            (Act::Quit, "quit"),
        ],
        (Panel::Findings { .. }, _) => {
            &[(Act::Down, "next"), (Act::Up, "previous"), (Act::Open, "open"), (Act::Back, "close")]
        }
        _ => &[(Act::Down, "down"), (Act::PageDown, "page"), (Act::Back, "close")],
    };
    let typing: [(String, &str); 2] = [("Enter".into(), "keep the filter"), ("Esc".into(), "clear it")];
    let pairs: Vec<(String, &str)> =
        if v.typing.is_some() { typing.to_vec() } else { list.iter().map(|(a, what)| (label(*a), *what)).collect() };
    let mut x = area.x + 1;
    for (key, what) in pairs {
        let need = (width(&key) + width(what) + 3) as u16;
        if x + need > area.right() {
            break;
        }
        buf.set_string(x, area.y, &key, t.hint_key);
        x += width(&key) as u16 + 1;
        buf.set_string(x, area.y, what, t.hint);
        x += width(what) as u16 + 2;
    }
}
