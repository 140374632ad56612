//! `renamed_from` on a resource or a field: tables, columns and enum types are renamed, never
//! dropped and re-created, and a renamed resource's files move with their hand edits.

use crate::support::Sandbox;

/// The SQL of migration 0001, whatever its name.
fn second_migration(sandbox: &Sandbox) -> String {
    let drizzle = sandbox.app().join("drizzle");
    let name = std::fs::read_dir(drizzle)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("0001_"));
    sandbox.read(&format!("drizzle/{}", name.expect("a second migration")))
}

#[test]
fn a_renamed_resource_keeps_its_rows_and_its_hand_edits() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let service = "src/services/comment.service.ts";
    let edited = format!(
        "{}\n/** Hand-written: the team's moderation hook. */\nexport const MODERATED = true\n",
        sandbox.read(service)
    );
    sandbox.write(service, &edited);
    let manifest = sandbox.read("strata.toml").replace(
        "[resources.comment]\n",
        "[resources.remark]\nrenamed_from = \"comment\"\n",
    );
    sandbox.write("strata.toml", &manifest);

    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "delete  src/services/comment.service.ts  (moved to src/services/remark.service.ts)"
        ),
        "{}",
        run.stdout
    );
    let moved = sandbox.read("src/services/remark.service.ts");
    assert!(moved.contains("export const MODERATED = true"), "{moved}");
    assert!(
        moved.contains("export async function deleteRemark("),
        "{moved}"
    );
    assert!(!sandbox.app().join(service).exists());
    let sql = second_migration(&sandbox);
    assert!(
        sql.starts_with("ALTER TABLE \"comments\" RENAME TO \"remarks\";"),
        "{sql}"
    );
    assert!(
        !sql.contains("DROP TABLE") && !sql.contains("CREATE TABLE"),
        "{sql}"
    );
    assert_eq!(sandbox.in_app(&["check"]).code, 0);
    let again = sandbox.in_app(&["generate"]);
    assert!(!again.stdout.contains("migration"), "{}", again.stdout);
}

#[test]
fn a_renamed_field_renames_its_column_and_enum_type() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    let manifest = sandbox
        .read("strata.toml")
        .replace(
            "\"title:string:min=3:max=140\"",
            "\"name:string:min=3:max=140:renamed_from=title\"",
        )
        .replace(
            "\"priority:enum:low,normal,high:default=normal\"",
            "\"urgency:enum:low,normal,high:default=normal:renamed_from=priority\"",
        );
    sandbox.write("strata.toml", &manifest);
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let sql = second_migration(&sandbox);
    assert!(
        sql.contains("ALTER TYPE \"public\".\"task_priority\" RENAME TO \"task_urgency\";"),
        "{sql}"
    );
    assert!(
        sql.contains("ALTER TABLE \"tasks\" RENAME COLUMN \"title\" TO \"name\";"),
        "{sql}"
    );
    assert!(
        sql.contains("ALTER TABLE \"tasks\" RENAME COLUMN \"priority\" TO \"urgency\";"),
        "{sql}"
    );
    assert!(!sql.contains("DROP"), "{sql}");
    assert!(
        sandbox
            .read("src/db/schema/task.ts")
            .contains("name: varchar('name', { length: 140 }).notNull(),")
    );
    assert_eq!(sandbox.in_app(&["check"]).code, 0);
}
