//! CSV as Excel opens it correctly: UTF-8 with a byte-order mark (or Welsh ŵ and ŷ come out garbled),
//! CRLF line ends, RFC 4180 quoting.

use super::{ExportRow, HEADER};

pub fn write(rows: &[ExportRow]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    line(&mut out, HEADER.iter().copied());
    for row in rows {
        line(&mut out, row.iter().map(String::as_str));
    }
    out.into_bytes()
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
        let mut row: ExportRow = Default::default();
        row[0] = "a,b".into();
        row[1] = "say \"hi\"".into();
        row[2] = "two\r\nlines".into();
        row[3] = "plain".into();
        let text = String::from_utf8(write(&[row])).unwrap();
        assert!(text.starts_with("\u{feff}entry_id,created_at,"));
        assert!(text.contains("\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",plain,,"));
        assert!(text.ends_with("\r\n"));
    }
}
