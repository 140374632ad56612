//! The probes the generated tests use beyond the access matrix: text a form refuses, and a
//! reference to a row the caller may not read.

use super::access::{Principal, Rule};
use super::{Field, FieldType};

/// A required reference whose target's rows only their owners may read, when the bad-input
/// test's caller (a user with the default role, or a role of their own) is no exception.
pub(super) fn foreign_ref(
    resource: &super::Resource,
    private_reads: &[(String, Rule)],
    default_role: &str,
) -> Option<String> {
    let crud = resource.tests.writer_actor.as_ref()?;
    let role = match crud.as_str() {
        "owner" | "other" => default_role,
        role => role,
    };
    resource.fields.iter().find_map(|field| {
        let target = field.target.as_ref().filter(|_| !field.spec.optional)?;
        let (_, read) = private_reads
            .iter()
            .find(|(n, _)| *n == target.names.snake)?;
        let admits_caller = read.principals.iter().any(|p| match p {
            Principal::Public | Principal::User => true,
            Principal::Role(r) => r == role,
            Principal::Owner => false,
        });
        (!admits_caller).then(|| field.names.camel.clone())
    })
}

/// Text a form field could be given that its schema refuses (forms send only text).
pub(super) fn form_invalid(field: &Field) -> Option<(String, String)> {
    let value = match &field.spec.ty {
        FieldType::String { max } => format!("'x'.repeat({})", u64::from(*max) + 1),
        FieldType::Integer | FieldType::Bigint | FieldType::Float => "'not a number'".into(),
        FieldType::Email => "'not-an-email'".into(),
        FieldType::Url => "'not a url'".into(),
        FieldType::Uuid | FieldType::Ref { .. } => "'not-a-uuid'".into(),
        FieldType::Date => "'not-a-date'".into(),
        FieldType::Enum { .. } => "'not-a-choice'".into(),
        _ => return None,
    };
    Some((field.names.camel.clone(), value))
}
