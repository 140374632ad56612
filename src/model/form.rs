//! How each field appears in the generated pages: its form control, how the server action reads
//! it back from the submitted form, and how the detail page shows it.

use serde::Serialize;

use super::field_type::FieldType;
use super::layout;
use super::{FieldNames, FieldSpec};

/// The form and page code of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormCode {
    /// The label's text: `Title`, `Tags (one per line)`.
    pub label: String,
    /// The control inside its `<label>`, laid out at eight spaces.
    pub control: String,
    /// A checkbox sits before its label text rather than under it.
    pub checkbox: bool,
    /// The entry of the action's form reader: `title: readText(form, 'title'),`
    pub read: String,
    /// The function it calls (`readText`), from `@/lib/forms`.
    pub reader: &'static str,
    /// The form's starting value from a row (`post`), a string or, for checkboxes, a boolean.
    pub default: String,
    /// How the detail page shows the row's value, as a string expression of `row`.
    pub display: String,
}

/// Builds the form code of a field (the pages call the row `row`).
#[must_use]
pub fn form_code(names: &FieldNames, spec: &FieldSpec) -> FormCode {
    let key = &names.camel;
    let optional = spec.optional;
    let (reader, control) = control(key, spec);
    // Left empty: a private field (never shown, so never filled in again) or one with a default
    // keeps what it has; an optional one is cleared; a required one is refused.
    let options = if reader == "readBoolean" {
        ""
    } else if spec.private || spec.default.is_some() {
        ", { keepIfEmpty: true }"
    } else if optional {
        ", { optional: true }"
    } else {
        ""
    };
    let read = format!("{key}: {reader}(form, '{key}'{options}),");
    let hint = match &spec.ty {
        FieldType::Array { .. } => " (one per line)",
        FieldType::Datetime => " (UTC)",
        FieldType::Json => " (JSON)",
        _ => "",
    };
    FormCode {
        label: format!("{}{hint}", names.label),
        checkbox: matches!(spec.ty, FieldType::Boolean),
        control,
        read,
        reader,
        default: default(key, spec),
        display: display(key, spec),
    }
}

/// What a resource's form component and server actions import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceForm {
    /// `import { formFailure, readText, … } from '@/lib/forms'`, laid out.
    pub readers_import: String,
    /// `import { Input } from '@/components/ui/input'`…: the controls the form uses.
    pub ui_imports: Vec<String>,
    /// Whether a checkbox needs the `checked` helper.
    pub has_checkbox: bool,
}

/// The imports of the form of a resource with these fields.
#[must_use]
pub fn resource_form(fields: &[super::Field]) -> ResourceForm {
    let mut readers: Vec<String> = vec!["formFailure".into()];
    readers.extend(fields.iter().map(|f| f.form.reader.to_string()));
    readers.sort();
    readers.dedup();
    let mut ui = vec![("Button", "button"), ("FieldError", "field-error")];
    for field in fields {
        let control = &field.form.control;
        for (component, module) in [
            ("Input", "input"),
            ("Select", "select"),
            ("Textarea", "textarea"),
        ] {
            if control.contains(&format!("<{component}")) && !ui.contains(&(component, module)) {
                ui.push((component, module));
            }
        }
    }
    ui.sort_by_key(|(_, module)| *module);
    ResourceForm {
        readers_import: layout::wrap("import {", &readers, "} from '@/lib/forms'", 0, true),
        ui_imports: ui
            .iter()
            .map(|(component, module)| {
                format!("import {{ {component} }} from '@/components/ui/{module}'")
            })
            .collect(),
        has_checkbox: fields.iter().any(|f| f.form.checkbox),
    }
}

fn attributes(key: &str, spec: &FieldSpec, extra: &[String]) -> Vec<String> {
    let mut attrs = vec![format!("name=\"{key}\"")];
    attrs.extend(extra.iter().cloned());
    if !spec.optional && spec.default.is_none() && !matches!(spec.ty, FieldType::Boolean) {
        attrs.push("required".into());
    }
    attrs
}

/// The reader of the submitted value, and the control's TSX.
fn control(key: &str, spec: &FieldSpec) -> (&'static str, String) {
    let value = format!("defaultValue={{value('{key}')}}");
    let input = |kind: &str, extra: &[String]| {
        let mut more = vec![format!("type=\"{kind}\"")];
        more.extend(extra.iter().cloned());
        more.push(value.clone());
        layout::jsx("Input", &attributes(key, spec, &more), 8)
    };
    let max = |limit: Option<String>| {
        limit
            .map(|n| vec![format!("maxLength={{{n}}}")])
            .unwrap_or_default()
    };
    let area = |rows: u8| {
        let more = [format!("rows={{{rows}}}"), value.clone()];
        layout::jsx("Textarea", &attributes(key, spec, &more), 8)
    };
    match &spec.ty {
        FieldType::String { max: limit } => {
            ("readText", input("text", &max(Some(limit.to_string()))))
        }
        FieldType::Email => ("readText", input("email", &max(spec.max.clone()))),
        FieldType::Url => ("readText", input("url", &max(spec.max.clone()))),
        FieldType::Uuid | FieldType::Ref { .. } => ("readText", input("text", &[])),
        FieldType::Text => ("readText", area(6)),
        FieldType::Integer | FieldType::Bigint => {
            ("readNumber", input("number", &["step={1}".to_string()]))
        }
        FieldType::Float => ("readNumber", input("number", &["step=\"any\"".to_string()])),
        FieldType::Decimal { scale, .. } => {
            let step = if *scale == 0 {
                "1".to_string()
            } else {
                format!("0.{}1", "0".repeat(*scale as usize - 1))
            };
            ("readText", input("number", &[format!("step=\"{step}\"")]))
        }
        FieldType::Boolean => (
            "readBoolean",
            layout::jsx(
                "input",
                &[
                    format!("name=\"{key}\""),
                    "type=\"checkbox\"".into(),
                    format!("defaultChecked={{checked('{key}')}}"),
                ],
                8,
            ),
        ),
        FieldType::Date => ("readText", input("date", &[])),
        FieldType::Datetime => ("readDateTime", input("datetime-local", &[])),
        FieldType::Json => ("readJson", area(4)),
        FieldType::Array { of } => {
            let reader = match **of {
                FieldType::Integer | FieldType::Bigint | FieldType::Float => "readNumberList",
                FieldType::Boolean => "readBooleanList",
                _ => "readTextList",
            };
            (reader, area(4))
        }
        FieldType::Enum { values } => ("readText", select(key, spec, values)),
    }
}

fn select(key: &str, spec: &FieldSpec, values: &[String]) -> String {
    let open = layout::jsx_open(
        "Select",
        &attributes(key, spec, &[format!("defaultValue={{value('{key}')}}")]),
        8,
    );
    let mut out = open;
    if spec.optional {
        out.push_str("\n          <option value=\"\">(none)</option>");
    }
    for value in values {
        out.push_str(&format!(
            "\n          <option value=\"{value}\">{value}</option>"
        ));
    }
    out.push_str("\n        </Select>");
    out
}

/// The row's value as text, for a value that is there (the callers handle null).
fn text_of(row: &str, ty: &FieldType, for_form: bool) -> String {
    match ty {
        FieldType::Datetime if for_form => format!("{row}.toISOString().slice(0, 16)"),
        FieldType::Datetime => format!("{row}.toISOString()"),
        FieldType::Json if for_form => format!("JSON.stringify({row}, null, 2)"),
        FieldType::Json => format!("JSON.stringify({row})"),
        FieldType::Array { .. } if for_form => format!("{row}.join('\\n')"),
        FieldType::Array { .. } => format!("{row}.join(', ')"),
        FieldType::Integer | FieldType::Bigint | FieldType::Float => format!("String({row})"),
        _ => row.to_string(),
    }
}

/// The form's starting value, from the row being edited (private fields are never read back).
fn default(key: &str, spec: &FieldSpec) -> String {
    let row = format!("row.{key}");
    if matches!(spec.ty, FieldType::Boolean) {
        // A checkbox has no third state: an optional boolean that is not set shows unchecked.
        let or_false = if spec.optional { " ?? false" } else { "" };
        return format!("{key}: {row}{or_false},");
    }
    let text = text_of(&row, &spec.ty, true);
    if spec.private {
        format!("{key}: '',")
    } else if spec.optional {
        format!("{key}: {row} === null ? '' : {text},")
    } else {
        format!("{key}: {text},")
    }
}

/// The detail page's text for the row's value.
fn display(key: &str, spec: &FieldSpec) -> String {
    let row = format!("row.{key}");
    let text = if matches!(spec.ty, FieldType::Boolean) {
        format!("{row} ? 'Yes' : 'No'")
    } else {
        text_of(&row, &spec.ty, false)
    };
    if spec.optional {
        format!("{row} === null ? '—' : {text}")
    } else {
        text
    }
}
