//! Who may list, read, create, update and delete a resource: the access policy.

use serde::Serialize;

/// One kind of caller an access rule admits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "role")]
pub enum Principal {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user.
    User,
    /// The signed-in user who owns the row (owned resources only).
    Owner,
    /// A signed-in user with this role.
    Role(String),
}

impl Principal {
    /// Parses `public`, `user`, `owner` or a role name.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        match text {
            "public" => Principal::Public,
            "user" => Principal::User,
            "owner" => Principal::Owner,
            role => Principal::Role(role.to_string()),
        }
    }

    fn literal(&self) -> &str {
        match self {
            Principal::Public => "public",
            Principal::User => "user",
            Principal::Owner => "owner",
            Principal::Role(role) => role,
        }
    }
}

/// The principals one action admits (any of them suffices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub principals: Vec<Principal>,
    /// `owner`, `admin`: the principals as the manifest names them.
    pub literals: Vec<String>,
    /// Anyone may do it without signing in.
    pub public: bool,
    /// The rule in words, for docs: `anyone`, `the owner or admin`.
    pub prose: String,
}

impl Rule {
    #[must_use]
    pub fn new(principals: Vec<Principal>) -> Self {
        let words: Vec<String> = principals
            .iter()
            .map(|p| match p {
                Principal::Public => "anyone".to_string(),
                Principal::User => "any signed-in user".to_string(),
                Principal::Owner => "the owner".to_string(),
                Principal::Role(role) => format!("{role}s"),
            })
            .collect();
        Rule {
            public: principals.contains(&Principal::Public),
            literals: principals.iter().map(|p| p.literal().to_string()).collect(),
            prose: words.join(" or "),
            principals,
        }
    }
}

/// The five actions of a resource, each with its rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Access {
    pub list: Rule,
    pub read: Rule,
    pub create: Rule,
    pub update: Rule,
    pub delete: Rule,
}

/// The action names, in the order the manifest and the docs list them.
pub const ACTIONS: [&str; 5] = ["list", "read", "create", "update", "delete"];

impl Access {
    /// The defaults: public reads and signed-in writes; owned resources scoped to the owner;
    /// everything public without auth.
    #[must_use]
    pub fn defaults(auth_enabled: bool, owned: bool) -> Self {
        let rule = |p: Principal| Rule::new(vec![p]);
        if !auth_enabled {
            return Access {
                list: rule(Principal::Public),
                read: rule(Principal::Public),
                create: rule(Principal::Public),
                update: rule(Principal::Public),
                delete: rule(Principal::Public),
            };
        }
        let (read, write) = if owned {
            (Principal::Owner, Principal::Owner)
        } else {
            (Principal::Public, Principal::User)
        };
        Access {
            list: rule(read.clone()),
            read: rule(read),
            create: rule(Principal::User),
            update: rule(write.clone()),
            delete: rule(write),
        }
    }

    /// The rule of an action by name.
    pub fn rule_mut(&mut self, action: &str) -> Option<&mut Rule> {
        match action {
            "list" => Some(&mut self.list),
            "read" => Some(&mut self.read),
            "create" => Some(&mut self.create),
            "update" => Some(&mut self.update),
            "delete" => Some(&mut self.delete),
            _ => None,
        }
    }

    /// Every action with its rule, in order.
    #[must_use]
    pub fn rules(&self) -> [(&'static str, &Rule); 5] {
        [
            ("list", &self.list),
            ("read", &self.read),
            ("create", &self.create),
            ("update", &self.update),
            ("delete", &self.delete),
        ]
    }
}

/// Why a rule is refused, with the fix.
pub(crate) fn check_rule(
    action: &str,
    principals: &[Principal],
    auth_enabled: bool,
    owned: bool,
    roles: &[String],
) -> Result<(), (String, String)> {
    if principals.is_empty() {
        return Err((
            format!("access.{action} admits nobody"),
            "name at least one of public, user, owner or a role".into(),
        ));
    }
    for principal in principals {
        match principal {
            Principal::Public => {}
            _ if !auth_enabled => {
                return Err((
                    format!(
                        "access.{action} needs signed-in users, but [auth] strategy is \"none\""
                    ),
                    "use \"public\", or turn auth on with strategy = \"jwt\"".into(),
                ));
            }
            Principal::Owner if !owned => {
                return Err((
                    format!("access.{action} says \"owner\", but the resource is not owned"),
                    "add owned = true to the resource, or use \"user\"".into(),
                ));
            }
            Principal::Owner if action == "create" => {
                return Err((
                    "access.create cannot be \"owner\": a row has no owner before it exists".into(),
                    "use \"user\" (the creator becomes the owner)".into(),
                ));
            }
            Principal::Role(role) if !roles.contains(role) => {
                let known = roles
                    .iter()
                    .map(|r| format!("{r:?}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err((
                    format!(
                        "access.{action} names the role {role:?}, which [auth] roles does not list"
                    ),
                    format!("use public, user, owner or one of the roles: {known}"),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The access matrix the generated tests assert, against a table written by hand from the
    //! manifest's meaning (README, "The manifest"): `public` admits anyone, `user` any signed-in
    //! user, a role the users who have it, `owner` the row's creator; a caller no rule admits
    //! gets 401 when signed out, 404 (and a list without the row) on an owned row they may not
    //! see, 403 otherwise.

    use crate::manifest::Manifest;

    const MANIFEST: &str = r#"
[app]
name = "oracle"

[auth]
strategy = "jwt"
roles = ["user", "admin", "editor"]

[resources.open]
fields = ["title:string"]
access = { list = "public", read = "public", create = "public", update = "public", delete = "public" }

[resources.members]
fields = ["title:string"]
access = { list = "user", read = "user", create = "user", update = "user", delete = "user" }

[resources.staff]
fields = ["title:string"]
access = { list = "admin", read = "admin", create = "admin", update = "admin", delete = "admin" }

[resources.secret]
fields = ["title:string"]
owned = true
access = { list = "owner", read = "owner", create = "user", update = "owner", delete = "owner" }

[resources.moderated]
fields = ["title:string"]
owned = true
access = { list = ["owner", "admin"], read = ["owner", "admin"], create = "admin", update = ["owner", "admin"], delete = ["owner", "admin"] }

[resources.mixed]
fields = ["title:string"]
owned = true
access = { list = "public", read = "user", create = "editor", update = ["owner", "editor"], delete = "admin" }

[resources.shared]
fields = ["title:string"]

[resources.mine]
fields = ["title:string"]
owned = true
"#;

    /// `resource action: caller status …`, one row per action. `owner` owns the row and `other`
    /// does not (both have the first role, `user`); `admin` and `editor` own no row. A list's
    /// 200 says whether the owner's row is in the caller's page: `200+` it is, `200-` it is not.
    const TABLE: &str = "
open list: anonymous 200+ other 200+ admin 200+ editor 200+
open read: anonymous 200 other 200 admin 200 editor 200
open create: anonymous 201 other 201 admin 201 editor 201
open update: anonymous 200 other 200 admin 200 editor 200
open delete: anonymous 204 other 204 admin 204 editor 204

members list: anonymous 401 other 200+ admin 200+ editor 200+
members read: anonymous 401 other 200 admin 200 editor 200
members create: anonymous 401 other 201 admin 201 editor 201
members update: anonymous 401 other 200 admin 200 editor 200
members delete: anonymous 401 other 204 admin 204 editor 204

staff list: anonymous 401 other 403 admin 200+ editor 403
staff read: anonymous 401 other 403 admin 200 editor 403
staff create: anonymous 401 other 403 admin 201 editor 403
staff update: anonymous 401 other 403 admin 200 editor 403
staff delete: anonymous 401 other 403 admin 204 editor 403

secret list: anonymous 401 owner 200+ other 200- admin 200- editor 200-
secret read: anonymous 401 owner 200 other 404 admin 404 editor 404
secret create: anonymous 401 owner 201 other 201 admin 201 editor 201
secret update: anonymous 401 owner 200 other 404 admin 404 editor 404
secret delete: anonymous 401 owner 204 other 404 admin 404 editor 404

moderated list: anonymous 401 owner 200+ other 200- admin 200+ editor 200-
moderated read: anonymous 401 owner 200 other 404 admin 200 editor 404
moderated create: anonymous 401 owner 403 other 403 admin 201 editor 403
moderated update: anonymous 401 owner 200 other 404 admin 200 editor 404
moderated delete: anonymous 401 owner 204 other 404 admin 204 editor 404

mixed list: anonymous 200+ owner 200+ other 200+ admin 200+ editor 200+
mixed read: anonymous 401 owner 200 other 200 admin 200 editor 200
mixed create: anonymous 401 owner 403 other 403 admin 403 editor 201
mixed update: anonymous 401 owner 200 other 404 admin 404 editor 200
mixed delete: anonymous 401 owner 403 other 403 admin 204 editor 403

shared list: anonymous 200+ other 200+ admin 200+ editor 200+
shared read: anonymous 200 other 200 admin 200 editor 200
shared create: anonymous 401 other 201 admin 201 editor 201
shared update: anonymous 401 other 200 admin 200 editor 200
shared delete: anonymous 401 other 204 admin 204 editor 204

mine list: anonymous 401 owner 200+ other 200- admin 200- editor 200-
mine read: anonymous 401 owner 200 other 404 admin 404 editor 404
mine create: anonymous 401 owner 201 other 201 admin 201 editor 201
mine update: anonymous 401 owner 200 other 404 admin 404 editor 404
mine delete: anonymous 401 owner 204 other 404 admin 404 editor 404
";

    /// (resource, action, caller).
    type Key = (String, String, String);
    /// The status, and for a list whether the owner's row is in the page.
    type Outcome = (u16, Option<bool>);

    /// Every cell of [`TABLE`].
    fn table() -> Vec<(Key, Outcome)> {
        let mut rows = Vec::new();
        for line in TABLE.lines().filter(|line| !line.trim().is_empty()) {
            let (head, cells) = line.split_once(": ").expect("`resource action: …`");
            let (resource, action) = head.split_once(' ').expect("`resource action`");
            let words: Vec<&str> = cells.split_whitespace().collect();
            for pair in words.chunks(2) {
                let [caller, outcome] = pair else {
                    panic!("{line}: a caller without a status");
                };
                let (status, sees) = match outcome.strip_suffix(['+', '-']) {
                    Some(status) => (status, Some(outcome.ends_with('+'))),
                    None => (*outcome, None),
                };
                rows.push((
                    (resource.into(), action.into(), (*caller).into()),
                    (status.parse().expect("a status"), sees),
                ));
            }
        }
        rows
    }

    #[test]
    fn the_access_matrix_is_what_the_manifest_means() {
        let manifest = Manifest::parse(".".into(), "strata.toml", MANIFEST.to_string()).unwrap();
        let app = crate::model::build(&manifest).unwrap();
        let expected = table();
        let mut seen = 0;
        let mut wrong = Vec::new();
        for resource in &app.resources {
            for case in &resource.tests.cases {
                let key = (
                    resource.names.snake.clone(),
                    case.action.to_string(),
                    case.actor.clone(),
                );
                let Some((_, (status, sees))) = expected.iter().find(|(k, _)| *k == key) else {
                    wrong.push(format!("{key:?}: a case the table does not list"));
                    continue;
                };
                seen += 1;
                let sees_ok = sees.is_none_or(|sees| sees == case.sees);
                if case.status != *status || !sees_ok {
                    wrong.push(format!(
                        "{} {} by {}: expected {status}{}, got {} (sees the row: {})",
                        key.0,
                        key.1,
                        key.2,
                        sees.map_or("", |s| if s { "+" } else { "-" }),
                        case.status,
                        case.sees
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert_eq!(seen, expected.len(), "every row of the table is a case");
    }
}
