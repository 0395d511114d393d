//! Placeholders in translated text: `"Promise {n} of {total}"`.

/// Fills `{name}` placeholders from `values`; an unknown or unclosed placeholder is left as written.
/// Written out by hand: `str::replace` brings a general substring searcher into the phone's download.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(n, _)| *n == name).map(|(_, value)| (close, *value))
        });
        match known {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_every_named_placeholder_in_any_order() {
        assert_eq!(fill("Addewid {n} o {total}", &[("total", "11"), ("n", "3")]), "Addewid 3 o 11");
        assert_eq!(fill("{service}: {n}", &[("service", "Tai"), ("n", "2")]), "Tai: 2");
    }

    #[test]
    fn leaves_unknown_and_unclosed_placeholders_as_written() {
        assert_eq!(fill("{who} {n", &[("n", "1")]), "{who} {n");
        assert_eq!(fill("no placeholders", &[]), "no placeholders");
        assert_eq!(fill("{n}{n}", &[("n", "ŵ")]), "ŵŵ");
    }
}
