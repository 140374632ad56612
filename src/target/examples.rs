//! Sample values for the generated tests, as TypeScript: a valid value per field, and values its
//! schema and its form refuse.

use crate::model::{FieldSpec, FieldType};

/// A valid value as a TypeScript expression of the row number `n`, unique per `n` where the
/// type allows, and inside the field's bounds.
#[must_use]
pub fn example(spec: &FieldSpec, label: &str, enum_values: Option<&str>) -> String {
    let min = |default: i64| {
        spec.min
            .as_deref()
            .and_then(|m| m.parse::<i64>().ok())
            .unwrap_or(default)
    };
    let max = |default: i64| {
        spec.max
            .as_deref()
            .and_then(|m| m.parse::<i64>().ok())
            .unwrap_or(default)
    };
    let text = |max_len: i64| {
        let prose = format!("{label} ${{n}}");
        if max_len >= prose.len() as i64 + 6 && min(0) <= prose.len() as i64 - 3 {
            format!("`{prose}`")
        } else {
            format!("String(n).padStart({}, '0')", min(1).max(1))
        }
    };
    match &spec.ty {
        FieldType::String { max: length } => text(i64::from(*length)),
        FieldType::Text => text(max(10_000)),
        FieldType::Email => "`person${n}@example.com`".to_string(),
        FieldType::Url => "`https://example.com/${n}`".to_string(),
        FieldType::Integer | FieldType::Bigint => {
            let low = min(0);
            let span = (max(low + 1_000_000) - low + 1).max(1);
            if low == 0 {
                format!("n % {span}")
            } else {
                format!("{low} + (n % {span})")
            }
        }
        FieldType::Float => match (&spec.min, &spec.max) {
            (Some(bound), _) | (None, Some(bound)) => bound.clone(),
            (None, None) => "n + 0.5".to_string(),
        },
        FieldType::Decimal { precision, scale } => {
            format!("'{}'", decimal_example(*precision, *scale))
        }
        FieldType::Boolean => "n % 2 === 0".to_string(),
        FieldType::Date => "`2024-01-${String((n % 28) + 1).padStart(2, '0')}`".to_string(),
        FieldType::Datetime => {
            "new Date(Date.UTC(2024, 0, 1, 0, n % 60)).toISOString()".to_string()
        }
        FieldType::Uuid => "crypto.randomUUID()".to_string(),
        FieldType::Json => "{ note: `entry ${n}` }".to_string(),
        FieldType::Enum { .. } => {
            let values = enum_values.unwrap_or("[]");
            format!("{values}[n % {}]", values.matches(',').count() + 1)
        }
        FieldType::Array { of } => {
            let item = FieldSpec {
                ty: (**of).clone(),
                min: None,
                max: None,
                ..spec.clone()
            };
            format!("[{}]", example(&item, label, None))
        }
        FieldType::Ref { .. } => String::new(),
    }
}

fn decimal_example(precision: u32, scale: u32) -> String {
    let whole_digits = precision.saturating_sub(scale).min(2);
    let whole = if whole_digits == 0 {
        "0".to_string()
    } else {
        "12"[..whole_digits as usize].to_string()
    };
    if scale == 0 {
        whole
    } else {
        format!("{whole}.5{}", "0".repeat(scale as usize - 1))
    }
}

/// A value of the wrong shape for the create schema, or `None` if the type takes any JSON.
#[must_use]
pub fn invalid(ty: &FieldType) -> Option<String> {
    let value = match ty {
        FieldType::String { .. } | FieldType::Text => "12345",
        FieldType::Email => "'not-an-email'",
        FieldType::Url => "'not a url'",
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "'not a number'",
        FieldType::Decimal { .. } => "'twelve'",
        FieldType::Boolean => "'yes'",
        FieldType::Date => "'31/01/2024'",
        FieldType::Datetime => "'yesterday'",
        FieldType::Uuid | FieldType::Ref { .. } => "'not-a-uuid'",
        FieldType::Enum { .. } => "'not-a-listed-value'",
        FieldType::Array { .. } => "'not a list'",
        FieldType::Json => return None,
    };
    Some(value.to_string())
}

/// Text a form field could be given that its schema refuses (forms send only text); `None` where
/// every text is taken or the control offers no free text.
#[must_use]
pub fn form_invalid(ty: &FieldType) -> Option<String> {
    Some(match ty {
        FieldType::String { max } => format!("'x'.repeat({})", u64::from(*max) + 1),
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "'not a number'".into(),
        FieldType::Email => "'not-an-email'".into(),
        FieldType::Url => "'not a url'".into(),
        FieldType::Uuid | FieldType::Ref { .. } => "'not-a-uuid'".into(),
        FieldType::Date => "'not-a-date'".into(),
        FieldType::Enum { .. } => "'not-a-choice'".into(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_examples_fit_precision_and_scale() {
        assert_eq!(decimal_example(10, 2), "12.50");
        assert_eq!(decimal_example(4, 2), "12.50");
        assert_eq!(decimal_example(3, 2), "1.50");
        assert_eq!(decimal_example(2, 2), "0.50");
        assert_eq!(decimal_example(5, 0), "12");
    }
}
