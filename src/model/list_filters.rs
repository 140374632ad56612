//! The filters of a resource's list page: one control per filterable field, in a GET form.

use super::layout;
use super::{Field, FieldType};

/// A filter's `<Field>` at twelve spaces, and whether its control is a select.
pub(super) fn filter(field: &Field) -> (String, bool) {
    let key = &field.names.camel;
    let id = format!("filter-{key}");
    let pad = " ".repeat(14);
    let label = layout::jsx_element(
        "FieldLabel",
        &[format!("htmlFor=\"{id}\"")],
        |_| field.names.label.clone(),
        14,
    );
    let base = vec![
        format!("id=\"{id}\""),
        format!("name=\"{key}\""),
        format!("defaultValue={{list.filters.{key}}}"),
    ];
    let options = |values: Vec<(String, String)>| {
        let mut out = layout::jsx_open("NativeSelect", &base, 14);
        for (value, text) in values {
            out.push_str(&super::form::select_option(&value, &text, 16));
        }
        out
    };
    let any = ("".to_string(), "Any".to_string());
    let (control, select) = match &field.spec.ty {
        FieldType::Boolean => {
            let values = vec![
                any,
                ("true".into(), "Yes".into()),
                ("false".into(), "No".into()),
            ];
            (format!("{}\n{pad}</NativeSelect>", options(values)), true)
        }
        FieldType::Enum { values } => {
            let mut all = vec![any];
            all.extend(values.iter().map(|v| (v.clone(), v.clone())));
            (format!("{}\n{pad}</NativeSelect>", options(all)), true)
        }
        FieldType::Ref { .. } if field.form.choices.is_some() => {
            let variable = &field.form.choices.as_ref().expect("choices").variable;
            let control = format!(
                "{}{}\n{pad}</NativeSelect>",
                options(vec![any]),
                super::form::choice_options(variable, 16)
            );
            (control, true)
        }
        ty => {
            let kind = match ty {
                FieldType::Integer
                | FieldType::Bigint
                | FieldType::Float
                | FieldType::Decimal { .. } => "number",
                FieldType::Date => "date",
                _ => "text",
            };
            let mut attrs = base.clone();
            attrs.insert(2, format!("type=\"{kind}\""));
            if kind == "number" {
                attrs.insert(3, "step=\"any\"".to_string());
            }
            (layout::jsx("Input", &attrs, 14), false)
        }
    };
    let out = format!(
        "<Field>\n{pad}{label}\n{pad}{control}\n{}</Field>",
        " ".repeat(12)
    );
    (out, select)
}
