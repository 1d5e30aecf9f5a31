//! CSV (RFC 4180): the grid only, for spreadsheets. Written with the `csv` crate.

use ::csv::{QuoteStyle, Terminator, WriterBuilder};

use super::lines;
use crate::journey::{CellRef, Journey};
use crate::text::sanitize;

/// The UTF-8 byte order mark. Excel needs it to read a CSV file as UTF-8
/// rather than the Windows code page; LibreOffice and [`super::import_csv`]
/// accept it.
pub(super) const BOM: char = '\u{feff}';

/// The grid as CSV (RFC 4180) that LibreOffice and Excel open.
///
/// Shape: a UTF-8 byte order mark, then a header record `row,PHASE 1,PHASE 2,…`,
/// then one record per grid row in row order: the row name, then the row's
/// cell in each phase (empty for an empty cell). Records end in CR LF; a
/// line break inside a cell is written as LF. Title, persona, roles and
/// switched-off checks are not in the CSV.
///
/// ```text
/// row,Orientation,Order move
/// Need,Working internet on moving day,"Move without a gap
/// Keep the same price"
/// ```
///
/// A field is quoted (`"…"`, with `"` doubled) when it contains `,`, `;`,
/// `"`, CR or LF. `;` is quoted so that a reader that guesses the separator
/// (as [`super::import_csv`] does) cannot take it for one.
///
/// No control character from the journey reaches the CSV: line breaks in a
/// cell (LF, CR LF or a lone CR) become LF, and every other control or bidi
/// character becomes the visible placeholder the grid shows
/// ([`crate::text::sanitize`]; a tab becomes a space, ESC `␛`). Nothing is
/// escaped for spreadsheet formulas, so a cell starting with `=` may be
/// taken for a formula by a spreadsheet.
pub fn to_csv(journey: &Journey) -> String {
    let mut out = Vec::new();
    let mut bom = [0; 3];
    out.extend_from_slice(BOM.encode_utf8(&mut bom).as_bytes());
    // `comment(';')` only makes the writer quote every field with a `;` in it
    // (the csv crate quotes fields that contain the comment character).
    let mut writer = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .comment(Some(b';'))
        .from_writer(out);
    let header = std::iter::once("row".to_owned()).chain(journey.phases().iter().map(|p| safe(&p.name)));
    writer.write_record(header).expect("writing CSV to memory cannot fail");
    for (r, row) in journey.rows().iter().enumerate() {
        let cells = (0..journey.phase_count()).map(|p| safe(journey.cell(CellRef::new(p, r))));
        writer.write_record(std::iter::once(safe(row)).chain(cells)).expect("writing CSV to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is made of UTF-8 text")
}

/// The text with its line breaks as LF and no other control character.
fn safe(text: &str) -> String {
    sanitize(&lines(text).collect::<Vec<_>>().join("\n")).into_owned()
}
