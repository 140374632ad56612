//! The tables auth needs: users (with a role enum), their sessions (hashed refresh tokens),
//! failed logins and registrations (the rate limits, kept in the database so they hold across
//! instances), and, with sign-in providers, the provider accounts of users.

use super::from_model::{TIMESTAMP, id_column, timestamps};
use super::schema::{Column, Index, Schema, Table};
use crate::model::{Auth, Strategy};

fn table(columns: Vec<Column>) -> Table {
    Table {
        columns,
        ..Table::default()
    }
}

/// Adds the auth tables; new users get the first role.
pub(super) fn add(schema: &mut Schema, auth: &Auth) {
    let strategy = auth.strategy;
    schema.enums.insert("user_role".into(), auth.roles.clone());
    // A user who signs in only through a provider has no password.
    let password_hash = Column::new("password_hash", "text");
    let mut users = table(vec![
        id_column(),
        Column::new("email", "varchar(255)").not_null().unique(),
        if auth.providers.is_empty() {
            password_hash.not_null()
        } else {
            password_hash
        },
        Column::new("role", "\"user_role\"")
            .not_null()
            .default(&format!("'{}'", auth.default_role)),
    ]);
    users.columns.extend(timestamps());
    schema.tables.insert("users".into(), users);

    // With JWTs a session is named by its rotating refresh token; with opaque sessions, by the
    // session token itself. Either is stored as its SHA-256.
    let token_columns = match strategy {
        Strategy::Jwt => vec![
            Column::new("refresh_token_hash", "text")
                .not_null()
                .unique(),
            Column::new("previous_refresh_token_hash", "text"),
        ],
        _ => vec![Column::new("token_hash", "text").not_null().unique()],
    };
    let mut sessions = table(
        [id_column(), Column::new("user_id", "uuid").not_null()]
            .into_iter()
            .chain(token_columns)
            .chain([
                Column::new("expires_at", TIMESTAMP).not_null(),
                Column::new("revoked_at", TIMESTAMP),
            ])
            .collect(),
    );
    sessions.columns.extend(timestamps());
    sessions.foreign_key("sessions", "user_id", "users", "cascade");
    sessions.index("sessions", "user_id", false);
    if strategy == Strategy::Jwt {
        sessions.index("sessions", "previous_refresh_token_hash", false);
    }
    schema.tables.insert("sessions".into(), sessions);

    let mut attempts = table(vec![
        id_column(),
        Column::new("action", "varchar(16)").not_null(),
        Column::new("email", "varchar(255)"),
        Column::new("ip", "varchar(64)").not_null(),
        Column::new("created_at", TIMESTAMP)
            .not_null()
            .default("now()"),
    ]);
    for key in ["email", "ip"] {
        attempts.indexes.push(Index {
            name: format!("auth_attempts_action_{key}_created_at_idx"),
            columns: vec!["action".into(), key.into(), "created_at".into()],
            unique: false,
        });
    }
    schema.tables.insert("auth_attempts".into(), attempts);

    if !auth.providers.is_empty() {
        schema.tables.insert("accounts".into(), accounts());
    }
}

/// A user's sign-in through a provider, keyed by (provider, the provider's id for the user).
fn accounts() -> Table {
    let mut accounts = table(vec![
        id_column(),
        Column::new("user_id", "uuid").not_null(),
        Column::new("provider", "varchar(32)").not_null(),
        Column::new("provider_user_id", "varchar(255)").not_null(),
    ]);
    accounts.columns.extend(timestamps());
    accounts.foreign_key("accounts", "user_id", "users", "cascade");
    accounts.indexes.push(Index {
        name: "accounts_provider_provider_user_id_idx".into(),
        columns: vec!["provider".into(), "provider_user_id".into()],
        unique: true,
    });
    accounts.index("accounts", "user_id", false);
    accounts
}
