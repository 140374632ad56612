//! The TypeScript each field becomes, in both data layers: its Zod schemas, its types, its
//! enum's values, and the values the generated tests give it.

use serde::Serialize;

use crate::model::contract;
use crate::model::{EnumNames, Field, FieldSpec, FieldType};

/// Code fragments for one field, ready for the templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldCode {
    /// The create schema's value: `textSchema.min(1).max(200)`
    pub zod: String,
    /// The list query's schema of a filterable field: `textSchema.max(200).optional()`
    pub zod_filter: Option<String>,
    /// The type in the DTO: `string | null`, `PostStatus`…
    pub ts_type: String,
    /// The type of the field's list filter (`boolean` for `?published=true`).
    pub filter_ts_type: String,
    /// The line in the insert type: `title: string` or `body?: string | null`.
    pub ts_new: String,
    /// For enum fields: its names and values.
    pub enumeration: Option<EnumCode>,
    /// A valid value for tests: a TypeScript expression of the row number `n` (refs: empty).
    pub example: String,
}

/// An enum field's names and its values as TypeScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumCode {
    #[serde(flatten)]
    pub names: EnumNames,
    /// `['draft', 'review', 'live']`
    pub values_ts: String,
    /// `'draft'`, `'review'`, `'live'`
    pub values_quoted: Vec<String>,
}

/// `text` as a TypeScript string literal.
pub(crate) fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The names and values of an enum field; `None` for other fields.
#[must_use]
pub fn enum_code(field: &Field) -> Option<EnumCode> {
    let (FieldType::Enum { values }, Some(names)) = (&field.spec.ty, &field.enumeration) else {
        return None;
    };
    let quoted: Vec<String> = values.iter().map(|v| quote(v)).collect();
    Some(EnumCode {
        names: names.clone(),
        values_ts: format!("[{}]", quoted.join(", ")),
        values_quoted: quoted,
    })
}

/// The TypeScript of `field`.
#[must_use]
pub fn field_code(field: &Field) -> FieldCode {
    let (names, spec) = (&field.names, &field.spec);
    let enumeration = enum_code(field);
    let enum_names = field.enumeration.as_ref();
    let zod_calls = zod_input(&spec.ty, spec, enum_names);
    let base_type = ts_type(&spec.ty, enum_names);
    let filter_ts_type = base_type.clone();
    let ts_type = if spec.optional {
        format!("{base_type} | null")
    } else {
        base_type
    };
    let ts_new = if spec.optional || spec.default.is_some() {
        format!("{}?: {ts_type}", names.camel)
    } else {
        format!("{}: {ts_type}", names.camel)
    };
    FieldCode {
        zod: zod_calls.concat(),
        zod_filter: spec
            .ty
            .is_filterable()
            .then(|| format!("{}.optional()", zod_filter(&spec.ty, spec, enum_names))),
        filter_ts_type,
        ts_type,
        ts_new,
        example: super::examples::example(
            spec,
            &names.label,
            enumeration.as_ref().map(|e| e.values_ts.as_str()),
        ),
        enumeration,
    }
}

fn ts_type(ty: &FieldType, enumeration: Option<&EnumNames>) -> String {
    match ty {
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "number".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::Datetime => "Date".into(),
        FieldType::Json => "unknown".into(),
        FieldType::Enum { .. } => {
            enumeration.map_or_else(|| "string".into(), |e| e.ts_type.clone())
        }
        FieldType::Array { of } => format!("{}[]", ts_type(of, None)),
        _ => "string".into(),
    }
}

/// The `.min()`/`.max()` calls of the field's bounds, as the contract computes them; the ends of
/// an integer type's range are already in `z.int32()` and `z.int()`.
fn bounds(spec: &FieldSpec) -> Vec<String> {
    let bounds = contract::bounds(spec);
    let range = contract::integer_range(&spec.ty);
    let inside = |bound: &serde_json::Number, end: Option<i64>| {
        end.is_none_or(|end| bound.as_i64() != Some(end))
    };
    let mut out = Vec::new();
    if let Some(lower) = bounds.lower.filter(|b| inside(b, range.map(|r| r.0))) {
        out.push(format!(".min({lower})"));
    }
    if let Some(upper) = bounds.upper.filter(|b| inside(b, range.map(|r| r.1))) {
        out.push(format!(".max({upper})"));
    }
    out
}

/// The create schema of a field as a head and chained calls.
fn zod_input(ty: &FieldType, spec: &FieldSpec, enumeration: Option<&EnumNames>) -> Vec<String> {
    let mut calls = zod_type(ty, spec, enumeration);
    if spec.optional {
        calls.push(".nullable()".into());
    }
    if spec.optional || spec.default.is_some() {
        calls.push(".optional()".into());
    }
    calls
}

/// The schema of `src/schemas/common.ts` (which holds the contract's patterns) that values of
/// the type are parsed with; `None` where Zod's own serves.
#[must_use]
pub fn common_schema(ty: &FieldType) -> Option<&'static str> {
    Some(match ty {
        FieldType::String { .. } | FieldType::Text => "textSchema",
        FieldType::Email => "emailSchema",
        FieldType::Url => "urlSchema",
        FieldType::Decimal { .. } => "decimalSchema",
        FieldType::Date => "dateSchema",
        FieldType::Datetime => "dateTimeSchema",
        FieldType::Uuid | FieldType::Ref { .. } => "uuidSchema",
        FieldType::Json => "presentJsonValueSchema",
        FieldType::Array { of } => return common_schema(of),
        _ => return None,
    })
}

/// The schema of `src/schemas/common.ts` that a list filter on the type is parsed with: the
/// query string's text read as the type.
#[must_use]
pub fn common_filter(ty: &FieldType) -> Option<&'static str> {
    match ty {
        FieldType::Boolean => Some("booleanQuery"),
        FieldType::Integer => Some("int32Query"),
        FieldType::Bigint => Some("safeIntegerQuery"),
        FieldType::Float => Some("numberQuery"),
        _ => common_schema(ty),
    }
}

/// The Zod schema of one value, with the field's bounds.
fn zod_type(ty: &FieldType, spec: &FieldSpec, enumeration: Option<&EnumNames>) -> Vec<String> {
    let head = match ty {
        FieldType::Integer => "z.int32()".to_string(),
        FieldType::Bigint => "z.int()".into(),
        FieldType::Float => "z.number()".into(),
        FieldType::Decimal { precision, scale } => format!("decimalSchema({precision}, {scale})"),
        FieldType::Boolean => "z.boolean()".into(),
        FieldType::Enum { .. } => format!(
            "z.enum({})",
            enumeration.map_or("[]", |e| e.values_const.as_str())
        ),
        FieldType::Array { of } => {
            let item = FieldSpec {
                ty: (**of).clone(),
                min: None,
                max: None,
                optional: true,
                ..spec.clone()
            };
            format!("z.array({})", zod_type(of, &item, None).concat())
        }
        other => common_schema(other).unwrap_or_default().to_string(),
    };
    let mut calls = vec![head];
    calls.extend(bounds(spec));
    calls
}

/// The list filter of a field: the query string's text parsed into the field's type.
fn zod_filter(ty: &FieldType, spec: &FieldSpec, enumeration: Option<&EnumNames>) -> String {
    match ty {
        FieldType::String { max } => format!("textSchema.max({max})"),
        FieldType::Decimal { .. } | FieldType::Enum { .. } => {
            let unbounded = FieldSpec {
                min: None,
                max: None,
                ..spec.clone()
            };
            zod_type(ty, &unbounded, enumeration)[0].clone()
        }
        _ => common_filter(ty).unwrap_or_default().to_string(),
    }
}
