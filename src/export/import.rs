//! Import a grid from CSV: jgrid's own export or a spreadsheet's.

use std::fmt;

use super::csv::BOM;
use crate::journey::{CellRef, Change, Journey};

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
///   line `sep=X` names the separator instead. Quoting follows RFC 4180
///   (`"…"`, `""` for a quote); a quote inside an unquoted field is text.
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
    let (delimiter, text, first_line) = match separator_line(text) {
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
/// returns it and the text after that line.
fn separator_line(text: &str) -> Option<(char, &str)> {
    let end = text.find('\n').unwrap_or(text.len());
    let line = text[..end].trim_end_matches('\r');
    let rest = line.strip_prefix("sep=").or_else(|| line.strip_prefix("SEP="))?;
    let mut chars = rest.chars();
    let delimiter = chars.next().filter(|c| !matches!(c, '"' | '\r' | '\n'))?;
    if chars.next().is_some() {
        return None;
    }
    Some((delimiter, text.get(end + 1..).unwrap_or("")))
}

/// The separator of the first record: the most frequent of `,`, `;` and tab
/// outside quotes; ties go to `,`, then `;`.
fn sniff(text: &str) -> char {
    let candidates = [',', ';', '\t'];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|&d| d == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..candidates.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// Split CSV text into records (RFC 4180, with any line ending). `line` is
/// the number of the text's first line.
fn parse(text: &str, delimiter: char, mut line: usize) -> Result<Vec<Record>, ImportError> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        let mut record = Record { line, fields: Vec::new() };
        loop {
            let column = Some(record.fields.len() + 1);
            let mut field = String::new();
            if chars.next_if_eq(&'"').is_some() {
                let opened = line;
                loop {
                    match chars.next() {
                        None => {
                            let message = "this quoted cell is never closed; end it with `\"` \
                                           (a quote inside a quoted cell is written twice: `\"\"`)";
                            return Err(ImportError::new(opened, column, message));
                        }
                        Some('"') if chars.next_if_eq(&'"').is_some() => field.push('"'),
                        Some('"') => break,
                        Some('\r') if chars.next_if_eq(&'\n').is_some() => {
                            field.push('\n');
                            line += 1;
                        }
                        Some('\n') => {
                            field.push('\n');
                            line += 1;
                        }
                        Some(c) => field.push(c),
                    }
                }
                while chars.next_if(|&c| c != delimiter && matches!(c, ' ' | '\t')).is_some() {}
                if chars.peek().is_some_and(|&c| c != delimiter && c != '\r' && c != '\n') {
                    let message = "there is text after the closing quote of this cell \
                                   (a quote inside a quoted cell is written twice: `\"\"`)";
                    return Err(ImportError::new(line, column, message));
                }
            } else {
                while let Some(c) = chars.next_if(|&c| c != delimiter && c != '\r' && c != '\n') {
                    field.push(c);
                }
            }
            record.fields.push(field);
            match chars.next() {
                Some('\r') => {
                    chars.next_if_eq(&'\n');
                    line += 1;
                    break;
                }
                Some('\n') => {
                    line += 1;
                    break;
                }
                None => break,
                Some(_) => {} // the delimiter: another field follows
            }
        }
        records.push(record);
    }
    Ok(records)
}
