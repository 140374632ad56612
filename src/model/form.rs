//! How each field appears in a resource's form: the kind of control it is, with what the form
//! template needs to write it (required, hint, bounds, options), and how the server action reads
//! the submitted value back.

use serde::Serialize;

use super::field_type::{DefaultValue, FieldType};
use super::{FieldNames, FieldSpec, RefTarget};

/// A field in the resource's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormField {
    /// What the control is.
    pub control: Control,
    /// The browser asks for a value before it submits.
    pub required: bool,
    /// The line under a control, for values typed in a way the control does not show.
    pub hint: Option<&'static str>,
    /// The function of `@/lib/forms` that reads the submitted value (`readText`).
    pub reader: &'static str,
    /// What the action makes of the field left empty; `None` for a checkbox (unticked is false).
    pub if_empty: Option<IfEmpty>,
    /// The choices of a `ref` to another resource, which the pages load for its select.
    pub choices: Option<Choices>,
    /// The new form's starting value, from the field's `default=`, when the form can show it: a
    /// checkbox left unticked would otherwise submit `false`.
    pub new_default: Option<FormValue>,
}

/// The kind of control a field is edited with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Control {
    /// A line of text, at most `max_length` characters when bounded.
    Text {
        max_length: Option<String>,
    },
    Email {
        max_length: Option<String>,
    },
    Url {
        max_length: Option<String>,
    },
    /// A whole number.
    Integer,
    /// Any number.
    Float,
    /// A number in steps of `step` (`0.01` for two decimals).
    Decimal {
        step: String,
    },
    /// Several lines of text.
    LongText,
    /// A JSON value, typed out.
    Json,
    /// A list, one item per line.
    List,
    Checkbox,
    Date,
    /// A date and time in the browser's time zone.
    Datetime,
    /// One of an enum's values (an empty first choice when the field is optional).
    EnumSelect {
        values: Vec<String>,
    },
    /// One of the rows a `ref` may point to, as the field's `choices` offer them.
    RefSelect,
}

impl Control {
    /// Its kind, as the templates name it (the `kind` it serializes with).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Control::Text { .. } => "text",
            Control::Email { .. } => "email",
            Control::Url { .. } => "url",
            Control::Integer => "integer",
            Control::Float => "float",
            Control::Decimal { .. } => "decimal",
            Control::LongText => "long_text",
            Control::Json => "json",
            Control::List => "list",
            Control::Checkbox => "checkbox",
            Control::Date => "date",
            Control::Datetime => "datetime",
            Control::EnumSelect { .. } => "enum_select",
            Control::RefSelect => "ref_select",
        }
    }
}

/// What an empty submission of a field means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IfEmpty {
    /// Keep the stored value: a private field (never shown, so never filled in again) or one
    /// with a default.
    Keep,
    /// Clear it: an optional field.
    Clear,
    /// Refuse the submission: a required field.
    Refuse,
}

/// A form's starting value: a checkbox's state, or the text of any other control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FormValue {
    Checked(bool),
    Text(String),
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

/// Builds the form field of a field.
#[must_use]
pub fn form_field(names: &FieldNames, spec: &FieldSpec, target: Option<&RefTarget>) -> FormField {
    let key = &names.camel;
    let choices = target.filter(|t| !t.is_user).map(|t| Choices {
        key: key.clone(),
        variable: format!("{key}Choices"),
        function: format!("list{}Choices", t.names.pascal),
        service: t.names.kebab.clone(),
    });
    let control = control(spec, choices.is_some());
    let checkbox = control == Control::Checkbox;
    let if_empty = if checkbox {
        None
    } else if spec.private || spec.default.is_some() {
        Some(IfEmpty::Keep)
    } else if spec.optional {
        Some(IfEmpty::Clear)
    } else {
        Some(IfEmpty::Refuse)
    };
    FormField {
        required: !spec.optional && spec.default.is_none() && !checkbox,
        hint: hint(spec, target),
        reader: reader(&spec.ty),
        if_empty,
        new_default: new_default(spec),
        choices,
        control,
    }
}

/// The control of a field; a `ref` is a select when its rows can be offered, else typed in.
fn control(spec: &FieldSpec, has_choices: bool) -> Control {
    match &spec.ty {
        FieldType::String { max } => Control::Text {
            max_length: Some(max.to_string()),
        },
        FieldType::Email => Control::Email {
            max_length: spec.max.clone(),
        },
        FieldType::Url => Control::Url {
            max_length: spec.max.clone(),
        },
        FieldType::Ref { .. } if has_choices => Control::RefSelect,
        FieldType::Ref { .. } | FieldType::Uuid => Control::Text { max_length: None },
        FieldType::Text => Control::LongText,
        FieldType::Integer | FieldType::Bigint => Control::Integer,
        FieldType::Float => Control::Float,
        FieldType::Decimal { scale, .. } => Control::Decimal {
            step: if *scale == 0 {
                "1".to_string()
            } else {
                format!("0.{}1", "0".repeat(*scale as usize - 1))
            },
        },
        FieldType::Boolean => Control::Checkbox,
        FieldType::Date => Control::Date,
        FieldType::Datetime => Control::Datetime,
        FieldType::Json => Control::Json,
        FieldType::Array { .. } => Control::List,
        FieldType::Enum { values } => Control::EnumSelect {
            values: values.clone(),
        },
    }
}

/// The reader of the submitted value.
fn reader(ty: &FieldType) -> &'static str {
    match ty {
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "readNumber",
        FieldType::Boolean => "readBoolean",
        FieldType::Datetime => "readDateTime",
        FieldType::Json => "readJson",
        FieldType::Array { of } => match **of {
            FieldType::Integer | FieldType::Bigint | FieldType::Float => "readNumberList",
            FieldType::Boolean => "readBooleanList",
            _ => "readTextList",
        },
        _ => "readText",
    }
}

/// A default the new form starts from; computed ones (`now`, `random`) are left to the server.
fn new_default(spec: &FieldSpec) -> Option<FormValue> {
    Some(match spec.default.as_ref()? {
        DefaultValue::Boolean(value) => FormValue::Checked(*value),
        DefaultValue::Text(text) | DefaultValue::Number(text) => FormValue::Text(text.clone()),
        DefaultValue::Integer(value) => FormValue::Text(value.to_string()),
        DefaultValue::Timestamp(text) if matches!(spec.ty, FieldType::Date) => {
            FormValue::Text(text.clone())
        }
        DefaultValue::Timestamp(_)
        | DefaultValue::Now
        | DefaultValue::RandomUuid
        | DefaultValue::Json(_) => return None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_field;

    fn field(spec: &str) -> FormField {
        let spec = parse_field(spec).expect("a valid field");
        form_field(&FieldNames::new(&spec.name, false), &spec, None)
    }

    #[test]
    fn each_type_has_its_control() {
        assert_eq!(
            field("title:string:max=80").control,
            Control::Text {
                max_length: Some("80".into())
            }
        );
        assert_eq!(field("body:text").control, Control::LongText);
        assert_eq!(
            field("price:decimal:precision=10:scale=2").control,
            Control::Decimal {
                step: "0.01".into()
            }
        );
        assert_eq!(
            field("whole:decimal:precision=10:scale=0").control,
            Control::Decimal { step: "1".into() }
        );
        assert_eq!(field("tags:array:string").reader, "readTextList");
        assert_eq!(field("scores:array:integer").reader, "readNumberList");
    }

    #[test]
    fn a_controls_kind_is_the_one_it_serializes_with() {
        for spec in [
            "a:string",
            "a:email",
            "a:url",
            "a:integer",
            "a:float",
            "a:decimal:precision=4:scale=1",
            "a:text",
            "a:json",
            "a:array:string",
            "a:boolean",
            "a:date",
            "a:datetime",
            "a:enum:x,y",
        ] {
            let control = field(spec).control;
            let json = serde_json::to_value(&control).expect("serializes");
            assert_eq!(json["kind"], control.kind(), "{spec}");
        }
        let json = serde_json::to_value(Control::RefSelect).expect("serializes");
        assert_eq!(json["kind"], Control::RefSelect.kind());
    }

    #[test]
    fn what_an_empty_field_means_follows_its_modifiers() {
        assert_eq!(field("a:string").if_empty, Some(IfEmpty::Refuse));
        assert_eq!(field("a:string?").if_empty, Some(IfEmpty::Clear));
        assert_eq!(field("a:string:default=x").if_empty, Some(IfEmpty::Keep));
        assert_eq!(field("a:string?:private").if_empty, Some(IfEmpty::Keep));
        assert_eq!(field("a:boolean").if_empty, None);
        assert!(field("a:string").required);
        assert!(!field("a:boolean").required);
        assert!(!field("a:integer:default=0").required);
    }

    #[test]
    fn a_new_form_starts_from_defaults_it_can_show() {
        assert_eq!(
            field("on:boolean:default=true").new_default,
            Some(FormValue::Checked(true))
        );
        assert_eq!(
            field("n:integer:default=3").new_default,
            Some(FormValue::Text("3".into()))
        );
        assert_eq!(field("at:datetime:default=now").new_default, None);
    }
}
