//! The tables auth needs: users, their sessions (refresh tokens), and failed login attempts.

use super::from_model::id_column;
use super::schema::{Column, Schema, Table};

/// Adds the auth tables; new users get the first role.
pub(super) fn add(schema: &mut Schema, roles: &[String]) {
    let first_role = roles.first().map_or("user", String::as_str);
    let mut users = Table::default();
    users.columns = vec![
        id_column(),
        Column::new("email", "varchar(320)").not_null().unique(),
        Column::new("password_hash", "text").not_null(),
        Column::new("role", "varchar(32)")
            .not_null()
            .default(&format!("'{first_role}'")),
        Column::new("created_at", "timestamp with time zone")
            .not_null()
            .default("now()"),
        Column::new("updated_at", "timestamp with time zone")
            .not_null()
            .default("now()"),
    ];
    schema.tables.insert("users".into(), users);

    let mut sessions = Table::default();
    sessions.columns = vec![
        id_column(),
        Column::new("user_id", "uuid").not_null(),
        Column::new("refresh_token_hash", "text")
            .not_null()
            .unique(),
        Column::new("expires_at", "timestamp with time zone").not_null(),
        Column::new("revoked_at", "timestamp with time zone"),
        Column::new("created_at", "timestamp with time zone")
            .not_null()
            .default("now()"),
        Column::new("updated_at", "timestamp with time zone")
            .not_null()
            .default("now()"),
    ];
    sessions.foreign_key("sessions", "user_id", "users", "cascade");
    sessions.index("sessions", "user_id", false);
    schema.tables.insert("sessions".into(), sessions);

    let mut attempts = Table::default();
    attempts.columns = vec![
        id_column(),
        Column::new("key", "text").not_null(),
        Column::new("created_at", "timestamp with time zone")
            .not_null()
            .default("now()"),
    ];
    attempts.index("login_attempts", "key", false);
    schema.tables.insert("login_attempts".into(), attempts);
}
