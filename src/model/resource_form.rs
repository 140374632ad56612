//! What a resource's form component and its pages import and declare, from its fields' controls.

use serde::Serialize;

use super::Field;
use super::form::Choices;
use super::layout;

/// What a resource's form component and server actions import and declare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceForm {
    /// `import { formFailure, readText, … } from '@/lib/forms'`, laid out.
    pub readers_import: String,
    /// `import { Input } from '@/components/ui/input'`…: what the form uses.
    pub ui_imports: Vec<String>,
    /// Whether a checkbox needs the `checked` helper.
    pub has_checkbox: bool,
    /// Whether a control is also described by a hint.
    pub has_hints: bool,
    /// The selects of `ref` fields, whose choices the new and edit pages load.
    pub choices: Vec<Choices>,
    /// `flag: true,`…: the new form's starting values, from the fields' defaults.
    pub new_defaults: Vec<String>,
    /// `listTaskChoices` when a `ref` points to the resource itself (its own service), else empty.
    pub self_choices: String,
    /// `type ChoiceField = 'categoryId' | …`, laid out, when there are choices.
    pub choice_fields_type: String,
}

/// The imports and declarations of a resource's form.
#[must_use]
pub fn resource_form(fields: &[Field], kebab: &str) -> ResourceForm {
    let mut readers: Vec<String> = vec!["formFailure".into()];
    readers.extend(fields.iter().map(|f| f.form.reader.to_string()));
    readers.sort();
    readers.dedup();
    let uses = |component: &str| {
        fields.iter().any(|f| {
            f.form.control.contains(&format!("<{component} "))
                || f.form.control.contains(&format!("<{component}\n"))
        })
    };
    let mut ui = vec!["import { Button } from '@/components/ui/button'".to_string()];
    if uses("Checkbox") {
        ui.push("import { Checkbox } from '@/components/ui/checkbox'".into());
    }
    if uses("DateTimeInput") {
        ui.push("import { DateTimeInput } from '@/components/ui/date-time'".into());
    }
    let has_hints = fields.iter().any(|f| f.form.hint_tag.is_some());
    let described = has_hints || fields.iter().any(|f| f.form.choices.is_some());
    let field_parts: Vec<String> = ["Field", "FieldDescription", "FieldError", "FieldLabel"]
        .iter()
        .filter(|part| **part != "FieldDescription" || described)
        .map(ToString::to_string)
        .collect();
    ui.push(layout::wrap(
        "import {",
        &field_parts,
        "} from '@/components/ui/field'",
        0,
        true,
    ));
    ui.push("import { FormMessage } from '@/components/ui/form-message'".into());
    if uses("Input") {
        ui.push("import { Input } from '@/components/ui/input'".into());
    }
    if uses("NativeSelect") {
        ui.push(
            "import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select'"
                .into(),
        );
    }
    if uses("Textarea") {
        ui.push("import { Textarea } from '@/components/ui/textarea'".into());
    }
    let choices: Vec<Choices> = fields
        .iter()
        .filter_map(|f| f.form.choices.clone())
        .collect();
    let keys: Vec<String> = fields
        .iter()
        .filter(|f| f.form.choices.is_some())
        .map(|f| format!("'{}'", f.names.camel))
        .collect();
    ResourceForm {
        readers_import: layout::wrap("import {", &readers, "} from '@/lib/forms'", 0, true),
        ui_imports: ui,
        has_checkbox: fields.iter().any(|f| f.form.checkbox),
        has_hints,
        choice_fields_type: if keys.is_empty() {
            String::new()
        } else {
            layout::union("type ChoiceField", &keys)
        },
        new_defaults: fields
            .iter()
            .filter_map(|f| f.form.new_default.clone())
            .collect(),
        self_choices: choices
            .iter()
            .find(|c| c.service == kebab)
            .map(|c| c.function.clone())
            .unwrap_or_default(),
        choices,
    }
}
