//! The validated app model: what the manifest means, with every derived name precomputed.

pub mod access;
pub mod auth_build;
mod build;
pub mod contract;
mod defaults;
pub mod diagram;
pub mod field;
pub mod field_type;
pub mod form;
pub mod list_filters;
mod modifier;
pub mod names;
pub mod pages;
pub mod plural;
mod providers;
mod reserved;
pub mod resource_form;
mod resources;
pub mod route_group;
pub mod test_plan;
mod test_probes;

#[cfg(test)]
mod field_tests;

use serde::Serialize;

pub use access::{Access, Principal, Rule};
pub use build::{build, parse_cli_field};
pub use field::{FieldError, FieldSpec, parse_field};
pub use field_type::{DefaultValue, FieldType};
pub use names::{EnumNames, FieldNames, ResourceNames};
pub use providers::Provider;

/// The whole app as strata will render it.
#[derive(Debug, Clone, Serialize)]
pub struct App {
    pub name: String,
    /// `blog` → `Blog`: headings.
    pub title: String,
    pub database: Database,
    pub orm: Orm,
    pub api: Api,
    pub auth: Auth,
    /// Sorted by name, so that reordering the manifest changes nothing.
    pub resources: Vec<Resource>,
    pub strict_layers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Database {
    Pglite,
    Postgres,
}

/// The query client the data layer is written against; strata writes the migrations for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Orm {
    Drizzle,
    Prisma,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Api {
    Routes,
    Actions,
    Both,
}

impl Api {
    #[must_use]
    pub fn routes(self) -> bool {
        matches!(self, Api::Routes | Api::Both)
    }
    #[must_use]
    pub fn actions(self) -> bool {
        matches!(self, Api::Actions | Api::Both)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    Jwt,
    Session,
    None,
}

#[derive(Debug, Clone, Serialize)]
pub struct Auth {
    pub strategy: Strategy,
    /// Whether any auth is on (`strategy != none`).
    pub enabled: bool,
    /// The first is given to new users.
    pub roles: Vec<String>,
    /// The role new users get.
    pub default_role: String,
    /// OAuth and OpenID providers users may sign in with, in a fixed order.
    pub providers: Vec<Provider>,
    /// Whether each provider is among them (for the code only one of them needs).
    pub github: bool,
    pub google: bool,
    pub oidc: bool,
}

/// One entity, across every layer.
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    pub names: ResourceNames,
    pub fields: Vec<Field>,
    /// Rows belong to the user who created them (a `userId` column).
    pub owned: bool,
    pub access: Access,
    /// Fields a list may be sorted by, as JSON keys, including `createdAt`.
    pub sortable: Vec<String>,
    /// Fields a list may be filtered on with `?key=value`.
    pub filterable: Vec<String>,
    /// Resources this one points to (deduplicated), for imports.
    pub references: Vec<ResourceNames>,
    /// Whether any field is `private` (stored, never in a response).
    pub has_private: bool,
    /// What the generated tests of this resource assert.
    pub tests: test_plan::TestPlan,
    /// What its form, server actions and form pages need beyond each field.
    pub form: resource_form::ResourceForm,
    /// The list and detail pages' columns, filters and values.
    pub pages: pages::ResourcePages,
    /// How other resources' forms offer this one's rows, when a `ref` points here.
    pub choices: Option<ChoiceSource>,
    /// The names it had before `renamed_from`.
    pub renamed_from: Option<ResourceNames>,
    /// The route group its route handlers are in: its own `route_group`, else the app's.
    pub route_group: Option<String>,
    /// `@/app/api/(v1)/posts`: where its route handlers are imported from.
    pub route_import: String,
}

/// One column of a resource.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub names: FieldNames,
    pub spec: FieldSpec,
    /// The resource a `ref` points to; `None` for other types.
    pub target: Option<RefTarget>,
    /// The names of an enum field's type and values; `None` for other types.
    pub enumeration: Option<EnumNames>,
    /// Its control in the resource's form, and how the server action reads it.
    pub form: form::FormField,
    /// The column this field was stored in before `renamed_from`.
    pub renamed_from_column: Option<String>,
}

impl Field {
    /// Whether the field's column gets a plain (non-unique) index: `index`, or a `ref`.
    #[must_use]
    pub fn indexed(&self) -> bool {
        self.spec.index || matches!(self.spec.ty, FieldType::Ref { .. })
    }
}

/// How a resource's rows are offered in the select of a `ref` that points to it.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceSource {
    /// `name`: the key of an option's text (`id` when the resource has no required text field).
    pub label: String,
    /// `name`: the options' order, as a `?sort=` value (`-createdAt` without a label field).
    pub sort: String,
}

/// Where a `ref` field points.
#[derive(Debug, Clone, Serialize)]
pub struct RefTarget {
    pub names: ResourceNames,
    /// `ref:user` with auth on: the auth users table.
    pub is_user: bool,
    /// The target's rows belong to their creators (`owned = true`).
    pub owned: bool,
}
