//! Every key and value of the wrong kind in strata.toml, found in one run: serde stops reading at
//! the first, so when it does, the JSON Schema of the manifest (the editors' schema, one source
//! for the shape) names all of them, each at its place in the file.

use std::ops::Range;
use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use toml_edit::{Document, Item};

use super::schema::TEXT;
use crate::diagnostic::{Diagnostic, did_you_mean};

fn schema() -> &'static (Value, jsonschema::Validator) {
    static SCHEMA: OnceLock<(Value, jsonschema::Validator)> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let schema: Value = serde_json::from_str(TEXT).expect("the shipped schema is JSON");
        let validator = jsonschema::validator_for(&schema).expect("the shipped schema compiles");
        (schema, validator)
    })
}

/// `/resources/post/owned` → `resources`, `post`, `owned`.
fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The item at `path` in the parsed document.
fn item_at<'d>(document: &'d Document<&str>, path: &[String]) -> Option<&'d Item> {
    let mut item = document.as_item();
    for segment in path {
        item = match segment.parse::<usize>() {
            Ok(index) if item.get(index).is_some() => item.get(index)?,
            _ => item.get(segment.as_str())?,
        };
    }
    Some(item)
}

/// Where the key `name` of the table at `path` is written.
fn key_span(document: &Document<&str>, path: &[String], name: &str) -> Option<Range<usize>> {
    let (key, _) = item_at(document, path)?
        .as_table_like()?
        .get_key_value(name)?;
    key.span()
}

fn kind_name(kind: &TypeKind) -> String {
    let article = |name: String| {
        let an = name.starts_with(['a', 'e', 'i', 'o', 'u']);
        format!("{} {name}", if an { "an" } else { "a" })
    };
    match kind {
        TypeKind::Single(ty) => article(ty.to_string()),
        TypeKind::Multiple(types) => types
            .iter()
            .map(|ty| article(ty.to_string()))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

/// The keys the schema allows beside an unknown one (the `properties` next to the
/// `additionalProperties` that refused it).
fn allowed_keys(schema_path: &str) -> Vec<String> {
    let parent = schema_path
        .strip_suffix("/additionalProperties")
        .unwrap_or(schema_path);
    schema()
        .0
        .pointer(&format!("{parent}/properties"))
        .and_then(Value::as_object)
        .map(|keys| keys.keys().cloned().collect())
        .unwrap_or_default()
}

/// Every unknown key, value of the wrong type and missing table or key in `source`, as
/// diagnostics of `file`; empty when the shape is right or the text is not TOML.
#[must_use]
pub fn problems(file: &str, source: &str) -> Vec<Diagnostic> {
    let (Ok(document), Ok(table)) = (
        Document::parse(source),
        toml::from_str::<toml::Table>(source),
    ) else {
        return Vec::new();
    };
    let Ok(instance) = serde_json::to_value(table) else {
        return Vec::new();
    };
    let at = |span: Option<Range<usize>>| span.unwrap_or(0..0);
    let mut out = Vec::new();
    for error in schema().1.iter_errors(&instance) {
        let path = segments(error.instance_path().as_str());
        let place = path.join(".");
        match error.kind() {
            ValidationErrorKind::Type { kind } => {
                let span = item_at(&document, &path).and_then(Item::span);
                out.push(
                    Diagnostic::in_file(
                        file,
                        source,
                        at(span),
                        format!("{place} must be {}", kind_name(kind)),
                    )
                    .with_help("see `strata schema` for what each key takes"),
                );
            }
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed = allowed_keys(error.schema_path().as_str());
                for key in unexpected {
                    let help = match did_you_mean(key, allowed.iter().map(String::as_str)) {
                        Some(close) => format!("did you mean {close:?}?"),
                        None => format!("the keys here are: {}", allowed.join(", ")),
                    };
                    let where_ = if place.is_empty() {
                        "at the top level".to_string()
                    } else {
                        format!("in {place}")
                    };
                    out.push(
                        Diagnostic::in_file(
                            file,
                            source,
                            at(key_span(&document, &path, key)),
                            format!("unknown key {key:?} {where_}"),
                        )
                        .with_help(help),
                    );
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let help = if name == "app" {
                    "start the file with an [app] table: [app] name = \"my-app\"".to_string()
                } else {
                    format!("add {name} = … (see `strata schema`)")
                };
                let span = item_at(&document, &path).and_then(Item::span);
                let owner = if place.is_empty() {
                    "the manifest".to_string()
                } else {
                    place.clone()
                };
                out.push(
                    Diagnostic::in_file(file, source, at(span), format!("{owner} needs {name:?}"))
                        .with_help(help),
                );
            }
            // Values of the right type but not allowed (an unknown database, a bad role) are
            // the model's to report, with its own suggestions, once the manifest reads.
            _ => {}
        }
    }
    out
}
