//! What a resource's list and detail pages show: the list's columns and sort headers, how each
//! value is shown, and the links to every resource's pages.

use serde::Serialize;

use super::form::Choices;
use super::layout;
use super::list_filters;
use super::{Field, FieldType};

/// The list and detail pages of a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourcePages {
    /// One per shown field: its header (a sort link when sortable) and its cell.
    pub columns: Vec<Column>,
    /// `<dt>…</dt>` and `<dd>…</dd>` of each shown field, laid out at twelve spaces.
    pub details: Vec<String>,
    /// The list's filter fields, each a `<Field>` laid out at twelve spaces.
    pub filters: Vec<String>,
    /// `const filterKeys: readonly string[] = ['title', 'status']`: the query keys the filters
    /// submit (the format stage lays it out).
    pub filter_keys: String,
    /// `import { BooleanValue, … } from '@/components/ui/value'`, when a field needs one.
    pub value_import: String,
    /// The choices the filters of `ref` fields offer, which the list page loads.
    pub filter_choices: Vec<Choices>,
    /// Whether the filters include a select, a number or a text input.
    pub filter_uses_select: bool,
    pub filter_uses_input: bool,
}

/// A column of the list's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// `<TableHead>…</TableHead>` or a `SortableHead`, at fourteen spaces.
    pub header: String,
    /// `<TableCell>…</TableCell>` at sixteen spaces.
    pub cell: String,
}

/// The list and detail pages of a resource with these fields (`sortable` as JSON keys).
#[must_use]
pub fn resource_pages(fields: &[Field], sortable: &[String]) -> ResourcePages {
    let shown: Vec<&Field> = fields.iter().filter(|f| !f.spec.private).collect();
    let mut components: Vec<&str> = Vec::new();
    let mut columns = Vec::new();
    let mut details = Vec::new();
    for field in &shown {
        let key = &field.names.camel;
        let label = &field.names.label;
        let header = if sortable.contains(key) {
            layout::jsx_element(
                "SortableHead",
                &[
                    format!("href={{sortHref(path, list, '{key}')}}"),
                    format!("order={{sortOrder(list, '{key}')}}"),
                ],
                |_| label.clone(),
                14,
            )
        } else {
            layout::jsx_element("TableHead", &[], |_| label.clone(), 14)
        };
        let (list_value, component) = value(field, false);
        let (detail_value, _) = value(field, true);
        components.extend(component);
        columns.push(Column {
            header,
            cell: layout::jsx_element("TableCell", &[], &list_value, 16),
        });
        details.push(layout::jsx_element(
            "dt",
            &["className=\"text-muted-foreground\"".to_string()],
            |_| label.clone(),
            12,
        ));
        details.push(layout::jsx_element("dd", &[], &detail_value, 12));
    }
    // Every row has a creation time: the list can always be sorted by it, newest first.
    components.push("DateTimeValue");
    let created = |indent: usize| {
        layout::jsx(
            "DateTimeValue",
            &["value={row.createdAt}".to_string()],
            indent,
        )
    };
    columns.push(Column {
        header: layout::jsx_element(
            "SortableHead",
            &[
                "href={sortHref(path, list, 'createdAt')}".to_string(),
                "order={sortOrder(list, 'createdAt')}".to_string(),
            ],
            |_| "Created".to_string(),
            14,
        ),
        cell: layout::jsx_element("TableCell", &[], created, 16),
    });
    details.push(layout::jsx_element(
        "dt",
        &["className=\"text-muted-foreground\"".to_string()],
        |_| "Created".to_string(),
        12,
    ));
    details.push(layout::jsx_element("dd", &[], created, 12));
    components.sort_unstable();
    components.dedup();
    // `DateTimeValue` (every page shows the creation time) has its own client module.
    let plain: Vec<String> = components
        .iter()
        .filter(|c| **c != "DateTimeValue")
        .map(ToString::to_string)
        .collect();
    let value_import = if plain.is_empty() {
        String::new()
    } else {
        layout::wrap(
            "import {",
            &plain,
            "} from '@/components/ui/value'",
            0,
            true,
        )
    };
    let filtered: Vec<&Field> = shown
        .iter()
        .copied()
        .filter(|f| f.spec.ty.is_filterable() && !matches!(f.spec.ty, FieldType::Datetime))
        .collect();
    let filters: Vec<(String, bool)> = filtered.iter().map(|f| list_filters::filter(f)).collect();
    let keys: Vec<String> = filtered
        .iter()
        .map(|f| format!("'{}'", f.names.camel))
        .collect();
    ResourcePages {
        filter_choices: filtered
            .iter()
            .filter_map(|f| f.form.choices.clone())
            .collect(),
        columns,
        details,
        // Typed, so that a list without a filter (`[]`) is a `string[]` too.
        filter_keys: format!(
            "const filterKeys: readonly string[] = [{}]",
            keys.join(", ")
        ),
        filter_uses_select: filters.iter().any(|(_, select)| *select),
        filter_uses_input: filters.iter().any(|(_, select)| !*select),
        filters: filters.into_iter().map(|(code, _)| code).collect(),
        value_import,
    }
}

/// How a page shows a field's value, laid out at the indent it is given, and the value
/// component it uses, if any.
fn value(field: &Field, detail: bool) -> (impl Fn(usize) -> String + use<>, Option<&'static str>) {
    let row = format!("row.{}", field.names.camel);
    let value = format!("value={{{row}}}");
    let element: Option<(&'static str, Vec<String>)> = match &field.spec.ty {
        FieldType::Boolean => Some(("BooleanValue", vec![value])),
        FieldType::Enum { .. } => Some(("EnumValue", vec![value])),
        FieldType::Date => Some(("DateValue", vec![value])),
        FieldType::Datetime => Some(("DateTimeValue", vec![value])),
        FieldType::Json if detail => Some(("JsonValue", vec![value, "block".to_string()])),
        FieldType::Json => Some(("JsonValue", vec![value])),
        FieldType::Array { .. } => Some(("ListValue", vec![value])),
        FieldType::Ref { .. } => match field.target.as_ref().filter(|t| !t.is_user) {
            Some(target) => {
                let href = format!("href=\"/{}\"", target.names.plural_kebab);
                Some(("RowLink", vec![href, value]))
            }
            None => None,
        },
        _ => None,
    };
    let component = element.as_ref().map(|(name, _)| *name);
    let optional = field.spec.optional;
    let show = move |indent: usize| match &element {
        Some((name, attrs)) => layout::jsx(name, attrs, indent),
        None if optional => format!("{{{row} ?? '—'}}"),
        None => format!("{{{row}}}"),
    };
    (show, component)
}

/// `const links = [{ href: '/posts', label: 'Posts' }, …]`: the pages of every resource, as
/// the header and the home page list them (prettier breaks an array of two or more objects).
#[must_use]
pub fn resource_links(resources: &[super::Resource]) -> String {
    let objects: Vec<String> = resources
        .iter()
        .map(|r| {
            let label = r.names.plural_human.clone();
            let label = label[..1].to_uppercase() + &label[1..];
            let items = [
                format!("href: '/{}'", r.names.plural_kebab),
                format!("label: '{label}'"),
            ];
            layout::wrap("{", &items, "}", 2, true)
        })
        .collect();
    let line = format!("const links = [{}]", objects.join(", "));
    if objects.len() == 1 && line.len() <= layout::WIDTH {
        return line;
    }
    let mut out = "const links = [\n".to_string();
    for object in &objects {
        out.push_str(&format!("  {object},\n"));
    }
    out.push(']');
    out
}

/// `const endpoints = ['/api/posts', …]`, laid out.
#[must_use]
pub fn endpoint_list(resources: &[super::Resource]) -> String {
    let paths: Vec<String> = resources
        .iter()
        .map(|r| format!("'/api/{}'", r.names.plural_kebab))
        .collect();
    layout::wrap("const endpoints = [", &paths, "]", 0, false)
}
