//! XLSX with every cell written as text: a score is text too, so the file matches the CSV cell for cell
//! and nothing is ever read as a formula or a date. The sheet is written in constant-memory mode: each
//! row goes to a temporary file as it is written, so a large export does not grow in memory.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, Workbook};

use super::{COLUMNS, HEADER};

pub const SHEET: &str = "Entries";

pub struct XlsxWriter {
    workbook: Workbook,
    next_row: u32,
}

impl XlsxWriter {
    pub fn new() -> anyhow::Result<Self> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(SHEET)?;
        // Column settings come before the rows in constant-memory mode.
        let text_column = HEADER.iter().position(|h| *h == "text").unwrap_or(0);
        sheet.set_column_width(text_column as u16, 60)?;
        sheet.set_freeze_panes(1, 0)?;
        let bold = Format::new().set_bold();
        for (col, name) in HEADER.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *name, &bold)?;
        }
        Ok(XlsxWriter { workbook, next_row: 1 })
    }

    pub fn row(&mut self, cells: &[Cow<'_, str>; COLUMNS]) -> anyhow::Result<()> {
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (col, cell) in cells.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(self.next_row, col as u16, cell.as_ref())?;
            }
        }
        self.next_row += 1;
        Ok(())
    }

    /// The "You said, we did" sheet, after the entries: a few rows, written whole.
    pub fn responses_sheet(&mut self, rows: &[[String; 13]]) -> anyhow::Result<()> {
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(super::you_said::SHEET)?;
        let bold = Format::new().set_bold();
        for (col, name) in super::you_said::HEADER.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *name, &bold)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32 + 1, col as u16, super::neutralise(cell.into()).as_ref())?;
                }
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> anyhow::Result<Vec<u8>> {
        Ok(self.workbook.save_to_buffer()?)
    }
}
