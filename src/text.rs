//! Display text: making cell text safe to show and wrapping it to a width
//! measured in terminal columns (CJK and emoji take two).

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The visible stand-in for a character that must never reach the terminal raw.
fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        // C0 controls as their Unicode "control picture" (ESC shows as ␛).
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        // C1 controls, bidi embeddings/overrides/isolates, and other invisible formatters.
        '\u{80}'..='\u{9f}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061c}' => Some('�'),
        _ => None,
    }
}

/// True for a character that must never reach a terminal raw: a control
/// character (C0, DEL, C1) or a bidi or invisible formatting character.
/// `sanitize` shows these as placeholders; the journey writer escapes them.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || placeholder(c).is_some()
}

/// The text with every control or bidi character replaced by a visible placeholder.
/// Newlines are kept; callers split lines first.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    // Every character with a placeholder starts with one of these bytes:
    // a quick look at the bytes clears nearly every text (a huge cell too).
    let suspect = |&b: &u8| (b < 0x20 && b != b'\n') || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2);
    if !text.as_bytes().iter().any(suspect) || !text.chars().any(|c| c != '\n' && placeholder(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if c == '\n' { c } else { placeholder(c).unwrap_or(c) }).collect())
}

/// A path on one line, as messages show it: [`one_line`] of its text, so a
/// hostile file or folder name can neither reach the terminal raw nor
/// start a line of its own.
///
/// ```
/// let path = std::path::Path::new("/tmp/\u{1b}]0;owned\u{7}/a\nb.toml");
/// assert_eq!(jgrid::text::one_line_path(path), "/tmp/␛]0;owned␇/a␊b.toml");
/// ```
pub fn one_line_path(path: &std::path::Path) -> String {
    one_line(&path.display().to_string()).into_owned()
}

/// Text shown on one line, such as a path in a message: like [`sanitize`],
/// and a newline shown as `␊` too (git allows newlines in file names).
///
/// ```
/// assert_eq!(jgrid::text::one_line("a\nb\u{1b}.toml"), "a␊b␛.toml");
/// ```
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return sanitize(text);
    }
    Cow::Owned(text.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

/// JSON text with every character that `sanitize` would replace written as a
/// `\uXXXX` escape. serde_json escapes C0 controls itself but writes C1
/// controls and bidi overrides raw, and those must not reach a terminal that
/// prints the JSON. Outside strings JSON has no such characters, so this
/// changes only the spelling, never the value.
///
/// ```
/// let json = serde_json::to_string("a\u{9b}31m\u{202e}").unwrap();
/// assert_eq!(jgrid::text::json_safe(&json), r#""a\u009b31m\u202e""#);
/// ```
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && placeholder(c).is_some() {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A byte that is a whole character one column wide: no control, no part of a longer character.
fn is_printable_ascii(b: u8) -> bool {
    (0x20..0x7f).contains(&b)
}

/// Display width of a string in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Soft-wrap text to `width` columns: lines break at newlines, then at spaces
/// between words, and a word wider than the width is broken between graphemes.
/// Returns at least one (possibly empty) line. Control characters are replaced.
///
/// ```
/// use jgrid::text::wrap;
/// assert_eq!(wrap("Marketing owns #website", 18), ["Marketing owns", "#website"]);
/// assert_eq!(wrap("漢字漢字", 5), ["漢字", "漢字"]);
/// assert_eq!(wrap("bell\u{7}", 10), ["bell␇"]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrapped_lines(text, width).map(|(line, _)| line).collect()
}

/// The lines `wrap` would return, one at a time, each with whether it
/// starts a line of the text (rather than continuing one): only what is
/// taken is wrapped, so showing the top of a huge cell is cheap.
pub fn wrapped_lines(text: &str, width: usize) -> impl Iterator<Item = (String, bool)> + '_ {
    let width = width.max(1);
    text.split('\n').flat_map(move |raw| {
        let line = sanitize(raw).into_owned();
        let mut pieces = Vec::new();
        break_line(&line, width, |r| {
            pieces.push(r);
            true
        });
        let starts = (0..pieces.len()).map(|i| i == 0);
        pieces.into_iter().zip(starts).map(move |(r, first)| (line[r].to_owned(), first)).collect::<Vec<_>>()
    })
}

/// The first `max` lines `wrap` would return, each with whether it starts
/// a line of the text, and how many lines there are in all, counted up to
/// `limit` (a count of `limit` means "at least that many"); only the lines
/// returned are built.
pub fn wrap_head(text: &str, width: usize, max: usize, limit: usize) -> (Vec<(String, bool)>, usize) {
    let width = width.max(1);
    let mut head = Vec::with_capacity(max.min(16));
    let mut total = 0;
    for raw in text.split('\n') {
        if total >= limit {
            break;
        }
        let line = sanitize(bounded(raw, width, limit - total));
        let mut first = true;
        break_line(&line, width, |r| {
            if total < max {
                head.push((line[r].to_owned(), first));
            }
            first = false;
            total += 1;
            total < limit
        });
    }
    (head, total.min(limit))
}

/// The lines `wrap` would return, as byte ranges into `text` itself, so a
/// position in the text (a search match, a text cursor) can be found on the
/// screen. `text` should be sanitized first: the ranges are into what is
/// given, and `wrap` shows control characters as placeholders.
///
/// ```
/// use jgrid::text::wrap_ranges;
/// let text = "Marketing owns #website\nok";
/// let lines: Vec<&str> = wrap_ranges(text, 18).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(lines, ["Marketing owns", "#website", "ok"]);
/// ```
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_ranges_up_to(text, width, usize::MAX)
}

/// The first `limit` of the lines [`wrap_ranges`] gives: a huge cell is
/// only wrapped as far as it is shown.
pub fn wrap_ranges_up_to(text: &str, width: usize, limit: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut base = 0;
    for line in text.split('\n') {
        if out.len() >= limit {
            break;
        }
        break_line(bounded(line, width, limit - out.len()), width, |r| {
            out.push(base + r.start..base + r.end);
            out.len() < limit
        });
        base += line.len() + 1;
    }
    out
}

/// Number of lines `wrap` would return, without building them, counted up
/// to `limit`.
pub fn wrapped_height(text: &str, width: usize, limit: usize) -> usize {
    wrap_head(text, width, 0, limit).1
}

/// The start of a text that holds at least its first `lines` wrapped lines
/// at `width` (and what they need to wrap as in the whole text): a frame
/// that shows the top of a huge cell never scans the whole of it.
///
/// ```
/// let long = "word ".repeat(1_000_000);
/// let head = jgrid::text::head(&long, 20, 10);
/// assert!(head.len() < long.len());
/// assert_eq!(jgrid::text::wrap_ranges_up_to(head, 20, 10), jgrid::text::wrap_ranges_up_to(&long, 20, 10));
/// ```
pub fn head(text: &str, width: usize, lines: usize) -> &str {
    let width = width.max(1);
    let mut end: usize = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i >= lines {
            return &text[..end.saturating_sub(1)];
        }
        let part = bounded(line, width, lines - i);
        end += part.len();
        if part.len() < line.len() {
            return &text[..end];
        }
        end += 1;
    }
    text
}

/// As much of a line as can fill `lines` wrapped lines (and more), so a
/// huge line is never scanned whole to count a few lines.
fn bounded(line: &str, width: usize, lines: usize) -> &str {
    let most = lines.saturating_add(1).saturating_mul(width.saturating_add(1)).saturating_mul(16);
    if line.len() <= most {
        return line;
    }
    let mut end = most;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// Find where one line breaks; `emit` gets each piece as a byte range and
/// returns false to stop.
fn break_line(line: &str, width: usize, emit: impl FnMut(Range<usize>) -> bool) {
    break_measured(line, width, line.bytes().all(is_printable_ascii), emit);
}

/// `break_line`, told whether the line is all printable ASCII: then every
/// byte is a grapheme one column wide and the only white space is ' ', so
/// widths are lengths.
fn break_measured(line: &str, width: usize, ascii: bool, mut emit: impl FnMut(Range<usize>) -> bool) {
    if ascii && line.len() <= width {
        emit(0..line.len());
        return;
    }
    let measure = |s: &str| if ascii { s.len() } else { self::width(s) };
    let offset = |part: &str| part.as_ptr() as usize - line.as_ptr() as usize;
    let (mut start, mut end, mut current_w) = (0, 0, 0);
    let words: Box<dyn Iterator<Item = &str>> = if ascii { Box::new(ascii_words(line)) } else { Box::new(words(line)) };
    for word in words {
        let at = offset(word);
        let w = measure(word);
        if current_w + w <= width {
            end = at + word.len();
            current_w += w;
            continue;
        }
        if word.trim().is_empty() {
            // A space at the break point is dropped rather than starting the next line.
            if !emit(start..end) {
                return;
            }
            (start, end, current_w) = (at + word.len(), at + word.len(), 0);
            continue;
        }
        if end > start && w <= width {
            if !emit(start..start + line[start..end].trim_end().len()) {
                return;
            }
            (start, end, current_w) = (at, at + word.len(), w);
            continue;
        }
        if ascii {
            // Every byte is a grapheme one column wide: break by arithmetic.
            let mut i = 0;
            while i < word.len() {
                if current_w >= width && end > start {
                    if !emit(start..end) {
                        return;
                    }
                    (start, current_w) = (at + i, 0);
                }
                let take = (width - current_w.min(width)).max(1).min(word.len() - i);
                i += take;
                end = at + i;
                current_w += take;
            }
            continue;
        }
        for (i, g) in word.grapheme_indices(true) {
            let gw = measure(g);
            if current_w + gw > width && end > start {
                if !emit(start..end) {
                    return;
                }
                (start, current_w) = (at + i, 0);
            }
            end = at + i + g.len();
            current_w += gw;
        }
    }
    emit(start..end);
}

/// Split a line into alternating runs of spaces and non-spaces, so a word
/// like `#website` or `3-5` is never broken at its punctuation.
fn words(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest.find(|c: char| c.is_whitespace() != space).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
}

/// `words` for a line of printable ASCII, where the only white space is
/// ' ': runs found byte by byte.
fn ascii_words(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        let first = *rest.as_bytes().first()?;
        let space = first == b' ';
        let end = rest.bytes().position(|b| (b == b' ') != space).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
}

/// Cut a string to at most `width` columns, adding `…` when it was cut.
pub fn truncate(s: &str, width: usize) -> Cow<'_, str> {
    if self::width(s) <= width {
        return Cow::Borrowed(s);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = self::width(g);
        if w + gw > width - 1 {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
