//! Reading a `serde_json::Value` into a type with an error type of our own, so an unknown or missing
//! field arrives as data (`ReadError::UnknownField("x")`) rather than as an English sentence to pick
//! apart. serde calls `de::Error::unknown_field` / `missing_field` for these; serde_json's error turns
//! them into text, ours keeps them.

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    UnknownField(String),
    MissingField(&'static str),
    /// Wrong type, bad value: the field at the error's path is invalid.
    Invalid,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::UnknownField(name) => write!(f, "unknown field {name}"),
            ReadError::MissingField(name) => write!(f, "missing field {name}"),
            ReadError::Invalid => f.write_str("invalid value"),
        }
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        ReadError::Invalid
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        ReadError::UnknownField(field.to_owned())
    }

    fn missing_field(field: &'static str) -> Self {
        ReadError::MissingField(field)
    }
}

/// A JSON value as a serde deserializer whose error is [`ReadError`].
pub struct ValueReader(pub Value);

impl<'de> IntoDeserializer<'de, ReadError> for ValueReader {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for ValueReader {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter().map(ValueReader));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(map) => {
                let mut map = MapDeserializer::new(map.into_iter().map(|(k, v)| (k, ValueReader(v))));
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(ValueReader(other)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.into_deserializer()),
            Value::Object(map) if map.len() == 1 => visitor.visit_enum(de::value::MapAccessDeserializer::new(
                MapDeserializer::new(map.into_iter().map(|(k, v)| (k, ValueReader(v)))),
            )),
            _ => Err(ReadError::Invalid),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct seq
        tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        n: u8,
        #[serde(default)]
        note: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    struct Outer {
        items: Vec<Inner>,
        kind: Kind,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        View,
        Rating,
    }

    fn read(v: Value) -> Result<Outer, (String, ReadError)> {
        serde_path_to_error::deserialize(ValueReader(v)).map_err(|e| (e.path().to_string(), e.into_inner()))
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let v =
            serde_json::json!({"items": [{"n": 1}, {"n": 2, "note": "hi"}, {"n": 3, "note": null}], "kind": "rating"});
        let expected: Outer = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(read(v).unwrap(), expected);
    }

    #[test]
    fn unknown_and_missing_fields_come_back_as_data() {
        let unknown = read(serde_json::json!({"items": [{"n": 1, "colour": "red"}], "kind": "view"}));
        assert_eq!(unknown.unwrap_err(), ("items[0].colour".into(), ReadError::UnknownField("colour".into())));
        let missing = read(serde_json::json!({"items": [{}], "kind": "view"}));
        assert_eq!(missing.unwrap_err(), ("items[0]".into(), ReadError::MissingField("n")));
        let wrong = read(serde_json::json!({"items": [{"n": 300}], "kind": "view"}));
        assert_eq!(wrong.unwrap_err(), ("items[0].n".into(), ReadError::Invalid));
        let bad_kind = read(serde_json::json!({"items": [], "kind": "survey"}));
        assert_eq!(bad_kind.unwrap_err(), ("kind".into(), ReadError::Invalid));
    }
}
