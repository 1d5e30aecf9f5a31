//! Import a grid from CSV: jgrid's own export or a spreadsheet's. Read with the `csv` crate.

use std::fmt;

use ::csv::{ByteRecord, ReaderBuilder};

use super::csv::BOM;
use crate::journey::{CellRef, Change, Journey};
use crate::text::sanitize;

/// Why a CSV text could not be imported, with its 1-based line and, where
/// known, its 1-based column: the field's place in its record, as a
/// spreadsheet numbers columns (column 1 holds the row names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub column: Option<usize>,
    pub message: String,
}

impl ImportError {
    fn new(line: usize, column: Option<usize>, message: impl Into<String>) -> Self {
        Self { line, column, message: message.into() }
    }
}

impl fmt::Display for ImportError {
    /// `line 3: message` or `line 3, column 2: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(f, "line {}, column {column}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// Read a grid from CSV text: the shape [`super::to_csv`] writes, or a
/// spreadsheet's export of a grid.
///
/// - The first non-empty line is the header: its first cell is ignored (it
///   may be empty, `row`, `Rij`, `Phase`, …), every other cell names a phase.
/// - Each further line is a row: its name in column 1, then its cell in each
///   phase. A short line has empty cells at its end.
/// - Fields are separated by `,`, `;` or a tab, whichever occurs most often
///   (outside quotes) in the header line, ties going to `,` then `;`; a first
///   line `sep=X` (X one ASCII character) names the separator instead.
///   Quoting follows RFC 4180 (`"…"`, `""` for a quote); a quote inside an
///   unquoted field is text; spaces or tabs between a closing quote and the
///   separator are dropped. The `csv` crate reads the records.
/// - A UTF-8 byte order mark is skipped; lines may end in LF, CR LF or CR.
/// - Ignored: lines whose cells are all empty or white space, and columns
///   after the last phase name whose cells are all empty.
/// - Cell text is kept as it is, except that CR LF inside a cell becomes LF.
///   Names are kept as they are, too.
/// - The journey has no title, persona, roles or switched-off checks.
///
/// Errors name the line (where a record starts) and, where it helps, the
/// column: an unterminated quote, text after a closing quote, a phase or
/// row with no name, a duplicate phase or row name, a cell under no phase,
/// a header with no phases and a grid with no rows.
pub fn import_csv(text: &str) -> Result<Journey, ImportError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let (delimiter, text, first_line) = match separator_line(text)? {
        Some((delimiter, rest)) => (delimiter, rest, 2),
        None => (sniff(text), text, 1),
    };
    let records = parse(text, delimiter, first_line)?;
    let mut records = records.into_iter().filter(|r| !r.is_blank());
    let Some(header) = records.next() else {
        return Err(ImportError::new(first_line, None, "there is no grid to import: the text is empty"));
    };
    let phases = phase_names(&header)?;
    let width = phases.len() + 1;

    let mut rows: Vec<(String, usize)> = Vec::new();
    let mut cells: Vec<Vec<String>> = Vec::new();
    for record in records {
        let Record { line, mut fields } = record;
        let name = fields[0].clone();
        if name.trim().is_empty() {
            return Err(ImportError::new(line, Some(1), "this row has cells but no name; put its name in column 1"));
        }
        if let Some((_, first)) = rows.iter().find(|(n, _)| *n == name) {
            let message = format!("there is already a row named \"{name}\" (line {first}); row names must be unique");
            return Err(ImportError::new(line, Some(1), message));
        }
        if let Some(extra) = fields.iter().skip(width).position(|f| !f.trim().is_empty()) {
            let message = "this cell is in a column with no phase name; name the phase in the header line";
            return Err(ImportError::new(line, Some(width + extra + 1), message));
        }
        fields.resize(width, String::new());
        fields.remove(0);
        rows.push((name, line));
        cells.push(fields);
    }
    if rows.is_empty() {
        return Err(ImportError::new(
            header.line + 1,
            None,
            "there are no rows under the header line; put one row per line, its name in column 1",
        ));
    }

    let mut journey = Journey::new("", "", rows.iter().map(|(n, _)| n.clone()), phases);
    for (r, row) in cells.into_iter().enumerate() {
        for (p, text) in row.into_iter().enumerate() {
            if !text.is_empty() {
                Change::SetCell { at: CellRef::new(p, r), text }.apply(&mut journey).expect("the cell is in the grid");
            }
        }
    }
    Ok(journey)
}

/// One record of the CSV text: its fields and the line it starts on.
struct Record {
    line: usize,
    fields: Vec<String>,
}

impl Record {
    /// True when every field is empty or white space.
    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// The phase names of the header record: every field after the first, up to
/// the last one that is not empty. Unique and not empty, or an error.
fn phase_names(header: &Record) -> Result<Vec<String>, ImportError> {
    let last = header.fields.iter().rposition(|f| !f.trim().is_empty()).unwrap_or(0);
    if last == 0 {
        let message = "the header line names no phases; put the row names in column 1 and a phase name \
                       at the top of every other column, separated by `,`, `;` or tab";
        return Err(ImportError::new(header.line, None, message));
    }
    let names = &header.fields[1..=last];
    for (i, name) in names.iter().enumerate() {
        let column = i + 2;
        if name.trim().is_empty() {
            let message = "this column has no phase name; name it or remove the column";
            return Err(ImportError::new(header.line, Some(column), message));
        }
        if let Some(first) = names[..i].iter().position(|n| n == name) {
            let message =
                format!("there is already a phase named \"{name}\" (column {}); phase names must be unique", first + 2);
            return Err(ImportError::new(header.line, Some(column), message));
        }
    }
    Ok(names.to_vec())
}

/// A first line `sep=X` (as some spreadsheets write it) names the separator;
/// returns it and the text after that line. `X` must be one ASCII character
/// other than a quote.
fn separator_line(text: &str) -> Result<Option<(u8, &str)>, ImportError> {
    let end = text.find('\n').unwrap_or(text.len());
    let line = text[..end].trim_end_matches('\r');
    let Some(rest) = line.strip_prefix("sep=").or_else(|| line.strip_prefix("SEP=")) else {
        return Ok(None);
    };
    let mut chars = rest.chars();
    let (Some(delimiter), None) = (chars.next(), chars.next()) else {
        return Ok(None);
    };
    if !delimiter.is_ascii() || delimiter == '"' {
        let message = format!(
            "the separator line names \"{}\", which cannot separate cells; use `sep=,`, `sep=;` or a tab",
            sanitize(rest)
        );
        return Err(ImportError::new(1, None, message));
    }
    Ok(Some((delimiter as u8, text.get(end + 1..).unwrap_or(""))))
}

/// The separator of the header: whichever of `,`, `;` and tab splits the
/// first record into the most fields (so only separators outside quotes
/// count); ties go to `,`, then `;`.
fn sniff(text: &str) -> u8 {
    let fields = |delimiter: u8| {
        let mut record = ByteRecord::new();
        match reader(text, delimiter).read_byte_record(&mut record) {
            Ok(true) => record.len(),
            _ => 0,
        }
    };
    let mut best = (b',', fields(b','));
    for delimiter in [b';', b'\t'] {
        let n = fields(delimiter);
        if n > best.1 {
            best = (delimiter, n);
        }
    }
    best.0
}

/// The `csv` crate's reader for this text: no header record, records of any
/// length, RFC 4180 quoting, records ending in LF, CR LF or CR.
fn reader(text: &str, delimiter: u8) -> ::csv::Reader<&[u8]> {
    ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes())
}

/// Split CSV text into records with the `csv` crate. `first_line` is the
/// number of the text's first line. The crate reads any text; what it lets
/// through silently (an unterminated quote, text after a closing quote, see
/// BurntSushi/rust-csv#77) is refused here by [`check_quotes`].
fn parse(text: &str, delimiter: u8, first_line: usize) -> Result<Vec<Record>, ImportError> {
    let lines = LineStarts::of(text, first_line);
    let mut parsed = Vec::new();
    for result in reader(text, delimiter).into_byte_records() {
        // Byte records read from memory: the crate reports no error for them.
        let record = result.map_err(|e| ImportError::new(first_line, None, e.to_string()))?;
        // The crate's position is where the previous record ended: skip the
        // line ends (and empty lines) up to where this record starts.
        let after = record.position().map_or(0, |p| p.byte() as usize);
        let start = after + text[after..].bytes().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        parsed.push((start, record));
    }
    let mut records = Vec::with_capacity(parsed.len());
    for (i, (start, record)) in parsed.iter().enumerate() {
        let end = parsed.get(i + 1).map_or(text.len(), |(next, _)| *next);
        let blanks = check_quotes(&text.as_bytes()[*start..end], delimiter).map_err(|(offset, field, problem)| {
            ImportError::new(lines.line_of(start + offset), Some(field + 1), problem.message())
        })?;
        let mut fields: Vec<String> = record.iter().map(|f| String::from_utf8_lossy(f).replace("\r\n", "\n")).collect();
        for (field, blank) in blanks {
            let text = &mut fields[field];
            text.truncate(text.len() - blank);
        }
        records.push(Record { line: lines.line_of(*start), fields });
    }
    Ok(records)
}

/// A quoting mistake the `csv` crate reads without complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteProblem {
    /// A quoted field that reaches the end of the text.
    Unclosed,
    /// Text between a closing quote and the next separator.
    TextAfter,
}

impl QuoteProblem {
    fn message(self) -> &'static str {
        match self {
            QuoteProblem::Unclosed => {
                "this quoted cell is never closed; end it with `\"` \
                 (a quote inside a quoted cell is written twice: `\"\"`)"
            }
            QuoteProblem::TextAfter => {
                "there is text after the closing quote of this cell \
                 (a quote inside a quoted cell is written twice: `\"\"`)"
            }
        }
    }
}

/// Check the quotes of one record's raw bytes (from its first byte to the
/// next record's). On success, the fields that have spaces or tabs between
/// their closing quote and the separator, and how many bytes of them: the
/// `csv` crate keeps those blanks in the field, and the import drops them.
/// On a problem: its byte offset in `raw`, the field (0-based) and what.
fn check_quotes(raw: &[u8], delimiter: u8) -> Result<Vec<(usize, usize)>, (usize, usize, QuoteProblem)> {
    let ends_field = |b: Option<&u8>| b.is_none_or(|&b| b == delimiter || b == b'\r' || b == b'\n');
    let mut blanks = Vec::new();
    let (mut i, mut field) = (0, 0);
    loop {
        if raw.get(i) == Some(&b'"') {
            let open = i;
            i += 1;
            loop {
                match raw.get(i) {
                    None => return Err((open, field, QuoteProblem::Unclosed)),
                    Some(b'"') if raw.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => break,
                    Some(_) => i += 1,
                }
            }
            i += 1;
            let closed = i;
            while !ends_field(raw.get(i)) && matches!(raw[i], b' ' | b'\t') {
                i += 1;
            }
            if !ends_field(raw.get(i)) {
                return Err((i, field, QuoteProblem::TextAfter));
            }
            if i > closed {
                blanks.push((field, i - closed));
            }
        } else {
            while !ends_field(raw.get(i)) {
                i += 1;
            }
        }
        if raw.get(i) != Some(&delimiter) {
            return Ok(blanks);
        }
        i += 1;
        field += 1;
    }
}

/// Where each line of a text starts, to turn a byte offset into a line
/// number. A line ends in LF, CR LF or a lone CR.
struct LineStarts {
    starts: Vec<usize>,
    first: usize,
}

impl LineStarts {
    fn of(text: &str, first: usize) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Self { starts, first }
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.first + self.starts.partition_point(|&s| s <= offset) - 1
    }
}
