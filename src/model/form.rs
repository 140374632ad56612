//! How each field appears in a resource's form: its label, control and hint, wired for assistive
//! technology, and how the server action reads the submitted value back.

use serde::Serialize;

use super::field_type::FieldType;
use super::layout;
use super::statement_layout;
use super::{FieldNames, FieldSpec, RefTarget};

/// The indent of a control inside its `<Field>` in the form component.
const CONTROL_INDENT: usize = 8;

/// The form code of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormCode {
    /// `<Field data-invalid={invalid('title')}>`, laid out at six spaces.
    pub field_open: String,
    /// `<FieldLabel htmlFor="title">Title</FieldLabel>`, laid out at eight spaces (ten for a
    /// checkbox, which sits in a row with its label).
    pub label_tag: String,
    /// The control, laid out at eight spaces (ten for a checkbox).
    pub control: String,
    /// `<FieldDescription id="tags-hint">One per line.</FieldDescription>`, when there is a hint.
    pub hint_tag: Option<String>,
    /// `<FieldError id="title-error" messages={state?.errors?.title} />`, at eight spaces.
    pub error_tag: String,
    /// A checkbox sits before its label, in a row.
    pub checkbox: bool,
    /// The entry of the action's form reader: `title: readText(form, 'title'),`, at four spaces.
    pub read: String,
    /// The function it calls (`readText`), from `@/lib/forms`.
    pub reader: &'static str,
    /// The form's starting value from a row (`post`), a string or, for checkboxes, a boolean.
    pub default: String,
    /// The choices of a `ref` to another resource, which the pages load for its select.
    pub choices: Option<Choices>,
    /// The new form's starting value, from the field's `default=` (`flag: true,`), when the
    /// form can show it: a checkbox left unticked would otherwise submit `false`.
    pub new_default: Option<String>,
}

/// What a page loads for the select of a `ref` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choices {
    /// `categoryId`: the field's key in the form's `choices` prop.
    pub key: String,
    /// `categoryIdChoices`: the page's variable.
    pub variable: String,
    /// `listCategoryChoices`, from the target's service.
    pub function: String,
    /// `category`: the target service's module.
    pub service: String,
}

/// Builds the form code of a field.
#[must_use]
pub fn form_code(names: &FieldNames, spec: &FieldSpec, target: Option<&RefTarget>) -> FormCode {
    let key = &names.camel;
    let choices = target.filter(|t| !t.is_user).map(|t| Choices {
        key: key.clone(),
        variable: format!("{key}Choices"),
        function: format!("list{}Choices", t.names.pascal),
        service: t.names.kebab.clone(),
    });
    let hint = hint(spec, target);
    let (reader, control) = control(key, spec, hint.is_some(), choices.as_ref());
    // Left empty: a private field (never shown, so never filled in again) or one with a default
    // keeps what it has; an optional one is cleared; a required one is refused.
    let mut args = vec!["form".to_string(), format!("'{key}'")];
    if reader != "readBoolean" {
        if spec.private || spec.default.is_some() {
            args.push("{ keepIfEmpty: true }".to_string());
        } else if spec.optional {
            args.push("{ optional: true }".to_string());
        }
    }
    let checkbox = matches!(spec.ty, FieldType::Boolean);
    let label_indent = if checkbox { 10 } else { 8 };
    FormCode {
        field_open: layout::jsx_open("Field", &[format!("data-invalid={{invalid('{key}')}}")], 6),
        label_tag: layout::jsx_element(
            "FieldLabel",
            &[format!("htmlFor=\"{key}\"")],
            |_| names.label.clone(),
            label_indent,
        ),
        control,
        hint_tag: hint.map(|text| {
            layout::jsx_element(
                "FieldDescription",
                &[format!("id=\"{key}-hint\"")],
                |_| text.to_string(),
                8,
            )
        }),
        error_tag: layout::jsx(
            "FieldError",
            &[
                format!("id=\"{key}-error\""),
                format!("messages={{state?.errors?.{key}}}"),
            ],
            8,
        ),
        checkbox,
        read: statement_layout::assign_call(&format!("{key}:"), reader, &args, ",", 4),
        reader,
        default: default(key, spec),
        new_default: new_default(key, spec),
        choices,
    }
}

/// A default the new form starts from, laid out at four spaces; computed ones (`now`, `random`)
/// are left to the server.
fn new_default(key: &str, spec: &FieldSpec) -> Option<String> {
    use super::field_type::DefaultValue;
    let value = match spec.default.as_ref()? {
        DefaultValue::Boolean(value) => value.to_string(),
        DefaultValue::Text(text) | DefaultValue::Number(text) => super::typescript::quote(text),
        DefaultValue::Integer(value) => format!("'{value}'"),
        DefaultValue::Timestamp(text) if matches!(spec.ty, FieldType::Date) => {
            super::typescript::quote(text)
        }
        DefaultValue::Timestamp(_)
        | DefaultValue::Now
        | DefaultValue::RandomUuid
        | DefaultValue::Json(_) => return None,
    };
    Some(statement_layout::property(key, &value, 4))
}

/// The hint under a control, for values typed in a way the control does not show.
fn hint(spec: &FieldSpec, target: Option<&RefTarget>) -> Option<&'static str> {
    match &spec.ty {
        FieldType::Array { .. } => Some("One per line."),
        FieldType::Json => Some("A JSON value."),
        FieldType::Datetime => Some("In your time zone."),
        FieldType::Ref { .. } if target.is_some_and(|t| t.is_user) => Some("The id of a user."),
        _ => None,
    }
}

/// The attributes every control has: its name and id, whether it is required, and its ARIA
/// wiring to the hint and the error message.
fn attributes(key: &str, spec: &FieldSpec, hinted: bool, extra: &[String]) -> Vec<String> {
    let mut attrs = vec![format!("id=\"{key}\""), format!("name=\"{key}\"")];
    attrs.extend(extra.iter().cloned());
    if !spec.optional && spec.default.is_none() && !matches!(spec.ty, FieldType::Boolean) {
        attrs.push("required".into());
    }
    attrs.push(format!("aria-invalid={{invalid('{key}')}}"));
    let hint = if hinted { ", true" } else { "" };
    attrs.push(format!("aria-describedby={{describedBy('{key}'{hint})}}"));
    attrs
}

/// The reader of the submitted value, and the control's TSX.
fn control(
    key: &str,
    spec: &FieldSpec,
    hinted: bool,
    choices: Option<&Choices>,
) -> (&'static str, String) {
    let value = format!("defaultValue={{value('{key}')}}");
    let indent = CONTROL_INDENT;
    let input = |kind: &str, extra: &[String]| {
        let mut more = vec![format!("type=\"{kind}\"")];
        more.extend(extra.iter().cloned());
        more.push(value.clone());
        layout::jsx("Input", &attributes(key, spec, hinted, &more), indent)
    };
    let max = |limit: Option<String>| {
        limit
            .map(|n| vec![format!("maxLength={{{n}}}")])
            .unwrap_or_default()
    };
    let area = |rows: u8| {
        let more = [format!("rows={{{rows}}}"), value.clone()];
        layout::jsx("Textarea", &attributes(key, spec, hinted, &more), indent)
    };
    match &spec.ty {
        FieldType::String { max: limit } => {
            ("readText", input("text", &max(Some(limit.to_string()))))
        }
        FieldType::Email => ("readText", input("email", &max(spec.max.clone()))),
        FieldType::Url => ("readText", input("url", &max(spec.max.clone()))),
        FieldType::Ref { .. } => match choices {
            Some(_) => ("readText", ref_select(key, spec)),
            None => ("readText", input("text", &[])),
        },
        FieldType::Uuid => ("readText", input("text", &[])),
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
                "Checkbox",
                &attributes(
                    key,
                    spec,
                    hinted,
                    &[format!("defaultChecked={{checked('{key}')}}")],
                ),
                10,
            ),
        ),
        FieldType::Date => ("readText", input("date", &[])),
        FieldType::Datetime => (
            "readDateTime",
            layout::jsx(
                "DateTimeInput",
                &attributes(key, spec, hinted, &[value]),
                indent,
            ),
        ),
        FieldType::Json => ("readJson", area(4)),
        FieldType::Array { of } => {
            let reader = match **of {
                FieldType::Integer | FieldType::Bigint | FieldType::Float => "readNumberList",
                FieldType::Boolean => "readBooleanList",
                _ => "readTextList",
            };
            (reader, area(4))
        }
        FieldType::Enum { values } => ("readText", enum_select(key, spec, hinted, values)),
    }
}

fn option(value: &str, text: &str) -> String {
    select_option(value, text, CONTROL_INDENT + 2)
}

/// `<NativeSelectOption value="a">a</NativeSelectOption>` on a new line at `indent`.
pub(super) fn select_option(value: &str, text: &str, indent: usize) -> String {
    let element = layout::jsx_element(
        "NativeSelectOption",
        &[format!("value=\"{value}\"")],
        |_| text.to_string(),
        indent,
    );
    format!("\n{}{element}", " ".repeat(indent))
}

fn enum_select(key: &str, spec: &FieldSpec, hinted: bool, values: &[String]) -> String {
    let attrs = attributes(
        key,
        spec,
        hinted,
        &[format!("defaultValue={{value('{key}')}}")],
    );
    let mut out = layout::jsx_open("NativeSelect", &attrs, CONTROL_INDENT);
    if spec.optional {
        out.push_str(&option("", "(none)"));
    }
    for value in values {
        out.push_str(&option(value, value));
    }
    out.push_str(&format!("\n{}</NativeSelect>", " ".repeat(CONTROL_INDENT)));
    out
}

/// A select of the rows a `ref` may point to; an empty first option means "none" for an optional
/// field and makes the browser ask for a choice for a required one.
fn ref_select(key: &str, spec: &FieldSpec) -> String {
    let attrs = attributes(
        key,
        spec,
        false,
        &[format!("defaultValue={{value('{key}')}}")],
    );
    let pad = " ".repeat(CONTROL_INDENT);
    let empty = if spec.optional {
        "(none)"
    } else {
        "Choose one"
    };
    let mut out = layout::jsx_open("NativeSelect", &attrs, CONTROL_INDENT);
    out.push_str(&option("", empty));
    out.push_str(&choice_options(
        &format!("choices.{key}"),
        CONTROL_INDENT + 2,
    ));
    out.push_str(&format!("\n{pad}</NativeSelect>"));
    out
}

/// `{list.options.map((option) => (` … `))}` on a new line at `indent`: an option element per
/// choice; the arrow function on a line of its own when the list's name is too long to hug it.
pub(super) fn choice_options(list: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let hugged = format!("{{{list}.options.map((option) => (");
    let (open, inner, close) = if indent + hugged.len() <= layout::WIDTH {
        (hugged, indent + 2, "))}".to_string())
    } else {
        (
            format!("{{{list}.options.map(\n{pad}  (option) => ("),
            indent + 4,
            format!("),\n{pad})}}"),
        )
    };
    let body = " ".repeat(inner);
    let close_pad = " ".repeat(inner - 2);
    format!(
        "\n{pad}{open}\
         \n{body}<NativeSelectOption key={{option.value}} value={{option.value}}>\
         \n{body}  {{option.label}}\
         \n{body}</NativeSelectOption>\
         \n{close_pad}{close}"
    )
}

/// The row's value as the form's text (the callers handle null): a call's head and arguments,
/// or an expression prettier does not break.
fn text_of(row: &str, ty: &FieldType) -> (String, Option<Vec<String>>) {
    match ty {
        FieldType::Datetime => (format!("{row}.toISOString()"), None),
        FieldType::Json => (
            "JSON.stringify".to_string(),
            Some(vec![row.to_string(), "null".into(), "2".into()]),
        ),
        FieldType::Array { .. } => (format!("{row}.join('\\n')"), None),
        FieldType::Integer | FieldType::Bigint | FieldType::Float => {
            ("String".to_string(), Some(vec![row.to_string()]))
        }
        _ => (row.to_string(), None),
    }
}

/// The form's starting value, from the row being edited (private fields are never read back),
/// laid out at four spaces.
fn default(key: &str, spec: &FieldSpec) -> String {
    let row = format!("row.{key}");
    let indent = 4;
    if matches!(spec.ty, FieldType::Boolean) {
        // A checkbox has no third state: an optional boolean that is not set shows unchecked.
        let or_false = if spec.optional { " ?? false" } else { "" };
        return statement_layout::property(key, &format!("{row}{or_false}"), indent);
    }
    let (head, args) = text_of(&row, &spec.ty);
    let text = match &args {
        Some(args) => format!("{head}({})", args.join(", ")),
        None => head.clone(),
    };
    if spec.private {
        format!("{key}: '',")
    } else if spec.optional {
        let line = format!("{key}: {row} === null ? '' : {text},");
        let inner = " ".repeat(indent + 2);
        if indent + line.len() <= layout::WIDTH {
            line
        } else if indent + 2 + line.len() - key.len() - 2 <= layout::WIDTH {
            format!("{key}:\n{inner}{row} === null ? '' : {text},")
        } else {
            format!("{key}:\n{inner}{row} === null\n{inner}  ? ''\n{inner}  : {text},")
        }
    } else {
        match args {
            Some(args) => {
                statement_layout::assign_call(&format!("{key}:"), &head, &args, ",", indent)
            }
            None => statement_layout::property(key, &text, indent),
        }
    }
}
