//! What a resource's generated tests assert: the access matrix (every action × every kind of
//! caller → the expected status), and which validation cases the fields allow.

use serde::Serialize;

use super::access::{ACTIONS, Principal, Rule};
use super::test_probes as probes;
use super::{Auth, Field, FieldType};

/// One cell of the access matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    /// `list`, `read`, `create`, `update` or `delete`.
    pub action: &'static str,
    /// `anonymous`, `owner`, `other` (a signed-in user who does not own the row) or a role.
    pub actor: String,
    pub status: u16,
    /// For `list` with status 200: whether the owner's row is in the caller's page.
    pub sees: bool,
}

/// The caller of each step of a CRUD test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrudSteps {
    pub create: String,
    pub read: String,
    pub update: String,
    pub list: String,
    pub delete: String,
}

/// A row the test factories create first, for a required reference to point at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Factory {
    /// The factory's name (`createCategoryRow`); first, so factories sort by it.
    pub name: String,
    /// The module it is in, `./{kebab}`.
    pub kebab: String,
    /// The factory takes the id of the user who owns the rows it makes.
    pub needs_owner: bool,
}

/// One key of the body the test factories send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodyEntry {
    pub key: String,
    /// The field's example value (a field that refers to nothing).
    pub example: bool,
    /// A required reference to a user: the owner's id.
    pub owner: bool,
    /// A required reference to another resource: the id of a row its factory makes.
    pub row_of: Option<Factory>,
}

/// The generated tests of one resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestPlan {
    /// The callers the tests sign in (never `anonymous`).
    pub actors: Vec<String>,
    pub cases: Vec<Case>,
    /// A caller allowed every action, for the CRUD test.
    pub crud_actor: Option<String>,
    /// When no caller may do everything: for each action, a caller the rules allow it (and who
    /// sees the row created), for a CRUD test that hands the row from one to the next.
    pub crud_steps: Option<CrudSteps>,
    /// Who submits each form of the actions' tests of invalid and cross-site forms: the CRUD
    /// caller for all, or, when nobody may do everything, the caller of each CRUD step.
    pub form_callers: Option<CrudSteps>,
    /// A caller allowed to create, read and list (the CRUD caller when there is one), for the
    /// validation and pagination tests: access rules that leave nobody every action still get
    /// them.
    pub writer_actor: Option<String>,
    /// What the resource's API test imports from `./helpers`: what its tests use, sorted.
    pub helper_imports: Vec<String>,
    /// A field the create schema requires, so `{}` is a 422.
    pub requires_input: bool,
    /// A field whose schema refuses some value: the test sends it a value of the wrong shape.
    pub invalid: Option<String>,
    /// A text field, to be given a NUL character (which PostgreSQL can't store): a 422.
    pub nul_text: Option<String>,
    /// A text list filter, likewise.
    pub nul_filter: Option<String>,
    /// A `ref` field to point at a missing row (422).
    pub missing_ref: Option<String>,
    /// A required `ref` to an owned resource whose rows the CRUD caller may read only when they
    /// own them: pointing it at another user's row is a 422, like a missing one.
    pub foreign_ref: Option<String>,
    /// Whether a unique field makes a second identical create a 409.
    pub unique: bool,
    /// A field to filter the list on.
    pub filter: Option<String>,
    /// A field of the resource's own to sort and page by.
    pub sort_probe: Option<String>,
    /// Body keys that come back in responses.
    pub public_keys: Vec<String>,
    /// Body keys that are stored but never returned.
    pub private_keys: Vec<String>,
    /// Every key a client may send, sorted: exactly the create schema's.
    pub input_keys: Vec<String>,
    /// The test factories of this resource take the id of the user who owns the rows they make
    /// (the resource is owned, or a required reference leads to the users table or an owned row).
    pub needs_owner: bool,
    /// The body factory needs the owner's id too (a required reference leads to a user).
    pub body_needs_owner: bool,
    /// The signed-in caller whose id the factories get: `owner`, or `other` for shared resources.
    pub row_owner: String,
    /// The test body's entries: an example value for each field, a row made by its factory for
    /// each required reference (optional ones are left out).
    pub body: Vec<BodyEntry>,
    /// The factories the body calls, each once, by name.
    pub factories: Vec<Factory>,
}

fn success(action: &str) -> u16 {
    match action {
        "create" => 201,
        "delete" => 204,
        _ => 200,
    }
}

fn expected(action: &'static str, rule: &Rule, actor: &str, role: &str, owns: bool) -> Case {
    let case = |status: u16, sees: bool| Case {
        action,
        actor: actor.to_string(),
        status,
        sees,
    };
    let allowed = rule.public
        || (actor != "anonymous"
            && rule.principals.iter().any(|p| {
                matches!(p, Principal::User) || matches!(p, Principal::Role(r) if r == role)
            }));
    if allowed {
        return case(success(action), true);
    }
    if actor == "anonymous" {
        return case(401, false);
    }
    if rule.principals.contains(&Principal::Owner) {
        return match (action, owns) {
            (_, true) => case(success(action), true),
            ("list", false) => case(200, false),
            _ => case(404, false),
        };
    }
    case(403, false)
}

/// Marks every resource whose required references lead to one that needs an owner.
pub(crate) fn finish_tests(resources: &mut [super::Resource], default_role: &str) {
    loop {
        let needy: Vec<String> = resources
            .iter()
            .filter(|r| r.tests.needs_owner)
            .map(|r| r.names.snake.clone())
            .collect();
        let mut changed = false;
        for resource in resources.iter_mut().filter(|r| !r.tests.body_needs_owner) {
            let leads = resource.fields.iter().any(|f| {
                !f.spec.optional
                    && f.target
                        .as_ref()
                        .is_some_and(|t| needy.contains(&t.names.snake))
            });
            if leads {
                resource.tests.needs_owner = true;
                resource.tests.body_needs_owner = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let needs: Vec<(String, bool)> = resources
        .iter()
        .map(|r| (r.names.snake.clone(), r.tests.needs_owner))
        .collect();
    let private_reads: Vec<(String, Rule)> = resources
        .iter()
        .filter(|r| r.owned)
        .map(|r| (r.names.snake.clone(), r.access.read.clone()))
        .collect();
    for resource in resources.iter_mut() {
        resource.tests.foreign_ref = probes::foreign_ref(resource, &private_reads, default_role);
    }
    for resource in resources.iter_mut() {
        let mut body = Vec::new();
        let mut factories = Vec::new();
        for field in &resource.fields {
            let entry = |example: bool, owner: bool, row_of: Option<Factory>| BodyEntry {
                key: field.names.camel.clone(),
                example,
                owner,
                row_of,
            };
            match &field.target {
                Some(_) if field.spec.optional => {}
                Some(target) if target.is_user => body.push(entry(false, true, None)),
                Some(target) => {
                    let factory = Factory {
                        name: format!("create{}Row", target.names.pascal),
                        kebab: target.names.kebab.clone(),
                        needs_owner: needs
                            .iter()
                            .any(|(n, owner)| *n == target.names.snake && *owner),
                    };
                    if !factories.contains(&factory) {
                        factories.push(factory.clone());
                    }
                    body.push(entry(false, false, Some(factory)));
                }
                None => body.push(entry(true, false, None)),
            }
        }
        factories.sort();
        resource.tests.body = body;
        resource.tests.factories = factories;
    }
}

/// Builds the test plan of a resource from its fields, ownership and access.
#[must_use]
pub fn test_plan(fields: &[Field], owned: bool, access: &super::Access, auth: &Auth) -> TestPlan {
    let mut actors: Vec<(String, String, bool)> = Vec::new();
    if auth.enabled {
        if owned {
            actors.push(("owner".into(), auth.default_role.clone(), true));
        }
        actors.push(("other".into(), auth.default_role.clone(), false));
        for role in auth.roles.iter().skip(1) {
            actors.push((role.clone(), role.clone(), false));
        }
    }
    let mut cases = Vec::new();
    for (action, rule) in access.rules() {
        cases.push(expected(action, rule, "anonymous", "", false));
        for (name, role, owns) in &actors {
            cases.push(expected(action, rule, name, role, *owns));
        }
    }
    let allowed = |actor: &str, actions: &[&str]| {
        cases
            .iter()
            .filter(|c| c.actor == actor && actions.contains(&c.action))
            .all(|c| c.status < 300 && c.sees)
    };
    // The creator of a row owns it, so "owner" covers a resource whose writes are owner-only.
    let creator = if owned { "owner" } else { "other" };
    let callers = || std::iter::once(creator.to_string()).chain(auth.roles.iter().skip(1).cloned());
    let (crud_actor, writer_actor) = if auth.enabled {
        let crud = callers().find(|a| allowed(a, &ACTIONS));
        let writer = crud
            .clone()
            .or_else(|| callers().find(|a| allowed(a, &["create", "read", "list"])));
        (crud, writer)
    } else {
        (Some("anonymous".to_string()), Some("anonymous".to_string()))
    };
    let crud_steps = if auth.enabled && crud_actor.is_none() {
        crud_steps(creator, &actors, &allowed)
    } else {
        None
    };
    let form_callers = crud_actor
        .as_ref()
        .map(|caller| CrudSteps {
            create: caller.clone(),
            read: caller.clone(),
            update: caller.clone(),
            list: caller.clone(),
            delete: caller.clone(),
        })
        .or_else(|| crud_steps.clone());
    let public = |f: &&Field| !f.spec.private;
    let mut plan = TestPlan {
        actors: actors.into_iter().map(|(name, _, _)| name).collect(),
        cases,
        crud_actor,
        crud_steps,
        form_callers,
        writer_actor,
        helper_imports: Vec::new(),
        requires_input: fields
            .iter()
            .any(|f| !f.spec.optional && f.spec.default.is_none()),
        invalid: fields
            .iter()
            .find(|f| f.spec.ty.refuses_some_value())
            .map(|f| f.names.camel.clone()),
        nul_text: fields
            .iter()
            .find(|f| is_text(&f.spec.ty))
            .map(|f| f.names.camel.clone()),
        nul_filter: fields
            .iter()
            .filter(public)
            .find(|f| is_text(&f.spec.ty) && f.spec.ty.is_filterable())
            .map(|f| f.names.camel.clone()),
        foreign_ref: None,
        missing_ref: fields
            .iter()
            .find(|f| f.target.is_some())
            .map(|f| f.names.camel.clone()),
        unique: fields.iter().any(|f| f.spec.unique),
        filter: fields
            .iter()
            .filter(public)
            .find(|f| {
                matches!(
                    f.spec.ty,
                    FieldType::String { .. }
                        | FieldType::Enum { .. }
                        | FieldType::Boolean
                        | FieldType::Integer
                )
            })
            .map(|f| f.names.camel.clone()),
        sort_probe: fields
            .iter()
            .find(|f| !f.spec.private && !f.spec.optional && f.spec.ty.is_sortable())
            .map(|f| f.names.camel.clone()),
        public_keys: fields
            .iter()
            .filter(public)
            .map(|f| f.names.camel.clone())
            .collect(),
        private_keys: fields
            .iter()
            .filter(|f| f.spec.private)
            .map(|f| f.names.camel.clone())
            .collect(),
        input_keys: {
            let mut keys: Vec<String> = fields.iter().map(|f| f.names.camel.clone()).collect();
            keys.sort();
            keys
        },
        needs_owner: auth.enabled
            && (owned
                || fields
                    .iter()
                    .any(|f| !f.spec.optional && f.target.as_ref().is_some_and(|t| t.is_user))),
        body_needs_owner: auth.enabled
            && fields
                .iter()
                .any(|f| !f.spec.optional && f.target.as_ref().is_some_and(|t| t.is_user)),
        row_owner: if owned {
            "owner".into()
        } else {
            "other".into()
        },
        body: Vec::new(),
        factories: Vec::new(),
    };
    plan.helper_imports = helper_imports(&plan, auth.enabled);
    plan
}

/// The helpers the resource's API test uses, given which of its tests it has (an unused import
/// is an eslint warning in the generated app).
fn helper_imports(plan: &TestPlan, auth: bool) -> Vec<String> {
    let mut helpers = vec!["apiRequest", "resetDatabase", "routeParams"];
    if plan.writer_actor.is_some() {
        helpers.push("MISSING_ID");
        if plan.requires_input || plan.invalid.is_some() || plan.nul_text.is_some() {
            helpers.push("readProblem");
        }
    }
    if plan.crud_actor.is_some() {
        helpers.push("pick");
    }
    if auth {
        helpers.extend(["signUp", "type TestUser"]);
    }
    helpers.sort_unstable();
    helpers.into_iter().map(str::to_string).collect()
}

/// Free text, which the contract holds to what PostgreSQL can store.
fn is_text(ty: &FieldType) -> bool {
    matches!(ty, FieldType::String { .. } | FieldType::Text)
}

/// For each action, the first caller (the row's creator first) the rules allow it and who sees
/// the row; none when the creator may not create (the cases assume the creator owns the row) or
/// some action has nobody.
fn crud_steps(
    creator: &str,
    actors: &[(String, String, bool)],
    allowed: &dyn Fn(&str, &[&str]) -> bool,
) -> Option<CrudSteps> {
    let names: Vec<&str> = std::iter::once(creator)
        .chain(actors.iter().map(|(name, _, _)| name.as_str()))
        .collect();
    if !allowed(creator, &["create"]) {
        return None;
    }
    let step = |action: &str| {
        names
            .iter()
            .find(|a| allowed(a, &[action]))
            .map(ToString::to_string)
    };
    Some(CrudSteps {
        create: creator.to_string(),
        read: step("read")?,
        update: step("update")?,
        list: step("list")?,
        delete: step("delete")?,
    })
}

#[cfg(test)]
mod tests {
    use crate::manifest::Manifest;

    fn plan_of(resource: &str, manifest: &str) -> super::TestPlan {
        let manifest = Manifest::parse(".".into(), "strata.toml", manifest.to_string()).unwrap();
        let app = crate::model::build(&manifest).unwrap();
        app.resources
            .into_iter()
            .find(|r| r.names.snake == resource)
            .unwrap()
            .tests
    }

    /// The access oracle: the status (and, for a list, whether the row is seen) each kind of
    /// caller gets, by rule. `owns`: the caller owns the row; `role`: the caller's role.
    #[test]
    fn the_access_oracle() {
        use super::{Principal, Rule};
        #[rustfmt::skip]
        let table: &[(&str, &str, &str, &str, bool, u16, bool)] = &[
            // rule            action    actor        role     owns  status sees
            ("public",         "list",   "anonymous", "",      false, 200, true),
            ("public",         "create", "anonymous", "",      false, 201, true),
            ("public",         "delete", "other",     "user",  false, 204, true),
            ("user",           "read",   "anonymous", "",      false, 401, false),
            ("user",           "update", "other",     "user",  false, 200, true),
            ("user",           "list",   "admin",     "admin", false, 200, true),
            ("owner",          "read",   "anonymous", "",      false, 401, false),
            ("owner",          "read",   "owner",     "user",  true,  200, true),
            ("owner",          "delete", "owner",     "user",  true,  204, true),
            ("owner",          "read",   "other",     "user",  false, 404, false),
            ("owner",          "update", "other",     "user",  false, 404, false),
            ("owner",          "list",   "other",     "user",  false, 200, false),
            ("owner",          "list",   "owner",     "user",  true,  200, true),
            ("admin",          "list",   "anonymous", "",      false, 401, false),
            ("admin",          "read",   "other",     "user",  false, 403, false),
            ("admin",          "list",   "other",     "user",  false, 403, false),
            ("admin",          "create", "owner",     "user",  true,  403, false),
            ("admin",          "create", "admin",     "admin", false, 201, true),
            ("owner admin",    "update", "admin",     "admin", false, 200, true),
            ("owner admin",    "update", "other",     "user",  false, 404, false),
            ("owner admin",    "list",   "other",     "user",  false, 200, false),
            ("owner admin",    "create", "anonymous", "",      false, 401, false),
            ("user owner",     "read",   "other",     "user",  false, 200, true),
            ("",               "read",   "admin",     "admin", false, 403, false),
            ("",               "read",   "anonymous", "",      false, 401, false),
        ];
        for &(rule, action, actor, role, owns, status, sees) in table {
            let rule = Rule::new(rule.split_whitespace().map(Principal::parse).collect());
            let action = super::ACTIONS.iter().find(|a| **a == action).unwrap();
            let case = super::expected(action, &rule, actor, role, owns);
            assert_eq!(
                (case.status, case.sees),
                (status, sees),
                "{action} by {actor} ({role}, owns: {owns}) under {:?}",
                rule.principals
            );
        }
    }

    #[test]
    fn a_resource_nobody_may_do_everything_with_still_gets_its_writer_tests() {
        let plan = plan_of(
            "b",
            "[app]\nname = \"q\"\n[auth]\nroles = [\"r\", \"s\"]\n\
             [resources.b]\nfields = [\"x:string\"]\nowned = true\naccess = { delete = \"s\" }\n",
        );
        assert_eq!(plan.crud_actor, None);
        assert_eq!(plan.writer_actor.as_deref(), Some("owner"));
        let steps = plan.crud_steps.expect("a CRUD test over several callers");
        assert_eq!(
            plan.form_callers.as_ref(),
            Some(&steps),
            "the form tests take the same steps"
        );
        assert_eq!(
            [
                steps.create,
                steps.read,
                steps.update,
                steps.list,
                steps.delete
            ],
            ["owner", "owner", "owner", "owner", "s"]
        );
        assert!(plan.helper_imports.contains(&"MISSING_ID".to_string()));
        assert!(!plan.helper_imports.contains(&"pick".to_string()));
    }

    #[test]
    fn a_body_makes_the_rows_its_required_references_need() {
        let manifest = "[app]\nname = \"q\"\n\
             [resources.shelf]\nfields = [\"label:string\"]\nowned = true\n\
             [resources.tag]\nfields = [\"word:string\"]\n\
             [resources.book]\nfields = [\"title:string\", \"shelf:ref:shelf\", \
             \"tag:ref:tag\", \"spare:ref:shelf?\", \"reader:ref:user\", \"alt:ref:tag\"]\n";
        let plan = plan_of("book", manifest);
        // Each entry as `key <- where its value comes from`.
        let entries: Vec<String> = plan
            .body
            .iter()
            .map(|e| match (e.example, e.owner, &e.row_of) {
                (true, false, None) => format!("{} <- its example", e.key),
                (false, true, None) => format!("{} <- the owner", e.key),
                (false, false, Some(f)) => {
                    format!("{} <- {} owned: {}", e.key, f.name, f.needs_owner)
                }
                _ => panic!("{} has no one source: {e:?}", e.key),
            })
            .collect();
        assert_eq!(
            entries,
            [
                "title <- its example",
                "shelfId <- createShelfRow owned: true",
                "tagId <- createTagRow owned: false",
                "readerId <- the owner",
                "altId <- createTagRow owned: false",
            ],
            "the optional reference is left out, the user's is the owner's id"
        );
        let factories: Vec<(&str, &str)> = plan
            .factories
            .iter()
            .map(|f| (f.name.as_str(), f.kebab.as_str()))
            .collect();
        assert_eq!(
            factories,
            [("createShelfRow", "shelf"), ("createTagRow", "tag")]
        );
        assert!(plan.needs_owner && plan.body_needs_owner);
        let tag = plan_of("tag", manifest);
        assert!(!tag.needs_owner, "nothing about a tag needs a user");
    }

    #[test]
    fn the_crud_caller_writes_too() {
        let plan = plan_of(
            "post",
            "[app]\nname = \"blog\"\n[resources.post]\nfields = [\"title:string\"]\nowned = true\n",
        );
        assert_eq!(plan.crud_actor.as_deref(), Some("owner"));
        assert_eq!(plan.writer_actor, plan.crud_actor);
        let callers = plan.form_callers.expect("the form tests' callers");
        assert!(
            [
                &callers.create,
                &callers.update,
                &callers.list,
                &callers.delete
            ]
            .iter()
            .all(|caller| caller.as_str() == "owner")
        );
        assert!(plan.helper_imports.contains(&"pick".to_string()));
    }
}
