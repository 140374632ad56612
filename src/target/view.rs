//! A resource as its templates see it: the model's meaning, with the TypeScript the target
//! writes for it under `code` (the resource's, and each field's).

use crate::model::Resource;

use super::resource_code::resource_code;
use super::typescript::field_code;

/// The model of `resource` as JSON, with `code` beside the resource's and each field's facts.
///
/// # Panics
/// Never: the model and the code are plain data that always serialize.
#[must_use]
pub fn resource(resource: &Resource, auth_enabled: bool) -> serde_json::Value {
    // Each field's code once: the resource's enums and test examples are read from it.
    let field_codes: Vec<_> = resource.fields.iter().map(field_code).collect();
    let code = resource_code(resource, &field_codes, auth_enabled);
    let mut value = serde_json::to_value(resource).expect("the model serializes");
    if let Some(fields) = value
        .get_mut("fields")
        .and_then(serde_json::Value::as_array_mut)
    {
        for (entry, field_code) in fields.iter_mut().zip(&field_codes) {
            entry["code"] = serde_json::to_value(field_code).expect("code serializes");
        }
    }
    value["code"] = serde_json::to_value(code).expect("code serializes");
    value
}
