//! What a resource's form component and its pages need beyond each field: the readers the
//! actions call, the kinds of control the form holds, the choices its pages load.

use serde::Serialize;

use super::Field;
use super::form::Choices;

/// What a resource's form component, server actions and form pages share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceForm {
    /// The functions of `@/lib/forms` that read the fields (`readBoolean`, `readText`), sorted.
    pub readers: Vec<&'static str>,
    /// The kinds of control the form holds (`checkbox`, `text`…), sorted, each once.
    pub controls: Vec<&'static str>,
    /// Whether a field has a checkbox.
    pub has_checkbox: bool,
    /// Whether a control is also described by a hint.
    pub has_hints: bool,
    /// The selects of `ref` fields, whose choices the new and edit pages load.
    pub choices: Vec<Choices>,
    /// Whether a field starts from a default in the new form.
    pub has_new_defaults: bool,
    /// `listTaskChoices` when a `ref` points to the resource itself (its own service), else empty.
    pub self_choices: String,
}

/// What the form of a resource with these fields needs.
#[must_use]
pub fn resource_form(fields: &[Field], kebab: &str) -> ResourceForm {
    let mut readers: Vec<&'static str> = fields.iter().map(|f| f.form.reader).collect();
    readers.sort_unstable();
    readers.dedup();
    let mut controls: Vec<&'static str> = fields.iter().map(|f| f.form.control.kind()).collect();
    controls.sort_unstable();
    controls.dedup();
    let choices: Vec<Choices> = fields
        .iter()
        .filter_map(|f| f.form.choices.clone())
        .collect();
    ResourceForm {
        readers,
        has_checkbox: controls.contains(&"checkbox"),
        controls,
        has_hints: fields.iter().any(|f| f.form.hint.is_some()),
        has_new_defaults: fields.iter().any(|f| f.form.new_default.is_some()),
        self_choices: choices
            .iter()
            .find(|c| c.service == kebab)
            .map(|c| c.function.clone())
            .unwrap_or_default(),
        choices,
    }
}
