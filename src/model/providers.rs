//! Sign-in providers (`[auth] providers`): which OAuth and OpenID providers the app offers.

use serde::Serialize;
use toml::Spanned;

use super::Strategy;
use super::build::Build;
use crate::diagnostic::did_you_mean;
use crate::manifest::Manifest;

/// One provider the generated app can sign users in with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provider {
    /// In the manifest, the URL (`/api/auth/oauth/github`) and the accounts table.
    pub id: &'static str,
    /// On the sign-in button.
    pub name: &'static str,
    /// The prefix of its environment variables (`GITHUB_CLIENT_ID`, `GITHUB_CLIENT_SECRET`).
    pub env: &'static str,
    pub scope: &'static str,
    /// OpenID Connect: an ID token names the user (GitHub has none; its API does).
    pub openid: bool,
}

const KNOWN: [Provider; 3] = [
    Provider {
        id: "github",
        name: "GitHub",
        env: "GITHUB",
        scope: "read:user user:email",
        openid: false,
    },
    Provider {
        id: "google",
        name: "Google",
        env: "GOOGLE",
        scope: "openid email",
        openid: true,
    },
    Provider {
        id: "oidc",
        name: "Single sign-on",
        env: "OIDC",
        scope: "openid email",
        openid: true,
    },
];

/// The providers of `[auth] providers`, in the order of [`KNOWN`] (so reordering the manifest
/// changes nothing); refuses unknown and repeated names, and providers without auth.
pub(super) fn parse_providers(
    manifest: &Manifest,
    raw: Option<&Spanned<Vec<Spanned<String>>>>,
    strategy: Strategy,
) -> Build<Vec<Provider>> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    if strategy == Strategy::None && !raw.get_ref().is_empty() {
        return Err(manifest
            .diagnostic(
                raw.span(),
                "sign-in providers need auth, but strategy is \"none\"",
            )
            .with_help("set [auth] strategy = \"jwt\" or \"session\", or remove providers"));
    }
    let mut chosen: Vec<&'static str> = Vec::new();
    for name in raw.get_ref() {
        let Some(provider) = KNOWN.iter().find(|p| p.id == name.get_ref()) else {
            let ids = KNOWN.iter().map(|p| p.id);
            let help = match did_you_mean(name.get_ref(), ids.clone()) {
                Some(candidate) => format!("did you mean {candidate:?}?"),
                None => format!("use any of: {}", ids.collect::<Vec<_>>().join(", ")),
            };
            return Err(manifest
                .diagnostic(
                    name.span(),
                    format!("unknown sign-in provider {:?}", name.get_ref()),
                )
                .with_help(help));
        };
        if chosen.contains(&provider.id) {
            return Err(manifest
                .diagnostic(
                    name.span(),
                    format!("provider {:?} is listed twice", provider.id),
                )
                .with_help("list each provider once"));
        }
        chosen.push(provider.id);
    }
    Ok(KNOWN
        .iter()
        .filter(|p| chosen.contains(&p.id))
        .cloned()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn providers(toml: &str) -> Result<Vec<&'static str>, String> {
        let manifest = Manifest::parse(".".into(), "strata.toml", toml.to_string())
            .map_err(|e| e.to_string())?;
        let auth = manifest.raw.auth.as_ref().map(Spanned::get_ref);
        let strategy = match auth.and_then(|a| a.strategy.as_ref()).map(Spanned::get_ref) {
            Some(s) if s == "none" => Strategy::None,
            _ => Strategy::Jwt,
        };
        parse_providers(&manifest, auth.and_then(|a| a.providers.as_ref()), strategy)
            .map(|list| list.iter().map(|p| p.id).collect())
            .map_err(|d| d.to_string())
    }

    #[test]
    fn keeps_a_fixed_order_whatever_the_manifest_order() {
        let toml = "[app]\nname = \"a\"\n[auth]\nproviders = [\"oidc\", \"github\"]\n";
        assert_eq!(providers(toml), Ok(vec!["github", "oidc"]));
        assert_eq!(providers("[app]\nname = \"a\"\n"), Ok(vec![]));
    }

    #[test]
    fn refuses_unknown_repeated_and_authless_providers() {
        let unknown = providers("[app]\nname = \"a\"\n[auth]\nproviders = [\"gihub\"]\n");
        let message = unknown.unwrap_err();
        assert!(message.contains("strata.toml:4:14"), "{message}");
        assert!(
            message.contains("unknown sign-in provider \"gihub\""),
            "{message}"
        );
        assert!(message.contains("did you mean \"github\""), "{message}");

        let twice =
            providers("[app]\nname = \"a\"\n[auth]\nproviders = [\"google\", \"google\"]\n");
        assert!(twice.unwrap_err().contains("listed twice"));

        let authless = "[app]\nname = \"a\"\n[auth]\nstrategy = \"none\"\nproviders = [\"oidc\"]\n";
        assert!(providers(authless).unwrap_err().contains("need auth"));
    }
}
