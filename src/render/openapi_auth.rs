//! The auth endpoints' part of the OpenAPI document.

use serde_json::{Map, Value, json};

use super::openapi::{Security, json_body, operation, problem, shared};
use crate::model::{Auth, contract};

pub(super) fn add(paths: &mut Map<String, Value>, schemas: &mut Map<String, Value>, auth: &Auth) {
    let jwt = auth.strategy == crate::model::Strategy::Jwt;
    let limits = &contract::LIMITS;
    schemas.insert(
        "User".into(),
        json!({
            "type": "object",
            "properties": {
                "id": { "type": "string", "format": "uuid" },
                "email": { "type": "string", "format": "email" },
                "role": { "type": "string", "enum": auth.roles },
                "createdAt": { "type": "string", "format": "date-time" }
            },
            "required": ["id", "email", "role", "createdAt"]
        }),
    );
    let email = json!({ "type": "string", "format": "email", "pattern": contract::PATTERNS.email, "maxLength": limits.email_max });
    let password =
        |min: u32| json!({ "type": "string", "minLength": min, "maxLength": limits.password_max });
    let object = |properties: Value, required: [&str; 2]| json!({ "type": "object", "properties": properties, "required": required, "additionalProperties": false });
    schemas.insert(
        "AuthRegistration".into(),
        object(
            json!({ "email": email, "password": password(limits.password_min) }),
            ["email", "password"],
        ),
    );
    schemas.insert(
        "AuthCredentials".into(),
        object(
            json!({ "email": email, "password": password(1) }),
            ["email", "password"],
        ),
    );
    schemas.insert(
        "AuthPasswordChange".into(),
        object(
            json!({ "currentPassword": password(1), "newPassword": password(limits.password_min) }),
            ["currentPassword", "newPassword"],
        ),
    );
    schemas.insert("AuthToken".into(), json!({ "type": "object", "properties": { "token": { "type": "string" } }, "required": ["token"] }));
    let too_many = || ("429".to_string(), shared("TooManyRequests"));
    let ok = |status: &str, description: &str, schema: &str| {
        (
            status.to_string(),
            json!({ "description": description, "content": json_body(schema) }),
        )
    };
    let no_content = |description: &str| ("204".to_string(), json!({ "description": description }));
    let register = operation(
        "Create an account",
        Security::None,
        Some("AuthRegistration"),
        Map::from_iter([
            ok("201", "The new user", "User"),
            ("409".into(), problem("Email already registered")),
            too_many(),
        ]),
    );
    let login = operation(
        "Sign in: sets the session cookies and returns the token",
        Security::None,
        Some("AuthCredentials"),
        Map::from_iter([
            ok("200", "Signed in", "AuthToken"),
            ("401".into(), problem("Invalid email or password")),
            too_many(),
        ]),
    );
    // Signing out twice, or without a session, is fine: there is nothing left to end.
    let logout = operation(
        "Sign out: revokes the session, if any, and clears the cookies",
        Security::Optional,
        None,
        Map::from_iter([no_content("Signed out")]),
    );
    let password_change = operation(
        "Change the password: needs the current one; the user's other sessions are revoked",
        Security::Required,
        Some("AuthPasswordChange"),
        Map::from_iter([no_content("Changed"), too_many()]),
    );
    let session = operation(
        "The signed-in user",
        Security::Required,
        None,
        Map::from_iter([ok("200", "The user", "User")]),
    );
    paths.insert("/api/auth/register".into(), json!({ "post": register }));
    paths.insert("/api/auth/login".into(), json!({ "post": login }));
    paths.insert("/api/auth/logout".into(), json!({ "post": logout }));
    paths.insert(
        "/api/auth/password".into(),
        json!({ "post": password_change }),
    );
    paths.insert("/api/auth/session".into(), json!({ "get": session }));
    // The single-route shape of the same endpoints.
    paths.insert(
        "/api/auth".into(),
        json!({ "post": login, "get": session, "delete": logout }),
    );
    if jwt {
        let refresh = operation(
            "Rotate the refresh token (a cookie) and issue a new access token",
            Security::None,
            None,
            Map::from_iter([
                ok("200", "Refreshed", "AuthToken"),
                ("401".into(), problem("No valid refresh token")),
                (
                    "403".into(),
                    problem("The refresh cookie came with a cross-site request"),
                ),
            ]),
        );
        paths.insert("/api/auth/refresh".into(), json!({ "post": refresh }));
    }
    if !auth.providers.is_empty() {
        add_providers(paths, auth);
    }
}

/// The browser redirects of a sign-in through a provider (not called by API clients).
fn add_providers(paths: &mut Map<String, Value>, auth: &Auth) {
    let ids: Vec<&str> = auth.providers.iter().map(|p| p.id).collect();
    let provider = json!({
        "name": "provider", "in": "path", "required": true,
        "schema": { "type": "string", "enum": ids }
    });
    paths.insert("/api/auth/oauth/{provider}".into(), json!({ "get": {
        "summary": "Start a sign-in with a provider: redirects to it, with state, PKCE and nonce kept in a 10-minute cookie",
        "parameters": [provider],
        "responses": { "307": { "description": "To the provider's authorization page" }, "404": problem("The provider is not configured") }
    }}));
    paths.insert("/api/auth/oauth/{provider}/callback".into(), json!({ "get": {
        "summary": "Where the provider sends the browser back: signs in, or explains on the login page why not",
        "parameters": [provider, { "name": "code", "in": "query", "schema": { "type": "string" } }, { "name": "state", "in": "query", "schema": { "type": "string" } }],
        "responses": { "303": { "description": "To the dashboard, signed in; or to /login?error=invalid_state|provider_error|email_unverified|email_in_use" }, "404": problem("The provider is not configured") }
    }}));
}
