//! CSV (RFC 4180): the grid only, for spreadsheets.

use crate::journey::{CellRef, Journey};

/// The UTF-8 byte order mark. Excel needs it to read a CSV file as UTF-8
/// rather than the Windows code page; LibreOffice and [`super::import_csv`]
/// accept it.
pub(super) const BOM: char = '\u{feff}';

/// The grid as CSV (RFC 4180) that LibreOffice and Excel open.
///
/// Shape: a UTF-8 byte order mark, then a header record `row,PHASE 1,PHASE 2,…`,
/// then one record per grid row in row order: the row name, then the row's
/// cell in each phase (empty for an empty cell). Records end in CR LF; a
/// line break inside a cell stays LF. Title, persona, roles and switched-off
/// checks are not in the CSV.
///
/// ```text
/// row,Orientation,Order move
/// Need,Working internet on moving day,"Move without a gap
/// Keep the same price"
/// ```
///
/// A field is quoted (`"…"`, with `"` doubled) when it contains `,`, `;`,
/// a tab, `"`, CR or LF, or starts or ends with a space. Text is written
/// as it is: nothing is escaped for spreadsheet formulas, so a cell starting
/// with `=` may be taken for a formula by a spreadsheet.
pub fn to_csv(journey: &Journey) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut header = vec!["row"];
    header.extend(journey.phases().iter().map(|p| p.name.as_str()));
    record(&mut out, header);
    for (r, row) in journey.rows().iter().enumerate() {
        let cells = (0..journey.phase_count()).map(|p| journey.cell(CellRef::new(p, r)));
        record(&mut out, std::iter::once(row.as_str()).chain(cells));
    }
    out
}

/// One record: fields separated by `,`, ended by CR LF.
fn record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if needs_quotes(field) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

fn needs_quotes(field: &str) -> bool {
    field.contains([',', ';', '\t', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ')
}
