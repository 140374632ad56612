//! The probes the generated tests use beyond the access matrix: a reference to a row the caller
//! may not read.

use super::access::{Principal, Rule};

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
