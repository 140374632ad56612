//! `default=…` values, each checked against the field's type.

use std::ops::Range;

use super::field::FieldError;
use super::field_type::{DefaultValue, FieldType};

/// Parses `text` as the default of a field of type `ty`; `span` locates it in the spec.
pub(super) fn parse_default(
    ty: &FieldType,
    text: &str,
    span: Range<usize>,
) -> Result<DefaultValue, FieldError> {
    let bad = |expected: &str, example: &str| {
        FieldError::at(
            span.clone(),
            format!(
                "default={text} is not valid for {} {} field: expected {expected}",
                article(ty.keyword()),
                ty.keyword()
            ),
            format!("e.g. default={example}"),
        )
    };
    match ty {
        FieldType::String { .. } | FieldType::Text => Ok(DefaultValue::Text(text.to_string())),
        FieldType::Email if is_email(text) => Ok(DefaultValue::Text(text.to_string())),
        FieldType::Email => Err(bad("an email address", "team@example.com")),
        FieldType::Url if text.starts_with("https://") || text.starts_with("http://") => {
            Ok(DefaultValue::Text(text.to_string()))
        }
        FieldType::Url => Err(bad("an http(s) URL", "https://example.com")),
        FieldType::Integer => text
            .parse::<i32>()
            .map(|n| DefaultValue::Integer(n.into()))
            .map_err(|_| bad("a 32-bit whole number", "0")),
        FieldType::Bigint => text
            .parse::<i64>()
            .map(DefaultValue::Integer)
            .map_err(|_| bad("a whole number", "0")),
        FieldType::Float => match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(DefaultValue::Number(text.to_string())),
            _ => Err(bad("a number", "0.5")),
        },
        FieldType::Decimal { scale, .. } => {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
            let whole = whole.strip_prefix('-').unwrap_or(whole);
            if whole.is_empty()
                || !digits(whole)
                || !digits(fraction)
                || fraction.len() > *scale as usize
            {
                return Err(bad(
                    &format!("a decimal with at most {scale} digits after the point"),
                    "0.00",
                ));
            }
            Ok(DefaultValue::Number(text.to_string()))
        }
        FieldType::Boolean => match text {
            "true" => Ok(DefaultValue::Boolean(true)),
            "false" => Ok(DefaultValue::Boolean(false)),
            _ => Err(bad("true or false", "false")),
        },
        FieldType::Date if text == "today" => Ok(DefaultValue::Now),
        FieldType::Date if is_date(text) => Ok(DefaultValue::Timestamp(text.to_string())),
        FieldType::Date => Err(bad("today or a date as YYYY-MM-DD", "today")),
        FieldType::Datetime if text == "now" => Ok(DefaultValue::Now),
        FieldType::Datetime => Err(bad("now", "now")),
        FieldType::Uuid if text == "random" => Ok(DefaultValue::RandomUuid),
        FieldType::Uuid if is_uuid(text) => Ok(DefaultValue::Text(text.to_string())),
        FieldType::Uuid => Err(bad("random or a UUID", "random")),
        FieldType::Json => serde_json::from_str::<serde_json::Value>(text)
            .map(|_| DefaultValue::Json(text.to_string()))
            .map_err(|_| bad("a JSON value", "[]")),
        FieldType::Enum { values } if values.iter().any(|v| v == text) => {
            Ok(DefaultValue::Text(text.to_string()))
        }
        FieldType::Enum { values } => Err(FieldError::at(
            span,
            format!("default={text} is not one of the enum values"),
            format!("use one of: {}", values.join(", ")),
        )),
        FieldType::Array { .. } => Err(FieldError::at(
            span,
            "array fields cannot have a default",
            "drop default=, or make the field optional",
        )),
        FieldType::Ref { .. } => Err(FieldError::at(
            span,
            "ref fields cannot have a default",
            "drop default=, or make the field optional",
        )),
    }
}

fn article(word: &str) -> &'static str {
    if ["integer", "email", "enum", "array"].contains(&word) {
        "an"
    } else {
        "a"
    }
}

fn is_email(text: &str) -> bool {
    text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !text.contains(char::is_whitespace)
    })
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, max: u32| {
        s.len() == len && s.parse::<u32>().is_ok_and(|n| n >= 1 && n <= max)
    };
    parts.len() == 3
        && number(parts[0], 4, 9999)
        && number(parts[1], 2, 12)
        && number(parts[2], 2, 31)
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}
