//! Reading the tags of the built pages (`index.html`), which the server does once when it starts: for the
//! Content-Security-Policy (`security`) and the `Link` header (`routes::preload`).

/// The attributes of a tag, from just after its name up to its `>`: names lower-cased, values unquoted,
/// `None` for an attribute without a value. Reads them as Trunk's minifier writes them
/// (`as=fetch crossorigin href=/a.wasm`) or quoted.
pub fn attributes(mut rest: &str) -> Vec<(String, Option<String>)> {
    let mut found = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return found;
        }
        let name_end = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>').unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let value = match rest.strip_prefix('=') {
            None => None,
            Some(after) => {
                let (value, left) = match after.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let inner = &after[1..];
                        let end = inner.find(quote).unwrap_or(inner.len());
                        (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                rest = left;
                Some(value.to_owned())
            }
        };
        found.push((name, value));
    }
}

/// The value of attribute `name` among `attributes` (`""` when it has none), if the tag has it.
pub fn attribute<'a>(attributes: &'a [(String, Option<String>)], name: &str) -> Option<&'a str> {
    attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_deref().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::{attribute, attributes};

    #[test]
    fn minified_quoted_and_bare_attributes_are_read_to_the_end_of_the_tag() {
        let found = attributes(r#" as=fetch CROSSORIGIN href="/a b.wasm" type='x/y'>rest=1"#);
        let expected =
            [("as", Some("fetch")), ("crossorigin", None), ("href", Some("/a b.wasm")), ("type", Some("x/y"))];
        let expected: Vec<(String, Option<String>)> =
            expected.iter().map(|(n, v)| (n.to_string(), v.map(str::to_owned))).collect();
        assert_eq!(found, expected);
        assert_eq!((attribute(&found, "as"), attribute(&found, "crossorigin")), (Some("fetch"), Some("")));
        assert_eq!(attribute(&found, "rel"), None);
    }
}
