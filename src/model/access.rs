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
