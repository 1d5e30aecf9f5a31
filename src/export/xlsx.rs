//! Excel (`.xlsx`, written with rust_xlsxwriter): three sheets a client
//! opens in Excel or LibreOffice with every character intact (no CSV code
//! page trap).
//!
//! - **Grid**: row names in column A, phase names in row 1 (bold, frozen
//!   with column A), every cell's text wrapped; marked lines styled: a
//!   pain red, an opportunity green, an open question blue, a quote italic.
//! - **Findings**: severity, check, phase, rows, finding (a whole-journey
//!   finding has an empty phase).
//! - **Plan**: rank, title, quadrant, value, effort, who gains, owner,
//!   status, evidence, why, solutions.
//!
//! Text goes in as the grid shows it: control and bidi characters become
//! visible placeholders; a text longer than Excel's 32,767 characters per
//! cell is cut there with `…`.

use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::plan::{PlanItem, why_words};
use crate::checks::Finding;
use crate::journey::{CellRef, Journey, Mark};
use crate::text::sanitize;

/// Excel's limit of characters in a cell.
const MAX_CELL: usize = 32_767;

fn fit(text: &str) -> String {
    let text = sanitize(&text.replace("\r\n", "\n").replace('\r', "\n")).into_owned();
    if text.chars().count() <= MAX_CELL {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_CELL - 1).collect();
    cut.push('…');
    cut
}

fn mark_format(mark: Option<Mark>) -> Format {
    let base = Format::new().set_text_wrap();
    match mark {
        Some(Mark::Pain) => base.set_font_color(Color::RGB(0xB0_1C_1C)),
        Some(Mark::Opportunity) => base.set_font_color(Color::RGB(0x1B_6E_20)),
        Some(Mark::Question) => base.set_font_color(Color::RGB(0x1F_4E_A8)),
        Some(Mark::Quote) => base.set_italic(),
        None => base,
    }
}

/// One grid cell: plain wrapped text, or a rich string when a line is marked.
fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, text: &str, wrap: &Format) -> Result<(), XlsxError> {
    let text = fit(text);
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.iter().all(|l| Mark::of(l).is_none()) {
        sheet.write_string_with_format(row, col, text.as_str(), wrap)?;
        return Ok(());
    }
    let formats: Vec<Format> = lines.iter().map(|l| mark_format(Mark::of(l))).collect();
    let mut owned: Vec<(usize, String)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let piece = if i + 1 < lines.len() { format!("{line}\n") } else { (*line).to_owned() };
        if !piece.is_empty() {
            owned.push((i, piece));
        }
    }
    let segments: Vec<(&Format, &str)> = owned.iter().map(|(i, s)| (&formats[*i], s.as_str())).collect();
    sheet.write_rich_string_with_format(row, col, &segments, wrap)?;
    Ok(())
}

fn grid(book: &mut Workbook, journey: &Journey) -> Result<(), XlsxError> {
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xE8_EC_F2));
    let sheet = book.add_worksheet();
    sheet.set_name("Grid")?;
    sheet.write_string_with_format(0, 0, "row", &head)?;
    sheet.set_column_width(0, 18)?;
    for (p, phase) in journey.phases().iter().enumerate() {
        let col = u16::try_from(p + 1).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, fit(&phase.name), &head)?;
        sheet.set_column_width(col, 32)?;
    }
    for (r, name) in journey.rows().iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        sheet.write_string_with_format(row, 0, fit(name), &head)?;
        for p in 0..journey.phase_count() {
            let col = u16::try_from(p + 1).unwrap_or(u16::MAX);
            write_cell(sheet, row, col, journey.cell(CellRef::new(p, r)), &wrap)?;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

fn table(book: &mut Workbook, name: &str, header: &[&str], rows: Vec<Vec<String>>) -> Result<(), XlsxError> {
    let head = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &head)?;
        sheet.set_column_width(c as u16, if h.len() > 8 { 40 } else { 14 })?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string_with_format(r as u32 + 1, c as u16, fit(v), &wrap)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The journey, its findings and its plan as an xlsx workbook.
pub fn to_xlsx(journey: &Journey, findings: &[Finding], plan: &[PlanItem]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    grid(&mut book, journey)?;
    let name = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
    let phases: Vec<String> = journey.phases().iter().map(|p| p.name.clone()).collect();
    let rows = findings
        .iter()
        .map(|f| {
            vec![
                f.severity.id().to_owned(),
                f.id.to_owned(),
                name(&phases, f.phase),
                f.rows.iter().map(|&r| name(journey.rows(), r)).collect::<Vec<_>>().join(", "),
                f.message.clone(),
            ]
        })
        .collect();
    table(&mut book, "Findings", &["severity", "check", "phase", "rows", "finding"], rows)?;
    let rows = plan
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let o = item.opportunity();
            let score = |s: Option<u8>| s.map_or_else(String::new, |s| s.to_string());
            vec![
                (n + 1).to_string(),
                o.title.clone(),
                item.ranked.quadrant.heading().to_owned(),
                item.ranked.value.map_or_else(String::new, |v| format!("{v:.1}")),
                score(o.effort),
                o.gains.join(", "),
                o.owner.clone(),
                o.status.id().to_owned(),
                item.ranked.evidence().to_string(),
                o.why.iter().map(why_words).collect::<Vec<_>>().join("\n"),
                o.solutions.clone(),
            ]
        })
        .collect();
    let header = [
        "rank",
        "title",
        "quadrant",
        "value",
        "effort",
        "who gains",
        "owner",
        "status",
        "evidence",
        "why",
        "solutions",
    ];
    table(&mut book, "Plan", &header, rows)?;
    book.save_to_buffer()
}
