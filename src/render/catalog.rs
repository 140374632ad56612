//! Which template becomes which file, for which apps: the one list of the generated tree.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, Value};

use super::Renderer;
use crate::error::Result;
use crate::model::{App, Orm, ResourceNames, contract, route_group};

/// Whether a template is rendered once, or once per resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    App,
    Resource,
}

/// The app configurations a template belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// Auth is on (`jwt` or `session`).
    Auth,
    /// Auth by access JWTs and refresh tokens (`jwt`).
    Jwt,
    /// Production needs settings the server checks as it starts: `AUTH_SECRET` with JWTs,
    /// `APP_ORIGIN` with sign-in providers, `DATABASE_URL` on PostgreSQL.
    StartupChecks,
    /// Sign-in through OAuth or OpenID providers (`[auth] providers`).
    OAuth,
    /// That provider is among `[auth] providers`.
    Provider(&'static str),
    /// Route handlers are generated (`api = routes | both`).
    Routes,
    /// Server actions and pages are generated (`api = actions | both`).
    Actions,
    /// The manifest has at least one resource.
    Resources,
    /// The app has server actions of any kind: the login forms' (auth) or the resources'.
    ServerActions,
}

impl When {
    pub(crate) fn holds(self, app: &App) -> bool {
        match self {
            When::Always => true,
            When::Auth => app.auth.enabled,
            When::Jwt => app.auth.strategy == crate::model::Strategy::Jwt,
            When::StartupChecks => {
                app.auth.strategy == crate::model::Strategy::Jwt
                    || !app.auth.providers.is_empty()
                    || app.database == crate::model::Database::Postgres
            }
            When::OAuth => !app.auth.providers.is_empty(),
            When::Provider(id) => app.auth.providers.iter().any(|p| p.id == id),
            When::Routes => app.api.routes(),
            When::Actions => app.api.actions(),
            When::ServerActions => app.auth.enabled || app.api.actions(),
            When::Resources => !app.resources.is_empty(),
        }
    }
}

/// One template and where it applies; its path is the output path, with `__kebab__` and
/// `__plural_kebab__` standing for a resource's names (see [`super::added::PLACEHOLDERS`]),
/// `_gitignore` for `.gitignore`, and a leading `_prisma/` or `_drizzle/` marking a file of one
/// data layer (the output path leaves it out).
pub struct Entry {
    pub template: &'static str,
    pub scope: Scope,
    pub when: When,
    /// The data layer the template is written for; `None`: every app's.
    pub orm: Option<Orm>,
}

impl Entry {
    /// Whether `app` has this file.
    pub(crate) fn applies(&self, app: &App) -> bool {
        self.when.holds(app) && self.orm.is_none_or(|orm| orm == app.orm)
    }

    /// Only in apps whose data layer is `orm`.
    const fn only(self, orm: Orm) -> Entry {
        Entry {
            orm: Some(orm),
            ..self
        }
    }
}

/// The folders of the templates written for one data layer, each mirroring the app tree.
pub const PRISMA_DIR: &str = "_prisma/";
pub const DRIZZLE_DIR: &str = "_drizzle/";

/// The template an override or a pack names by the path it had before the Drizzle templates
/// moved under [`DRIZZLE_DIR`] (`src/dal/pagination.ts`), by its name now; `None` for any other.
#[must_use]
pub fn moved_to_drizzle_dir(name: &str) -> Option<String> {
    let moved = format!("{DRIZZLE_DIR}{name}");
    CATALOG
        .iter()
        .any(|entry| entry.template == moved)
        .then_some(moved)
}

/// A template's path in the app tree: its name without the folder of its data layer.
#[must_use]
pub fn without_orm_dir(template: &str) -> &str {
    template
        .strip_prefix(PRISMA_DIR)
        .or_else(|| template.strip_prefix(DRIZZLE_DIR))
        .unwrap_or(template)
}

/// The folder of the components templates share (`[% component %]` blocks, called as
/// `[[ <tests.access_cases … /> ]]`): loaded with the templates, never rendered to a file.
pub const COMPONENTS_DIR: &str = "_components/";

const fn app(template: &'static str, when: When) -> Entry {
    Entry {
        template,
        scope: Scope::App,
        when,
        orm: None,
    }
}

const fn resource(template: &'static str, when: When) -> Entry {
    Entry {
        template,
        scope: Scope::Resource,
        when,
        orm: None,
    }
}

const fn drizzle(entry: Entry) -> Entry {
    entry.only(Orm::Drizzle)
}

const fn prisma(entry: Entry) -> Entry {
    entry.only(Orm::Prisma)
}

/// Below this many renders for each core, one thread renders them all (faster than spawning).
const RENDERS_PER_THREAD: usize = 400;

/// Every built-in template. A test checks that this list and `templates/` agree.
pub const CATALOG: &[Entry] = &include!("catalog_entries.rs");

/// A rendered file and the template it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    pub template: String,
    pub content: String,
}

/// The output path of a template, for a resource where it has one (and, for its route
/// handlers, the route group they are in).
#[must_use]
pub fn output_path(
    template: &str,
    resource: Option<&ResourceNames>,
    route_group: Option<&str>,
) -> String {
    let mut path = without_orm_dir(template).to_string();
    if let Some(names) = resource {
        let handlers = format!("src/{}/__plural_kebab__", route_group::API_DIR);
        if let Some(rest) = path.strip_prefix(&handlers) {
            path = format!(
                "src/{}{rest}",
                route_group::api_dir(route_group, "__plural_kebab__")
            );
        }
        path = path
            .replace("__plural_kebab__", &names.plural_kebab)
            .replace("__kebab__", &names.kebab);
    }
    match path.rsplit_once('/') {
        Some((dir, "_gitignore")) => format!("{dir}/.gitignore"),
        None if path == "_gitignore" => ".gitignore".to_string(),
        _ => path,
    }
}

/// Every template `app` renders, strata's and those the pack or the app adds, with its scope.
#[must_use]
pub fn templates<'a>(app: &App, renderer: &'a Renderer) -> Vec<(&'a str, Scope)> {
    CATALOG
        .iter()
        .filter(|entry| entry.applies(app))
        .map(|entry| (entry.template, entry.scope))
        .chain(
            renderer
                .added()
                .iter()
                .filter(|added| added.applies(app))
                .map(|added| (added.template.as_str(), added.scope)),
        )
        .collect()
}

/// The templates `app` renders once per resource.
#[must_use]
pub fn resource_templates<'a>(app: &App, renderer: &'a Renderer) -> Vec<&'a str> {
    templates(app, renderer)
        .into_iter()
        .filter(|(_, scope)| *scope == Scope::Resource)
        .map(|(template, _)| template)
        .collect()
}

/// Where each per-resource file of a renamed resource was, and where it goes: (old, new).
#[must_use]
pub fn moves(app: &App, renderer: &Renderer) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let templates = resource_templates(app, renderer);
    for resource in &app.resources {
        let Some(before) = &resource.renamed_from else {
            continue;
        };
        for template in &templates {
            let group = resource.route_group.as_deref();
            out.push((
                output_path(template, Some(before), group),
                output_path(template, Some(&resource.names), group),
            ));
        }
    }
    out
}

/// The parts of the app every template may read, without the resource list (which per-resource
/// templates do not need, and which would make rendering quadratic in the resource count).
#[derive(Serialize)]
pub(crate) struct AppSummary<'a> {
    name: &'a str,
    title: &'a str,
    database: crate::model::Database,
    orm: Orm,
    api: crate::model::Api,
    auth: &'a crate::model::Auth,
    strict_layers: bool,
    /// The contract's regular expressions and page limits, for `src/schemas/common.ts`.
    patterns: &'static contract::Patterns,
    limits: &'static contract::Limits,
    /// The npm versions of the formatter the app checks itself with (strata's own).
    formatter: Formatter,
}

/// The formatter's npm packages, at the versions strata formats with.
#[derive(Serialize)]
struct Formatter {
    dprint: &'static str,
    typescript_plugin: &'static str,
}

impl<'a> AppSummary<'a> {
    pub(crate) fn of(app: &'a App) -> Self {
        AppSummary {
            name: &app.name,
            title: &app.title,
            database: app.database,
            orm: app.orm,
            api: app.api,
            auth: &app.auth,
            strict_layers: app.strict_layers,
            patterns: &contract::PATTERNS,
            limits: &contract::LIMITS,
            formatter: Formatter {
                dprint: crate::format::DPRINT_VERSION,
                typescript_plugin: crate::format::TYPESCRIPT_PLUGIN_VERSION,
            },
        }
    }
}

/// What a template rendered once per app sees of each resource: enough to list and link them.
/// (The whole resource, with its fields, code and tests, would make the context of every
/// app-wide template as large as the manifest.)
#[derive(Serialize)]
struct ResourceSummary<'a> {
    names: &'a ResourceNames,
    owned: bool,
    access: &'a crate::model::Access,
    /// The keys a client may send (for the app-wide test of the input schemas).
    input_keys: &'a [String],
    /// The route group its route handlers are in.
    route_group: Option<&'a str>,
}

#[derive(Serialize)]
struct AppContext<'a> {
    #[serde(flatten)]
    summary: AppSummary<'a>,
    resources: Vec<ResourceSummary<'a>>,
    /// Every route handler under `/api` with the methods it answers, as the OpenAPI document
    /// lists them (for the `Allow` headers of `next.config.ts`).
    api_routes: Vec<super::openapi::ApiRoute>,
    /// The data model as a Mermaid `erDiagram`, for the README.
    er_diagram: String,
    /// `prisma/schema.prisma`, in apps whose data layer is Prisma.
    prisma_schema: Option<String>,
    /// The rows of the Prisma smoke test, in apps whose data layer is Prisma.
    prisma_smoke: Option<Vec<crate::target::prisma_smoke::SmokeRow>>,
}

/// Renders every template that applies to `app`, strata's and those the pack or the app adds,
/// keyed by output path, except the templates of the resources marked in `skip` (indexed like
/// `app.resources`; missing entries render).
///
/// # Errors
/// An added template that would write a file another template writes, or the first template
/// that fails to render.
pub fn render_app(
    app: &App,
    renderer: &Renderer,
    skip: &[bool],
) -> Result<BTreeMap<String, Rendered>> {
    super::added::check_outputs(app, renderer.added())?;
    let rendered: Vec<usize> = (0..app.resources.len())
        .filter(|i| !skip.get(*i).copied().unwrap_or(false))
        .collect();
    let summary = Value::from_serializable(&AppSummary::of(app));
    // A Prisma app's schema file and smoke test both come from its database schema: built once.
    let prisma = (app.orm == Orm::Prisma).then(|| {
        (
            crate::migrate::schema_of(app),
            crate::target::prisma_schema::model_names(app),
        )
    });
    let full = Value::from_serializable(&AppContext {
        summary: AppSummary::of(app),
        resources: app
            .resources
            .iter()
            .map(|r| ResourceSummary {
                names: &r.names,
                owned: r.owned,
                access: &r.access,
                input_keys: &r.tests.input_keys,
                route_group: r.route_group.as_deref(),
            })
            .collect(),
        api_routes: super::openapi::routes(app),
        er_diagram: crate::model::diagram::er_diagram(app),
        prisma_schema: prisma
            .as_ref()
            .map(|(schema, models)| crate::target::prisma_schema::schema_prisma(schema, models)),
        prisma_smoke: prisma
            .as_ref()
            .map(|(schema, models)| crate::target::prisma_smoke::rows(schema, models)),
    });
    // Serialized once: every per-resource template shares the value (cloning it is cheap).
    let resource_values: BTreeMap<usize, Value> = rendered
        .iter()
        .map(|i| {
            let view = crate::target::view::resource(&app.resources[*i], app.auth.enabled);
            (*i, Value::from_serializable(&view))
        })
        .collect();
    // What the data layer's templates need beyond the model: `prisma` or `drizzle`.
    let orm_values: BTreeMap<usize, Value> = rendered
        .iter()
        .map(|i| {
            let resource = &app.resources[*i];
            let value = match app.orm {
                Orm::Prisma => {
                    Value::from_serializable(&crate::target::prisma_dal::resource(resource))
                }
                Orm::Drizzle => Value::from_serializable(&crate::target::drizzle::table(resource)),
            };
            (*i, value)
        })
        .collect();
    let orm_key = match app.orm {
        Orm::Prisma => "prisma",
        Orm::Drizzle => "drizzle",
    };
    let mut jobs: Vec<(&str, Option<usize>)> = Vec::new();
    for (template, scope) in templates(app, renderer) {
        match scope {
            Scope::App => jobs.push((template, None)),
            Scope::Resource => jobs.extend(rendered.iter().map(|i| (template, Some(*i)))),
        }
    }
    let render_job = |(template, index): &(&str, Option<usize>)| -> Result<(String, Rendered)> {
        let mut context = Context::new();
        match index {
            None => context.insert_value("app", full.clone()),
            Some(i) => {
                context.insert_value("app", summary.clone());
                context.insert_value("resource", resource_values[i].clone());
                context.insert_value(orm_key, orm_values[i].clone());
            }
        }
        let content = renderer.render(template, &context)?;
        let resource = index.map(|i| &app.resources[i]);
        let path = output_path(
            template,
            resource.map(|r| &r.names),
            resource.and_then(|r| r.route_group.as_deref()),
        );
        Ok((
            path,
            Rendered {
                template: (*template).to_string(),
                content,
            },
        ))
    };
    // Rendering is pure and the jobs independent: split them across the cores, keep their order.
    crate::parallel::map_in_order(&jobs, RENDERS_PER_THREAD, render_job)
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_and_the_templates_folder_agree() {
        let on_disk: Vec<String> = crate::render::builtin_templates()
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !name.starts_with(COMPONENTS_DIR))
            .collect();
        let listed: Vec<&str> = CATALOG.iter().map(|e| e.template).collect();
        for name in &on_disk {
            assert!(
                listed.contains(&name.as_str()),
                "{name} is in templates/ but not in the catalog"
            );
        }
        for name in &listed {
            assert!(
                on_disk.iter().any(|n| n == name),
                "{name} is in the catalog but not in templates/"
            );
        }
    }

    #[test]
    fn each_data_layer_has_one_template_for_each_file() {
        for orm in [Orm::Drizzle, Orm::Prisma] {
            let mut seen = std::collections::BTreeSet::new();
            for entry in CATALOG.iter().filter(|e| e.orm.is_none_or(|o| o == orm)) {
                assert!(
                    seen.insert(output_path(entry.template, None, None)),
                    "{orm:?}: two templates write {}",
                    entry.template
                );
            }
        }
        for entry in CATALOG {
            assert_eq!(
                entry.template.starts_with(PRISMA_DIR),
                entry.orm == Some(Orm::Prisma),
                "{}: a Prisma template lives under {PRISMA_DIR}, and only there",
                entry.template
            );
            assert_eq!(
                entry.template.starts_with(DRIZZLE_DIR),
                entry.orm == Some(Orm::Drizzle),
                "{}: a Drizzle template lives under {DRIZZLE_DIR}, and only there",
                entry.template
            );
        }
    }

    #[test]
    fn every_template_parses() {
        if let Err(error) = Renderer::from_layers(None, &[]) {
            panic!("a built-in template does not parse: {error}");
        }
    }

    #[test]
    fn output_paths_fill_in_resource_names() {
        assert_eq!(output_path("_gitignore", None, None), ".gitignore");
        assert_eq!(
            output_path("src/app/_gitignore", None, None),
            "src/app/.gitignore"
        );
        let names = ResourceNames::new("blog_post");
        let handler = "src/app/api/__plural_kebab__/[id]/route.ts";
        assert_eq!(
            output_path(handler, Some(&names), None),
            "src/app/api/blog-posts/[id]/route.ts"
        );
        assert_eq!(
            output_path(handler, Some(&names), Some("v1")),
            "src/app/api/(v1)/blog-posts/[id]/route.ts"
        );
        assert_eq!(
            output_path(
                "src/app/__plural_kebab__/page.tsx",
                Some(&names),
                Some("v1")
            ),
            "src/app/blog-posts/page.tsx"
        );
    }
}
