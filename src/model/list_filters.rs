//! The filters of a resource's list page: one control per filterable field, in a GET form.

use serde::Serialize;

use super::{Field, FieldType};

/// A filter of the list page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// `title`: the field's key in the query.
    pub key: String,
    pub label: String,
    pub control: FilterControl,
}

/// How a filter's value is given; every select starts with "any".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FilterControl {
    /// A select of yes or no.
    YesNo,
    /// A select of an enum's values.
    OneOf { values: Vec<String> },
    /// A select of the rows a `ref` may point to, which the page loads into `variable`.
    Choice { variable: String },
    /// A number, typed in.
    Number,
    /// A date, picked.
    Date,
    /// Text, typed in.
    Text,
}

impl FilterControl {
    /// Whether the value is picked from a list.
    #[must_use]
    pub fn is_select(&self) -> bool {
        matches!(
            self,
            FilterControl::YesNo | FilterControl::OneOf { .. } | FilterControl::Choice { .. }
        )
    }
}

/// The filter of a filterable field.
pub(super) fn filter(field: &Field) -> Filter {
    let control = match (&field.spec.ty, &field.form.choices) {
        (FieldType::Boolean, _) => FilterControl::YesNo,
        (FieldType::Enum { values }, _) => FilterControl::OneOf {
            values: values.clone(),
        },
        (FieldType::Ref { .. }, Some(choices)) => FilterControl::Choice {
            variable: choices.variable.clone(),
        },
        (
            FieldType::Integer | FieldType::Bigint | FieldType::Float | FieldType::Decimal { .. },
            _,
        ) => FilterControl::Number,
        (FieldType::Date, _) => FilterControl::Date,
        _ => FilterControl::Text,
    };
    Filter {
        key: field.names.camel.clone(),
        label: field.names.label.clone(),
        control,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_are_the_filters_that_pick_from_a_list() {
        assert!(FilterControl::YesNo.is_select());
        assert!(FilterControl::OneOf { values: vec![] }.is_select());
        assert!(
            FilterControl::Choice {
                variable: "postIdChoices".into()
            }
            .is_select()
        );
        for typed in [
            FilterControl::Number,
            FilterControl::Date,
            FilterControl::Text,
        ] {
            assert!(!typed.is_select(), "{typed:?}");
        }
    }
}
