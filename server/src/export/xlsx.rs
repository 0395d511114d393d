//! XLSX with every cell written as text: a score is text too, so the file matches the CSV cell for cell
//! and nothing is ever read as a formula or a date.

use rust_xlsxwriter::{Format, Workbook};

use super::{ExportRow, HEADER};

pub const SHEET: &str = "Entries";

pub fn write(rows: &[ExportRow]) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET)?;
    let bold = Format::new().set_bold();
    for (col, name) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32 + 1, col as u16, cell)?;
            }
        }
    }
    sheet.set_column_width(14, 60)?;
    Ok(workbook.save_to_buffer()?)
}
