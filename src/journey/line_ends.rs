//! How a journey file ends its lines. A file read with CRLF line ends
//! (Windows, or a clone with `core.autocrlf=true`) is written back with CRLF,
//! and its cells never hold a `\r` from the line ends.

/// The line ends of a journey's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum LineEnds {
    /// `\n`, what jgrid writes for a new file.
    #[default]
    Lf,
    /// `\r\n`.
    Crlf,
}

impl LineEnds {
    /// The line ends of a file's text, judged by its first line (as editors
    /// do): CRLF when the first line ends with `\r\n`.
    ///
    /// ```
    /// use jgrid::journey::LineEnds;
    /// assert_eq!(LineEnds::of("format = 1\r\ntitle = \"\"\n"), LineEnds::Crlf);
    /// assert_eq!(LineEnds::of("format = 1\n"), LineEnds::Lf);
    /// assert_eq!(LineEnds::of("format = 1"), LineEnds::Lf);
    /// ```
    pub fn of(text: &str) -> LineEnds {
        match text.find('\n') {
            Some(i) if text[..i].ends_with('\r') => LineEnds::Crlf,
            _ => LineEnds::Lf,
        }
    }

    /// The text with every `\r\n` made `\n` (a lone `\r` is left).
    pub fn to_lf(text: &str) -> std::borrow::Cow<'_, str> {
        if text.contains("\r\n") { text.replace("\r\n", "\n").into() } else { text.into() }
    }

    /// Text written with `\n` line ends, spelled with these.
    pub fn apply(self, text: String) -> String {
        match self {
            LineEnds::Lf => text,
            LineEnds::Crlf => text.replace('\n', "\r\n"),
        }
    }

    /// `LF` or `CRLF`.
    pub fn name(self) -> &'static str {
        match self {
            LineEnds::Lf => "LF",
            LineEnds::Crlf => "CRLF",
        }
    }
}
