//! CSV as Excel opens it correctly: UTF-8 with a byte-order mark (or Welsh ŵ and ŷ come out garbled),
//! CRLF line ends, RFC 4180 quoting. Written into a buffer handed on in chunks as it fills.

use std::borrow::Cow;

use super::{COLUMNS, HEADER};

/// About this much is gathered before it is sent on: big enough for few writes, small enough that an
/// export of any size uses the same memory.
const CHUNK_BYTES: usize = 64 * 1024;

pub struct CsvWriter {
    buffer: String,
}

impl CsvWriter {
    pub fn new() -> Self {
        let mut buffer = String::with_capacity(CHUNK_BYTES * 2);
        buffer.push('\u{feff}');
        line(&mut buffer, HEADER.iter().copied());
        CsvWriter { buffer }
    }

    pub fn row(&mut self, cells: &[Cow<'_, str>; COLUMNS]) {
        line(&mut self.buffer, cells.iter().map(|c| c.as_ref()));
    }

    /// What has gathered, once it is a chunk's worth.
    pub fn full_chunk(&mut self) -> Option<Vec<u8>> {
        (self.buffer.len() >= CHUNK_BYTES)
            .then(|| std::mem::replace(&mut self.buffer, String::with_capacity(CHUNK_BYTES * 2)).into_bytes())
    }

    pub fn finish(self) -> Vec<u8> {
        self.buffer.into_bytes()
    }
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let mut row: [Cow<str>; COLUMNS] = Default::default();
        row[0] = "a,b".into();
        row[1] = "say \"hi\"".into();
        row[2] = "two\r\nlines".into();
        row[3] = "plain".into();
        let mut csv = CsvWriter::new();
        csv.row(&row);
        let text = String::from_utf8(csv.finish()).unwrap();
        assert!(text.starts_with("\u{feff}entry_id,created_at,"));
        assert!(text.contains("\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",plain,,"));
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn hands_on_chunks_as_they_fill_and_loses_nothing() {
        let mut csv = CsvWriter::new();
        let row: [Cow<str>; COLUMNS] = std::array::from_fn(|i| Cow::Owned(format!("cell {i}")));
        let mut sent = Vec::new();
        let mut chunks = 0;
        for _ in 0..5_000 {
            csv.row(&row);
            if let Some(chunk) = csv.full_chunk() {
                assert!(chunk.len() < 2 * CHUNK_BYTES);
                sent.extend(chunk);
                chunks += 1;
            }
        }
        sent.extend(csv.finish());
        assert!(chunks > 3, "{chunks} chunks");
        let text = String::from_utf8(sent).unwrap();
        assert_eq!(text.matches("\r\n").count(), 5_001);
    }
}
