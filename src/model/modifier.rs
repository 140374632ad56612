//! Field modifiers (`optional`, `unique`, `default=…`, `max=N`…): each checked against the type.

use std::ops::Range;

use super::defaults::parse_default;
use super::field::{FieldError, FieldSpec};
use super::field_type::{DefaultValue, FieldType};
use crate::diagnostic::did_you_mean;

pub(super) const MODIFIERS: &[&str] = &[
    "renamed_from",
    "optional",
    "unique",
    "index",
    "private",
    "default",
    "max",
    "min",
    "precision",
    "scale",
];

/// Largest `max` for a varchar column (PostgreSQL's limit).
const VARCHAR_LIMIT: u32 = 10_485_760;

/// Applies one `key[=value]` modifier to `field`.
pub(super) fn apply(
    field: &mut FieldSpec,
    key: &str,
    value: Option<&str>,
    span: Range<usize>,
) -> Result<(), FieldError> {
    match key {
        "optional" => {
            no_value(key, value, &span)?;
            field.optional = true;
        }
        "private" => {
            no_value(key, value, &span)?;
            field.private = true;
        }
        "unique" | "index" => {
            no_value(key, value, &span)?;
            if matches!(field.ty, FieldType::Json | FieldType::Array { .. }) {
                return Err(FieldError::at(
                    span,
                    format!("{} fields cannot be {key}", field.ty.keyword()),
                    format!("drop :{key}, or use a scalar type"),
                ));
            }
            if key == "unique" {
                field.unique = true
            } else {
                field.index = true
            }
        }
        "default" => {
            field.default = Some(parse_default(
                &field.ty,
                required(key, value, &span)?,
                span,
            )?)
        }
        "max" | "min" => {
            let bound = parse_bound(field, key, required(key, value, &span)?, span)?;
            if key == "max" {
                field.max = Some(bound)
            } else {
                field.min = Some(bound)
            }
        }
        "renamed_from" => {
            let old = required(key, value, &span)?;
            if !super::names::is_identifier(old) {
                return Err(FieldError::at(
                    span,
                    format!("renamed_from={old} is not a field name"),
                    "name the field as it was called before, e.g. renamed_from=title",
                ));
            }
            field.renamed_from = Some(old.to_string());
        }
        "precision" | "scale" => {
            let text = required(key, value, &span)?;
            let FieldType::Decimal { precision, scale } = &mut field.ty else {
                return Err(FieldError::at(
                    span,
                    format!("{key} applies only to decimal fields"),
                    format!("drop :{key}, or make the type decimal"),
                ));
            };
            let number: u32 = text
                .parse()
                .ok()
                .filter(|n| (key == "scale" || *n > 0) && *n <= 1000)
                .ok_or_else(|| {
                    FieldError::at(
                        span.clone(),
                        format!(
                            "{key}={text} is not a whole number from {} to 1000",
                            u32::from(key == "precision")
                        ),
                        format!("e.g. {key}=10"),
                    )
                })?;
            if key == "precision" {
                *precision = number
            } else {
                *scale = number
            }
        }
        _ => {
            let help = match did_you_mean(key, MODIFIERS.iter().copied()) {
                Some(candidate) => format!("did you mean {candidate:?}?"),
                None => format!("the modifiers are: {}", MODIFIERS.join(", ")),
            };
            return Err(FieldError::at(
                span,
                format!("unknown modifier {key:?}"),
                help,
            ));
        }
    }
    Ok(())
}

fn no_value(key: &str, value: Option<&str>, span: &Range<usize>) -> Result<(), FieldError> {
    match value {
        Some(_) => Err(FieldError::at(
            span.clone(),
            format!("modifier {key} takes no value"),
            format!("write just :{key}"),
        )),
        None => Ok(()),
    }
}

fn required<'a>(
    key: &str,
    value: Option<&'a str>,
    span: &Range<usize>,
) -> Result<&'a str, FieldError> {
    value.filter(|v| !v.is_empty()).ok_or_else(|| {
        FieldError::at(
            span.clone(),
            format!("modifier {key} needs a value"),
            format!("write {key}=<value>"),
        )
    })
}

fn parse_bound(
    field: &mut FieldSpec,
    key: &str,
    text: &str,
    span: Range<usize>,
) -> Result<String, FieldError> {
    if matches!(field.ty, FieldType::Decimal { .. }) {
        // A decimal travels as a string: the API contract can bound its digits, not its value.
        return Err(FieldError::at(
            span,
            format!("{key}= does not apply to a decimal"),
            "a decimal is bounded by its precision and scale; check its value in the service, or use float",
        ));
    }
    if field.ty.is_textual() || matches!(field.ty, FieldType::Array { .. }) {
        let limit = if key == "max" {
            VARCHAR_LIMIT
        } else {
            VARCHAR_LIMIT - 1
        };
        let n: u32 = text
            .parse()
            .ok()
            .filter(|n| *n <= limit && (key == "min" || *n > 0))
            .ok_or_else(|| {
                FieldError::at(
                    span.clone(),
                    format!("{key}={text} is not a valid length"),
                    format!(
                        "use a whole number from {} to {limit}",
                        u32::from(key == "max")
                    ),
                )
            })?;
        if let (FieldType::String { max }, "max") = (&mut field.ty, key) {
            *max = n;
        }
        return Ok(n.to_string());
    }
    if field.ty.is_numeric() {
        let whole = matches!(field.ty, FieldType::Integer | FieldType::Bigint);
        let valid = if whole {
            text.parse::<i64>().is_ok()
        } else {
            text.parse::<f64>().is_ok_and(f64::is_finite)
        };
        if !valid {
            let kind = if whole { "a whole number" } else { "a number" };
            return Err(FieldError::at(
                span,
                format!("{key}={text} is not {kind}"),
                format!("e.g. {key}=0"),
            ));
        }
        return Ok(text.to_string());
    }
    Err(FieldError::at(
        span,
        format!("{key} does not apply to {} fields", field.ty.keyword()),
        "min and max bound the length of text, the value of numbers, and the size of arrays",
    ))
}

/// Checks that the modifiers agree with each other once all are applied.
pub(super) fn check_combination(field: &FieldSpec, spec_len: usize) -> Result<(), FieldError> {
    let whole = 0..spec_len;
    if field.unique && field.index {
        return Err(FieldError::at(
            whole,
            "unique already creates an index",
            "drop :index",
        ));
    }
    if let FieldType::Decimal { precision, scale } = field.ty {
        if scale > precision {
            return Err(FieldError::at(
                whole,
                format!("scale={scale} is larger than precision={precision}"),
                "the scale counts digits after the point and must not exceed the precision",
            ));
        }
    }
    if let (Some(min), Some(max)) = (&field.min, &field.max) {
        let (min, max) = (
            min.parse::<f64>().unwrap_or(f64::MIN),
            max.parse::<f64>().unwrap_or(f64::MAX),
        );
        if min > max {
            return Err(FieldError::at(
                whole,
                format!("min={min} is larger than max={max}"),
                "swap them, or widen the range",
            ));
        }
    }
    if let Some(DefaultValue::Text(text)) = &field.default {
        let length = text.chars().count();
        let too_long = field
            .max
            .as_deref()
            .and_then(|m| m.parse::<usize>().ok())
            .is_some_and(|max| field.ty.is_textual() && length > max);
        let too_short = field
            .min
            .as_deref()
            .and_then(|m| m.parse::<usize>().ok())
            .is_some_and(|min| field.ty.is_textual() && length < min);
        if too_long || too_short {
            return Err(FieldError::at(
                whole,
                "the default does not fit the field's min/max length",
                "change the default or the bounds",
            ));
        }
    }
    if let (Some(DefaultValue::Integer(_) | DefaultValue::Number(_)), true) =
        (&field.default, field.ty.is_numeric())
    {
        let value = match &field.default {
            Some(DefaultValue::Integer(n)) => *n as f64,
            Some(DefaultValue::Number(text)) => text.parse().unwrap_or(0.0),
            _ => 0.0,
        };
        let below = field
            .min
            .as_deref()
            .and_then(|m| m.parse::<f64>().ok())
            .is_some_and(|min| value < min);
        let above = field
            .max
            .as_deref()
            .and_then(|m| m.parse::<f64>().ok())
            .is_some_and(|max| value > max);
        if below || above {
            return Err(FieldError::at(
                whole,
                "the default is outside the field's min/max range",
                "change the default or the bounds",
            ));
        }
    }
    Ok(())
}
