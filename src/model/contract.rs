//! The wire contract of every field: the JSON Schema its input must satisfy, computed once here.
//! The OpenAPI document prints it; the Zod schemas are written from the same bounds and patterns,
//! and each generated app's contract test checks that the two agree.

use serde::Serialize;
use serde_json::{Number, Value, json};

use super::FieldSpec;
use super::field_type::FieldType;

/// The regular expressions of the contract. Each is written both into the OpenAPI document and,
/// through the app's `src/schemas/common.ts`, into the Zod schema that enforces it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Patterns {
    /// Text PostgreSQL can store: anything but the NUL character.
    pub text: &'static str,
    pub email: &'static str,
    /// Any 8-4-4-4-12 hexadecimal UUID, as PostgreSQL's `uuid` type takes it.
    pub uuid: &'static str,
    /// A calendar date (`2026-02-28`; leap days only in leap years).
    pub date: &'static str,
    /// An RFC 3339 date-time with a `Z` or an offset.
    pub date_time: &'static str,
    /// A page cursor: base64url, as `nextCursor` is written.
    pub cursor: &'static str,
}

/// A month and a day of it, leap days aside: `01-31`, `04-30`, `02-28`.
macro_rules! month_day {
    () => {
        r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))"
    };
}

/// The last two digits of a leap year that is not a century, or the first two of one that is.
macro_rules! leap {
    () => {
        r"(?:[2468][048]|[13579][26]|0[48])"
    };
}

pub const PATTERNS: Patterns = Patterns {
    text: r"^[^\u0000]*$",
    // A strict subset of what JSON Schema validators take as `format: email` (a local part of at
    // most 64 characters, domain labels of at most 63 with no `--` at the third position), with
    // no look-ahead, so that fuzzers can generate from it.
    email: concat!(
        r"^[A-Za-z0-9_'+-]{1,32}(?:\.[A-Za-z0-9_'+-]{1,15}){0,2}",
        r"@(?:[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,2}\.){1,3}[A-Za-z]{2,24}$"
    ),
    uuid: r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    // Years 1 to 9999: PostgreSQL has no year 0.
    date: concat!(
        r"^(?:(?:\d\d",
        leap!(),
        "|",
        leap!(),
        r"00)-02-29|(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])-",
        month_day!(),
        ")$"
    ),
    // Years 101 to 9999, as JavaScript reads a timestamp of an earlier year back wrong (0099 as
    // 1999); offsets up to ±15:59, as PostgreSQL takes them.
    date_time: concat!(
        r"^(?:(?:(?:[1-9]\d|0[1-9])",
        leap!(),
        "|",
        leap!(),
        r"00)-02-29|(?:[1-9]\d{3}|0[2-9]\d{2}|01(?:0[1-9]|[1-9]\d))-",
        month_day!(),
        r")T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$"
    ),
    cursor: r"^[A-Za-z0-9_-]+$",
};

/// The contract's fixed sizes: lists page with `?limit=` from 1 to `max` (`default` when
/// absent) and `?cursor=` of at most `cursor_max_length` characters; accounts have an email of
/// at most `email_max` characters and a password of `password_min` to `password_max` (OWASP
/// ASVS 6.2).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Limits {
    pub default: u32,
    pub max: u32,
    pub cursor_max_length: u32,
    pub email_max: u32,
    pub password_min: u32,
    pub password_max: u32,
}

pub const LIMITS: Limits = Limits {
    default: 20,
    max: 100,
    cursor_max_length: 512,
    email_max: 255,
    password_min: 12,
    password_max: 128,
};

/// The range a whole-number type can hold: a 32-bit `integer` column; a `bigint` is read as a
/// JavaScript number, so it is held to the safe integers.
#[must_use]
pub fn integer_range(ty: &FieldType) -> Option<(i64, i64)> {
    const SAFE: i64 = (1 << 53) - 1;
    match ty {
        FieldType::Integer => Some((i64::from(i32::MIN), i64::from(i32::MAX))),
        FieldType::Bigint => Some((-SAFE, SAFE)),
        _ => None,
    }
}

/// The bounds of a field's value, in the units its type is bounded in: characters for text,
/// the value for numbers, items for arrays. Each is `None` where the type alone decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    pub lower: Option<Number>,
    pub upper: Option<Number>,
}

/// The bounds the manifest puts on a field. A required `string` or `text` is at least one
/// character long: an empty title is not a title.
#[must_use]
pub fn bounds(spec: &FieldSpec) -> Bounds {
    let number = |text: &Option<String>| text.as_deref().and_then(parse_number);
    let mut lower = number(&spec.min);
    let mut upper = number(&spec.max);
    match &spec.ty {
        FieldType::String { max } => {
            upper = Some(Number::from(*max));
            if lower.is_none() && !spec.optional {
                lower = Some(Number::from(1));
            }
        }
        FieldType::Text if lower.is_none() && !spec.optional => lower = Some(Number::from(1)),
        // A decimal travels as a string; its precision and scale are its bounds.
        FieldType::Decimal { .. } => {
            return Bounds {
                lower: None,
                upper: None,
            };
        }
        _ => {}
    }
    Bounds { lower, upper }
}

/// A manifest bound (`min=0`, `max=2.5`) as a JSON number: whole when it is whole.
fn parse_number(text: &str) -> Option<Number> {
    text.parse::<i64>()
        .ok()
        .map(Number::from)
        .or_else(|| text.parse::<f64>().ok().and_then(Number::from_f64))
}

/// `^-?\d{1,6}(\.\d{1,2})?$` for `precision=8:scale=2`: at most `precision - scale` digits
/// before the point and `scale` after it.
#[must_use]
pub fn decimal_pattern(precision: u32, scale: u32) -> String {
    let integer = if precision > scale {
        format!(r"\d{{1,{}}}", precision - scale)
    } else {
        "0".to_string()
    };
    let fraction = if scale > 0 {
        format!(r"(\.\d{{1,{scale}}})?")
    } else {
        String::new()
    };
    format!("^-?{integer}{fraction}$")
}

/// The JSON Schema a client's value for the field must satisfy: its type, format, pattern and
/// bounds, and `null` when the field is optional.
#[must_use]
pub fn input_schema(spec: &FieldSpec) -> Value {
    let mut schema = type_schema(&spec.ty);
    let bounds = bounds(spec);
    let (lower_key, upper_key) = bound_keys(&spec.ty);
    let range = integer_range(&spec.ty);
    let lower = bounds.lower.or_else(|| range.map(|r| Number::from(r.0)));
    let upper = bounds.upper.or_else(|| range.map(|r| Number::from(r.1)));
    if let Some(object) = schema.as_object_mut() {
        if let Some(lower) = lower {
            object.insert(lower_key.into(), Value::Number(lower));
        }
        if let Some(upper) = upper {
            object.insert(upper_key.into(), Value::Number(upper));
        }
    }
    nullable(schema, spec.optional)
}

/// The schema of the field in a response: its type and format, `null` when optional.
#[must_use]
pub fn output_schema(spec: &FieldSpec) -> Value {
    let schema = match &spec.ty {
        FieldType::Json => json!({}),
        ty => type_schema(ty),
    };
    let schema = strip_patterns(schema);
    nullable(schema, spec.optional && !matches!(spec.ty, FieldType::Json))
}

/// The schema of the field's `?name=value` list filter, as the value means once parsed.
#[must_use]
pub fn filter_schema(ty: &FieldType) -> Value {
    let mut schema = type_schema(ty);
    if let (Some((low, high)), Some(object)) = (integer_range(ty), schema.as_object_mut()) {
        object.insert("minimum".into(), json!(low));
        object.insert("maximum".into(), json!(high));
    }
    if let (FieldType::String { max }, Some(object)) = (ty, schema.as_object_mut()) {
        object.insert("maxLength".into(), json!(max));
    }
    schema
}

/// The schema, or null when `optional`: a bare type becomes a type list (`["number", "null"]`),
/// anything else a choice, as Zod writes it.
fn nullable(schema: Value, optional: bool) -> Value {
    if !optional {
        return schema;
    }
    match schema
        .as_object()
        .and_then(|object| object.get("type").filter(|_| object.len() == 1))
    {
        Some(Value::String(ty)) => json!({ "type": [ty, "null"] }),
        _ => json!({ "anyOf": [schema, { "type": "null" }] }),
    }
}

fn strip_patterns(mut schema: Value) -> Value {
    if let Some(object) = schema.as_object_mut() {
        object.remove("pattern");
        if let Some(items) = object.remove("items") {
            object.insert("items".into(), strip_patterns(items));
        }
    }
    schema
}

fn bound_keys(ty: &FieldType) -> (&'static str, &'static str) {
    if ty.is_textual() {
        ("minLength", "maxLength")
    } else if matches!(ty, FieldType::Array { .. }) {
        ("minItems", "maxItems")
    } else {
        ("minimum", "maximum")
    }
}

/// The schema of one value of the type, before the field's own bounds and nullability.
fn type_schema(ty: &FieldType) -> Value {
    let p = &PATTERNS;
    match ty {
        FieldType::String { .. } | FieldType::Text => {
            json!({ "type": "string", "pattern": p.text })
        }
        FieldType::Email => json!({ "type": "string", "format": "email", "pattern": p.email }),
        FieldType::Url => json!({ "type": "string", "format": "uri" }),
        FieldType::Integer | FieldType::Bigint => json!({ "type": "integer" }),
        FieldType::Float => json!({ "type": "number" }),
        FieldType::Decimal { precision, scale } => {
            json!({ "type": "string", "pattern": decimal_pattern(*precision, *scale) })
        }
        FieldType::Boolean => json!({ "type": "boolean" }),
        FieldType::Date => json!({ "type": "string", "format": "date", "pattern": p.date }),
        FieldType::Datetime => {
            json!({ "type": "string", "format": "date-time", "pattern": p.date_time })
        }
        FieldType::Uuid | FieldType::Ref { .. } => {
            json!({ "type": "string", "format": "uuid", "pattern": p.uuid })
        }
        FieldType::Json => json!({ "$ref": "#/components/schemas/JsonValue" }),
        FieldType::Enum { values } => json!({ "type": "string", "enum": values }),
        FieldType::Array { of } => {
            let item = FieldSpec {
                name: String::new(),
                ty: (**of).clone(),
                optional: true,
                unique: false,
                index: false,
                private: false,
                default: None,
                min: None,
                max: None,
                renamed_from: None,
            };
            json!({ "type": "array", "items": input_schema_of_item(&item) })
        }
    }
}

/// An array item: its type's schema and range, never null, with no bounds of its own.
fn input_schema_of_item(item: &FieldSpec) -> Value {
    let required = FieldSpec {
        optional: false,
        ..item.clone()
    };
    let mut schema = type_schema(&required.ty);
    if let FieldType::String { max } = &required.ty
        && let Some(object) = schema.as_object_mut()
    {
        object.insert("maxLength".into(), json!(max));
    }
    if let (Some((low, high)), Some(object)) = (integer_range(&required.ty), schema.as_object_mut())
    {
        object.insert("minimum".into(), json!(low));
        object.insert("maximum".into(), json!(high));
    }
    schema
}

/// Any JSON value whose text PostgreSQL can store (a `jsonb` refuses `\u0000`).
#[must_use]
pub fn json_value_schema() -> Value {
    let text = json!({ "type": "string", "pattern": PATTERNS.text });
    let value = json!({ "$ref": "#/components/schemas/JsonValue" });
    json!({ "anyOf": [
        text,
        { "type": "number" },
        { "type": "boolean" },
        { "type": "null" },
        { "type": "array", "items": value },
        { "type": "object", "propertyNames": text, "additionalProperties": value }
    ] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_patterns_follow_precision_and_scale() {
        assert_eq!(decimal_pattern(8, 2), r"^-?\d{1,6}(\.\d{1,2})?$");
        assert_eq!(decimal_pattern(5, 0), r"^-?\d{1,5}$");
        assert_eq!(decimal_pattern(2, 2), r"^-?0(\.\d{1,2})?$");
    }

    #[test]
    fn dates_are_anchored_and_share_their_months() {
        for pattern in [PATTERNS.date, PATTERNS.date_time] {
            assert!(pattern.starts_with('^') && pattern.ends_with('$'));
            assert!(pattern.contains(month_day!()));
        }
    }

    #[test]
    fn no_pattern_needs_escaping_in_a_regular_expression_literal() {
        let p = PATTERNS;
        for pattern in [p.text, p.email, p.uuid, p.date, p.date_time, p.cursor] {
            assert!(!pattern.contains('/'), "{pattern}");
        }
    }
}
