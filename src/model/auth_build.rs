//! `[auth]` of the manifest: the strategy, the roles and the sign-in providers.

use toml::Spanned;

use super::build::{Build, choose};
use super::providers::parse_providers;
use super::{Auth, Strategy};
use crate::manifest::Manifest;

/// What is wrong with `role` as a role name, given the roles before it: (message, help).
#[must_use]
pub fn role_problem(role: &str, before: &[String]) -> Option<(String, String)> {
    if role.is_empty() || !role.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Some((
            format!("role {role:?} is not a lower-case word"),
            "use lower-case letters and _ (e.g. \"editor\")".into(),
        ));
    }
    if ["public", "owner"].contains(&role) {
        return Some((
            format!("{role:?} is an access keyword, not a role"),
            "choose another role name".into(),
        ));
    }
    if before.iter().any(|r| r == role) {
        return Some((
            format!("role {role:?} is listed twice"),
            "list each role once".into(),
        ));
    }
    None
}

/// `[auth]`: the strategy, the roles (new users get the first) and the sign-in providers.
pub(super) fn build_auth(manifest: &Manifest) -> Build<Auth> {
    let raw = manifest.raw.auth.as_ref().map(Spanned::get_ref);
    let strategy_options = [
        ("jwt", Strategy::Jwt),
        ("session", Strategy::Session),
        ("none", Strategy::None),
    ];
    let strategy = choose(
        manifest,
        raw.and_then(|a| a.strategy.as_ref()),
        &strategy_options,
        Strategy::Jwt,
        "auth strategy",
    )?;
    let mut roles = Vec::new();
    if let Some(raw_roles) = raw.and_then(|a| a.roles.as_ref()) {
        if raw_roles.get_ref().is_empty() {
            return Err(manifest.diagnostic(raw_roles.span(), "roles is empty").with_help("list at least one role; new users get the first (e.g. roles = [\"user\", \"admin\"])"));
        }
        for role in raw_roles.get_ref() {
            let text = role.get_ref();
            if let Some((message, help)) = role_problem(text, &roles) {
                return Err(manifest.diagnostic(role.span(), message).with_help(help));
            }
            roles.push(text.clone());
        }
    } else {
        roles = vec!["user".to_string(), "admin".to_string()];
    }
    let providers = parse_providers(manifest, raw.and_then(|a| a.providers.as_ref()), strategy)?;
    let offers = |id: &str| providers.iter().any(|p| p.id == id);
    Ok(Auth {
        github: offers("github"),
        google: offers("google"),
        oidc: offers("oidc"),
        enabled: strategy != Strategy::None,
        strategy,
        default_role: roles[0].clone(),
        roles,
        providers,
    })
}
