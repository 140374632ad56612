//! The field DSL, `name:type[:modifier…]`, parsed into a checked [`FieldSpec`].

use std::ops::Range;

use serde::Serialize;

use super::field_type::{DefaultValue, FieldType, TYPE_ALIASES, TYPE_KEYWORDS};
use super::names::is_identifier;
use crate::diagnostic::did_you_mean;

/// One parsed field, before it is checked against the rest of the manifest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldSpec {
    pub name: String,
    pub ty: FieldType,
    pub optional: bool,
    pub unique: bool,
    pub index: bool,
    pub private: bool,
    pub default: Option<DefaultValue>,
    /// Lower bound: length for text, value for numbers, item count for arrays.
    pub min: Option<String>,
    /// Upper bound, as `min`.
    pub max: Option<String>,
    /// `renamed_from=<old>`: the field's earlier name, so the column is renamed, not replaced.
    pub renamed_from: Option<String>,
}

/// Why a field spec was refused, and where in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub message: String,
    pub help: String,
    /// Byte range inside the spec string.
    pub span: Range<usize>,
}

/// A `:`-separated part of the spec, with its byte range.
struct Segment<'a> {
    text: &'a str,
    span: Range<usize>,
}

fn segments(spec: &str) -> Vec<Segment<'_>> {
    let mut start = 0;
    spec.split(':')
        .map(|text| {
            let segment = Segment {
                text,
                span: start..start + text.len(),
            };
            start += text.len() + 1;
            segment
        })
        .collect()
}

fn error(span: Range<usize>, message: impl Into<String>, help: impl Into<String>) -> FieldError {
    FieldError {
        message: message.into(),
        help: help.into(),
        span,
    }
}

/// Parses one field spec such as `title:string:max=200` or `author:ref:user?`.
///
/// # Errors
/// A [`FieldError`] naming the part of the spec that is wrong and how to fix it.
pub fn parse_field(spec: &str) -> Result<FieldSpec, FieldError> {
    let parts = segments(spec.trim_end());
    let name = &parts[0];
    if name.text.is_empty() {
        return Err(error(
            0..spec.len().max(1),
            "a field needs a name",
            "write fields as name:type, e.g. title:string",
        ));
    }
    let bare_name = name.text.strip_suffix('?').unwrap_or(name.text);
    if !is_identifier(bare_name) {
        return Err(error(
            name.span.clone(),
            format!("field name {:?} is not an identifier", name.text),
            "use letters, digits and _ only, starting with a letter (e.g. published_at)",
        ));
    }
    let Some(type_segment) = parts.get(1) else {
        return Err(error(
            name.span.clone(),
            format!("field {:?} has no type", name.text),
            format!(
                "write {}:<type>, e.g. {}:string; types: {}",
                name.text,
                name.text,
                TYPE_KEYWORDS.join(", ")
            ),
        ));
    };
    let mut optional = name.text.ends_with('?');
    let (keyword, question) = strip_question(type_segment.text);
    optional |= question;
    let needs_argument = matches!(keyword, "enum" | "array" | "ref");
    let mut rest = 2;
    let ty = if needs_argument {
        let Some(argument) = parts.get(2).filter(|segment| !segment.text.is_empty()) else {
            return Err(error(
                type_segment.span.clone(),
                format!("type {keyword} needs an argument"),
                argument_help(keyword),
            ));
        };
        rest = 3;
        let (text, question) = strip_question(argument.text);
        optional |= question;
        parse_argument(keyword, text, argument.span.clone())?
    } else {
        FieldType::simple(keyword)
            .ok_or_else(|| unknown_type(keyword, type_segment.span.clone()))?
    };
    let mut field = FieldSpec {
        name: bare_name.to_string(),
        ty,
        optional,
        unique: false,
        index: false,
        private: false,
        default: None,
        min: None,
        max: None,
        renamed_from: None,
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut index = rest;
    while index < parts.len() {
        let segment = &parts[index];
        index += 1;
        let (key, mut value) = match segment.text.split_once('=') {
            Some((key, value)) => (key, Some(value.to_string())),
            None => (segment.text, None),
        };
        let mut span = segment.span.clone();
        // A default may itself hold colons (`default=https://…`): it runs until the next modifier.
        while let (Some(text), Some(next)) = (
            value.as_mut().filter(|_| key == "default"),
            parts.get(index),
        ) {
            let next_key = next.text.split_once('=').map_or(next.text, |(k, _)| k);
            if super::modifier::MODIFIERS.contains(&next_key) {
                break;
            }
            text.push(':');
            text.push_str(next.text);
            span.end = next.span.end;
            index += 1;
        }
        if key != "default" && value.as_deref().is_some_and(|v| v.ends_with('?')) {
            return Err(error(
                span,
                format!(
                    "{} is not a valid {key}: `?` goes right after the type",
                    segment.text
                ),
                format!(
                    "write {}:{}?:{key}={}",
                    bare_name,
                    field.ty.keyword(),
                    value.as_deref().unwrap_or("").trim_end_matches('?')
                ),
            ));
        }
        if seen.contains(&key) {
            return Err(error(
                span,
                format!("modifier {key} is given twice"),
                "keep one of them",
            ));
        }
        seen.push(key);
        super::modifier::apply(&mut field, key, value.as_deref(), span)?;
    }
    super::modifier::check_combination(&field, spec.len())?;
    Ok(field)
}

fn strip_question(text: &str) -> (&str, bool) {
    match text.strip_suffix('?') {
        Some(stripped) => (stripped, true),
        None => (text, false),
    }
}

fn argument_help(keyword: &str) -> String {
    match keyword {
        "enum" => "list the values after the type, e.g. status:enum:draft,published".into(),
        "array" => "name the item type, e.g. tags:array:string".into(),
        _ => "name the resource it points to, e.g. author:ref:user".into(),
    }
}

fn unknown_type(keyword: &str, span: Range<usize>) -> FieldError {
    let suggestion = TYPE_ALIASES
        .iter()
        .find(|(alias, _)| *alias == keyword)
        .map(|(_, canonical)| *canonical)
        .or_else(|| did_you_mean(keyword, TYPE_KEYWORDS.iter().copied()));
    let help = match suggestion {
        Some(candidate) => format!("did you mean {candidate:?}?"),
        None => format!("the types are: {}", TYPE_KEYWORDS.join(", ")),
    };
    error(span, format!("unknown type {keyword:?}"), help)
}

fn parse_argument(keyword: &str, text: &str, span: Range<usize>) -> Result<FieldType, FieldError> {
    match keyword {
        "enum" => {
            let values: Vec<String> = text.split(',').map(str::to_string).collect();
            for (index, value) in values.iter().enumerate() {
                if value.is_empty()
                    || !value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    return Err(error(
                        span,
                        format!("enum value {value:?} is not allowed"),
                        "enum values are non-empty words of letters, digits, _ and -, separated by commas",
                    ));
                }
                if values[..index].contains(value) {
                    return Err(error(
                        span,
                        format!("enum value {value:?} is listed twice"),
                        "list each value once",
                    ));
                }
            }
            Ok(FieldType::Enum { values })
        }
        "array" => {
            if text == "json" {
                return Err(error(
                    span,
                    "an array of json is not supported",
                    "use a json field holding the whole list",
                ));
            }
            if ["enum", "array", "ref"].contains(&text) {
                return Err(error(
                    span,
                    format!("an array of {text} is not supported"),
                    "arrays hold scalar types: string, text, integer, bigint, float, decimal, boolean, date, datetime, uuid, email, url",
                ));
            }
            let item = FieldType::simple(text).ok_or_else(|| unknown_type(text, span))?;
            Ok(FieldType::Array { of: Box::new(item) })
        }
        _ => {
            if !is_identifier(text) {
                return Err(error(
                    span,
                    format!("{text:?} is not a resource name"),
                    "name a resource of this manifest, e.g. author:ref:user",
                ));
            }
            Ok(FieldType::Ref {
                resource: text.to_string(),
            })
        }
    }
}

impl FieldError {
    pub(crate) fn at(
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        error(span, message, help)
    }
}
