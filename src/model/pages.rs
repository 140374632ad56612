//! What a resource's list and detail pages show: a column for each shown field (sortable or
//! not, and how its value is shown), and the list's filters.

use serde::Serialize;

use super::form::Choices;
use super::list_filters::{self, Filter};
use super::{Field, FieldType};

/// The list and detail pages of a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourcePages {
    /// One per shown (not private) field: the list's columns and the detail page's rows.
    pub columns: Vec<Column>,
    /// The kinds of value the columns show (`boolean`, `row_link`…), sorted, each once.
    pub shows: Vec<&'static str>,
    /// The list's filters, one per filterable field.
    pub filters: Vec<Filter>,
    /// The choices the filters of `ref` fields offer, which the list page loads.
    pub filter_choices: Vec<Choices>,
    /// Whether a filter picks from a list of values, and whether one is typed in.
    pub filter_uses_select: bool,
    pub filter_uses_input: bool,
}

/// A shown field: a column of the list's table and a row of the detail page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// `title`: the row's key.
    pub key: String,
    pub label: String,
    /// The list may be sorted by it.
    pub sortable: bool,
    pub show: Show,
}

/// How a page shows a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Show {
    /// As it is, or a dash when the field is optional and empty.
    Text {
        optional: bool,
    },
    /// Yes or no.
    Boolean,
    /// The value's name.
    Enum,
    Date,
    /// In the reader's time zone.
    Datetime,
    /// The JSON text (a block of its own on the detail page).
    Json,
    /// The items.
    List,
    /// A link to the row it points to, among the pages of the resource whose plural kebab-case
    /// name is `target`.
    RowLink {
        target: String,
    },
}

impl Show {
    /// Its kind, as the templates name it (the `kind` it serializes with).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Show::Text { .. } => "text",
            Show::Boolean => "boolean",
            Show::Enum => "enum",
            Show::Date => "date",
            Show::Datetime => "datetime",
            Show::Json => "json",
            Show::List => "list",
            Show::RowLink { .. } => "row_link",
        }
    }
}

/// The list and detail pages of a resource with these fields (`sortable` as JSON keys).
#[must_use]
pub fn resource_pages(fields: &[Field], sortable: &[String]) -> ResourcePages {
    let shown: Vec<&Field> = fields.iter().filter(|f| !f.spec.private).collect();
    let columns: Vec<Column> = shown
        .iter()
        .map(|field| Column {
            key: field.names.camel.clone(),
            label: field.names.label.clone(),
            sortable: sortable.contains(&field.names.camel),
            show: show(field),
        })
        .collect();
    let mut shows: Vec<&'static str> = columns.iter().map(|c| c.show.kind()).collect();
    shows.sort_unstable();
    shows.dedup();
    let filtered: Vec<&Field> = shown
        .iter()
        .copied()
        .filter(|f| f.spec.ty.is_filterable() && !matches!(f.spec.ty, FieldType::Datetime))
        .collect();
    let filters: Vec<Filter> = filtered.iter().map(|f| list_filters::filter(f)).collect();
    ResourcePages {
        filter_choices: filtered
            .iter()
            .filter_map(|f| f.form.choices.clone())
            .collect(),
        filter_uses_select: filters.iter().any(|f| f.control.is_select()),
        filter_uses_input: filters.iter().any(|f| !f.control.is_select()),
        columns,
        shows,
        filters,
    }
}

/// How the pages show a field's value.
fn show(field: &Field) -> Show {
    match &field.spec.ty {
        FieldType::Boolean => Show::Boolean,
        FieldType::Enum { .. } => Show::Enum,
        FieldType::Date => Show::Date,
        FieldType::Datetime => Show::Datetime,
        FieldType::Json => Show::Json,
        FieldType::Array { .. } => Show::List,
        FieldType::Ref { .. } => match field.target.as_ref().filter(|t| !t.is_user) {
            Some(target) => Show::RowLink {
                target: target.names.plural_kebab.clone(),
            },
            None => Show::Text {
                optional: field.spec.optional,
            },
        },
        _ => Show::Text {
            optional: field.spec.optional,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shows_kind_is_the_one_it_serializes_with() {
        for show in [
            Show::Text { optional: true },
            Show::Boolean,
            Show::Enum,
            Show::Date,
            Show::Datetime,
            Show::Json,
            Show::List,
            Show::RowLink {
                target: "posts".into(),
            },
        ] {
            let json = serde_json::to_value(&show).expect("serializes");
            assert_eq!(json["kind"], show.kind(), "{show:?}");
        }
    }
}
