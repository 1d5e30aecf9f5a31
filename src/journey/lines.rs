//! What a line of a cell says about itself: a mark at its start (a pain, an
//! opportunity, an open question, a quote) and the sources (`@name`) that
//! said it. Plain text rules, so every export and `grep` can read them too.

/// The kind of insight a line is, by its first two characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray)]
pub enum Mark {
    /// `! ` a pain point.
    Pain,
    /// `+ ` an opportunity or idea.
    Opportunity,
    /// `? ` an open question.
    Question,
    /// `> ` a quote: the customer's own words.
    Quote,
}

impl Mark {
    pub const ALL: &'static [Mark] = <Mark as strum::VariantArray>::VARIANTS;

    /// The character that starts a line of this kind.
    pub fn prefix(self) -> char {
        match self {
            Mark::Pain => '!',
            Mark::Opportunity => '+',
            Mark::Question => '?',
            Mark::Quote => '>',
        }
    }

    /// Its name in the singular: `pain`, `opportunity`, `question`, `quote`.
    pub fn id(self) -> &'static str {
        match self {
            Mark::Pain => "pain",
            Mark::Opportunity => "opportunity",
            Mark::Question => "question",
            Mark::Quote => "quote",
        }
    }

    /// Its name as a heading: `Pains`, `Opportunities`, `Open questions`, `Quotes`.
    pub fn heading(self) -> &'static str {
        match self {
            Mark::Pain => "Pains",
            Mark::Opportunity => "Opportunities",
            Mark::Question => "Open questions",
            Mark::Quote => "Quotes",
        }
    }

    /// The mark of a line: its first character is the mark and the second a
    /// space (leading spaces are allowed). `!!` or `+1` are no marks.
    ///
    /// ```
    /// use jgrid::journey::Mark;
    /// assert_eq!(Mark::of("! waited 25 minutes"), Some(Mark::Pain));
    /// assert_eq!(Mark::of("> nobody told me @sara"), Some(Mark::Quote));
    /// assert_eq!(Mark::of("+1 for the app"), None);
    /// ```
    pub fn of(line: &str) -> Option<Mark> {
        let mut chars = line.trim_start().chars();
        let first = chars.next()?;
        if chars.next() != Some(' ') {
            return None;
        }
        Mark::ALL.iter().copied().find(|m| m.prefix() == first)
    }
}

/// The line without its mark (and the spaces after it).
pub fn without_mark(line: &str) -> &str {
    match Mark::of(line) {
        Some(_) => line.trim_start()[1..].trim_start(),
        None => line,
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// True when `name` is a valid source name (without `@`): letters, digits,
/// `-` and `_`, with at least one letter.
pub fn is_source_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(is_name_char) && name.chars().any(char::is_alphabetic)
}

/// The line without its `@sources`, the spaces around them closed up.
pub fn without_sources(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for span in source_spans(line) {
        out.push_str(&line[from..span.start]);
        from = span.end;
    }
    out.push_str(&line[from..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte ranges of the `@name` sources in a line, `@` included.
///
/// A source is `@` at the start of the line or after white space, followed
/// by letters, digits, `-` and `_` with at least one letter; so an e-mail
/// address (`anna@example.com`) is no source.
pub fn source_spans(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let starts = c == '@' && prev.is_none_or(char::is_whitespace);
        prev = Some(c);
        if !starts {
            continue;
        }
        let body = &line[i + 1..];
        let len: usize = body.chars().take_while(|&c| is_name_char(c)).map(char::len_utf8).sum();
        if is_source_name(&body[..len]) {
            spans.push(i..i + 1 + len);
        }
    }
    spans
}

/// The distinct sources a line names, lower case, without `@`, in order.
///
/// ```
/// use jgrid::journey::sources;
/// assert_eq!(sources("! waited 25 min @Sara @tom @sara"), ["sara", "tom"]);
/// assert!(sources("mail anna@example.com").is_empty());
/// ```
pub fn sources(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for span in source_spans(line) {
        let name = line[span.start + 1..span.end].to_lowercase();
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The distinct sources named anywhere in a text (all its lines).
pub fn text_sources(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        for name in sources(line) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The line without its `@me`, when it has one: `@me` marks the
/// interviewer's own line, which gets no source while one is set.
///
/// ```
/// use jgrid::journey::without_me;
/// assert_eq!(without_me("check the contract first @me").as_deref(), Some("check the contract first"));
/// assert_eq!(without_me("@ME ask about solar").as_deref(), Some("ask about solar"));
/// assert_eq!(without_me("mail me@example.com"), None);
/// ```
pub fn without_me(line: &str) -> Option<String> {
    let span = source_spans(line).into_iter().find(|s| line[s.clone()].eq_ignore_ascii_case("@me"))?;
    let (before, after) = (&line[..span.start], &line[span.end..]);
    let joined = match (before.trim_end().is_empty(), after.trim().is_empty()) {
        (true, _) => after.trim_start().to_owned(),
        (false, true) => before.trim_end().to_owned(),
        (false, false) => format!("{} {}", before.trim_end(), after.trim_start()),
    };
    Some(joined)
}

/// The line with ` @source` at its end, unless it names a source already or
/// is blank; a line with `@me` (the interviewer's own) loses it and gets no source.
pub fn with_source(line: &str, source: &str) -> String {
    if let Some(mine) = without_me(line) {
        return mine;
    }
    if line.trim().is_empty() || !source_spans(line).is_empty() {
        return line.to_owned();
    }
    format!("{} @{source}", line.trim_end())
}

/// The new text of a cell whose lines were `before` and are now `after`: every
/// line of `after` that is new (not one of the lines before, counted with
/// their repeats) and names no source gets ` @source`. Lines that were there
/// before are left alone.
pub fn tag_new_lines(before: &str, after: &str, source: &str) -> String {
    let mut old: Vec<&str> = before.split('\n').collect();
    let lines: Vec<String> = after
        .split('\n')
        .map(|line| match old.iter().position(|o| *o == line) {
            Some(i) => {
                old.swap_remove(i);
                line.to_owned()
            }
            None => with_source(line, source),
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_need_a_space_after_them() {
        assert_eq!(Mark::of("! pain"), Some(Mark::Pain));
        assert_eq!(Mark::of("  + idea"), Some(Mark::Opportunity));
        assert_eq!(Mark::of("? why"), Some(Mark::Question));
        assert_eq!(Mark::of("> quote"), Some(Mark::Quote));
        assert_eq!(Mark::of("!important"), None);
        assert_eq!(Mark::of("!"), None);
        assert_eq!(Mark::of(""), None);
        assert_eq!(Mark::of("#web ! not a mark"), None);
        assert_eq!(without_mark("!  waited"), "waited");
        assert_eq!(without_mark("plain"), "plain");
    }

    #[test]
    fn sources_follow_the_product_rule() {
        assert_eq!(sources("@sara said so"), ["sara"]);
        assert_eq!(sources("x @a-b_1 y"), ["a-b_1"]);
        assert!(sources("@123 is a number").is_empty());
        assert!(sources("a@b.com").is_empty());
        assert!(sources("(@sara)").is_empty(), "after a space or at the start only");
        assert_eq!(sources("@Åsa"), ["åsa"]);
        assert!(is_source_name("sara"));
        assert!(!is_source_name("sa ra"));
        assert!(!is_source_name("42"));
    }

    #[test]
    fn new_lines_get_the_source_and_old_lines_stay() {
        let before = "old line\nsame";
        let after = "old line\nsame\nnew fact\nquote @tom\n";
        assert_eq!(tag_new_lines(before, after, "sara"), "old line\nsame\nnew fact @sara\nquote @tom\n");
        assert_eq!(tag_new_lines("a", "a\na", "s"), "a\na @s", "a repeated line is a new line");
        assert_eq!(with_source("mail a@b.com", "s"), "mail a@b.com @s");
    }
}
