//! The auth endpoints' part of the OpenAPI document.

use serde_json::{Map, Value, json};

use super::openapi::{json_body, problem};
use crate::model::Auth;

pub(super) fn add(paths: &mut Map<String, Value>, schemas: &mut Map<String, Value>, auth: &Auth) {
    let jwt = auth.strategy == crate::model::Strategy::Jwt;
    schemas.insert(
        "User".into(),
        json!({
            "type": "object",
            "properties": {
                "id": { "type": "string", "format": "uuid" },
                "email": { "type": "string", "format": "email" },
                "role": { "type": "string" },
                "createdAt": { "type": "string", "format": "date-time" }
            },
            "required": ["id", "email", "role", "createdAt"]
        }),
    );
    schemas.insert("Credentials".into(), json!({
        "type": "object",
        "properties": { "email": { "type": "string", "format": "email" }, "password": { "type": "string", "minLength": 12, "maxLength": 128 } },
        "required": ["email", "password"],
        "additionalProperties": false
    }));
    schemas.insert("PasswordChange".into(), json!({
        "type": "object",
        "properties": { "currentPassword": { "type": "string", "minLength": 1, "maxLength": 128 }, "newPassword": { "type": "string", "minLength": 12, "maxLength": 128 } },
        "required": ["currentPassword", "newPassword"],
        "additionalProperties": false
    }));
    schemas.insert("Token".into(), json!({ "type": "object", "properties": { "token": { "type": "string" } }, "required": ["token"] }));
    let credentials = json!({ "required": true, "content": json_body("Credentials") });
    let secured = json!([{ "bearer": [] }, { "cookie": [] }]);
    paths.insert("/api/auth/register".into(), json!({ "post": {
        "summary": "Create an account", "requestBody": credentials,
        "responses": { "201": { "description": "The new user", "content": json_body("User") }, "409": problem("Email already registered"), "422": problem("Validation failed"), "429": problem("Too many attempts") }
    }}));
    paths.insert("/api/auth/login".into(), json!({ "post": {
        "summary": "Sign in: sets the session cookies and returns the token", "requestBody": credentials,
        "responses": { "200": { "description": "Signed in", "content": json_body("Token") }, "401": problem("Invalid email or password"), "422": problem("Validation failed"), "429": problem("Too many attempts") }
    }}));
    paths.insert(
        "/api/auth/logout".into(),
        json!({ "post": {
            "summary": "Sign out: revokes the session and clears the cookies", "security": secured,
            "responses": { "204": { "description": "Signed out" } }
        }}),
    );
    paths.insert("/api/auth/password".into(), json!({ "post": {
        "summary": "Change the password: needs the current one; the user's other sessions are revoked", "security": secured,
        "requestBody": { "required": true, "content": json_body("PasswordChange") },
        "responses": { "204": { "description": "Changed" }, "401": problem("Not signed in"), "403": problem("The current password is not correct"), "422": problem("Validation failed"), "429": problem("Too many attempts") }
    }}));
    paths.insert("/api/auth/session".into(), json!({ "get": {
        "summary": "The signed-in user", "security": secured,
        "responses": { "200": { "description": "The user", "content": json_body("User") }, "401": problem("Not signed in") }
    }}));
    if jwt {
        paths.insert("/api/auth/refresh".into(), json!({ "post": {
            "summary": "Rotate the refresh token and issue a new access token",
            "responses": { "200": { "description": "Refreshed", "content": json_body("Token") }, "401": problem("No valid refresh token") }
        }}));
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
