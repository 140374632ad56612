//! The wire contract of every field: the JSON Schema its input must satisfy, computed once here.
//! The OpenAPI document prints it; the Zod schemas are written from the same bounds and patterns,
//! and each generated app's contract test checks that the two agree.

mod patterns;

use serde::Serialize;
use serde_json::{Number, Value, json};

use super::FieldSpec;
use super::field_type::FieldType;
pub use patterns::{PATTERNS, Patterns};

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

/// One value of the type within what its column holds (a varchar's length, an integer's
/// range), with no bounds of the field's own: an array's item, and the value of a
/// `?name=value` list filter once parsed.
#[must_use]
pub fn value_schema(ty: &FieldType) -> Value {
    let mut schema = type_schema(ty);
    if let Some(object) = schema.as_object_mut() {
        if let Some((low, high)) = integer_range(ty) {
            object.insert("minimum".into(), json!(low));
            object.insert("maximum".into(), json!(high));
        }
        if let FieldType::String { max } = ty {
            object.insert("maxLength".into(), json!(max));
        }
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
        // A field's own value is never a JSON null: null is "no value", which only an optional
        // field may have (and a NOT NULL column can't store).
        FieldType::Json => json!({ "$ref": "#/components/schemas/PresentJsonValue" }),
        FieldType::Enum { values } => json!({ "type": "string", "enum": values }),
        FieldType::Array { of } => json!({ "type": "array", "items": value_schema(of) }),
    }
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

/// Any JSON value but null, as [`json_value_schema`]: the value of a `json` field.
#[must_use]
pub fn present_json_value_schema() -> Value {
    let mut schema = json_value_schema();
    if let Some(choices) = schema["anyOf"].as_array_mut() {
        choices.retain(|choice| choice != &json!({ "type": "null" }));
    }
    schema
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

    fn input(spec: &str) -> Value {
        input_schema(&crate::model::parse_field(spec).expect("a valid field"))
    }

    #[test]
    fn required_text_is_never_empty_and_optional_text_may_be_null() {
        let text = PATTERNS.text;
        assert_eq!(
            input("title:string:max=200"),
            json!({ "type": "string", "pattern": text, "minLength": 1, "maxLength": 200 })
        );
        assert_eq!(
            input("body:text?"),
            json!({ "anyOf": [{ "type": "string", "pattern": text }, { "type": "null" }] })
        );
    }

    #[test]
    fn whole_numbers_hold_to_their_column_and_a_bare_type_takes_null_in_a_list() {
        assert_eq!(
            input("age:integer:min=0"),
            json!({ "type": "integer", "minimum": 0, "maximum": i32::MAX })
        );
        assert_eq!(
            input("views:bigint"),
            json!({ "type": "integer", "minimum": -((1i64 << 53) - 1), "maximum": (1i64 << 53) - 1 })
        );
        assert_eq!(
            input("weight:float?"),
            json!({ "type": ["number", "null"] })
        );
        assert_eq!(
            input("ratio:float:min=0.5"),
            json!({ "type": "number", "minimum": 0.5 })
        );
    }

    #[test]
    fn decimals_are_strings_of_their_precision_and_arrays_bound_their_items() {
        assert_eq!(
            input("price:decimal:precision=8:scale=2"),
            json!({ "type": "string", "pattern": r"^-?\d{1,6}(\.\d{1,2})?$" })
        );
        assert_eq!(
            input("tags:array:string:max=5"),
            json!({
                "type": "array",
                "items": { "type": "string", "pattern": PATTERNS.text, "maxLength": 255 },
                "maxItems": 5
            })
        );
    }

    #[test]
    fn values_hold_to_their_column() {
        assert_eq!(
            value_schema(&FieldType::Boolean),
            json!({ "type": "boolean" })
        );
        assert_eq!(
            value_schema(&FieldType::String { max: 80 }),
            json!({ "type": "string", "pattern": PATTERNS.text, "maxLength": 80 })
        );
    }
}
