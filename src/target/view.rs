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
    let mut value = serde_json::to_value(resource).expect("the model serializes");
    if let Some(fields) = value
        .get_mut("fields")
        .and_then(serde_json::Value::as_array_mut)
    {
        for (field, entry) in resource.fields.iter().zip(fields) {
            entry["code"] = serde_json::to_value(field_code(field)).expect("code serializes");
        }
    }
    value["code"] =
        serde_json::to_value(resource_code(resource, auth_enabled)).expect("code serializes");
    value
}
