//! new → add → generate, merges and conflicts, dry runs, JSON, ejected templates.

use crate::support::{Sandbox, fixture};

#[test]
fn new_add_generate_is_idempotent() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let added = sandbox.in_app(&[
        "add",
        "resource",
        "Tag",
        "name:string:unique",
        "color:enum:red,green",
    ]);
    assert_eq!(added.code, 0, "{}{}", added.stdout, added.stderr);
    assert!(sandbox.read("src/dal/index.ts").contains("./tags/tag.dal"));
    assert!(
        sandbox
            .app()
            .join("drizzle/0001_create_enum_tag_color.sql")
            .is_file()
    );
    let before = sandbox.tree();
    let again = sandbox.in_app(&["generate"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let verbs: Vec<&str> = again
        .stdout
        .lines()
        .filter(|l| l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        !verbs.is_empty() && verbs.iter().all(|v| *v == "identical"),
        "{}",
        again.stdout
    );
    assert_eq!(before, sandbox.tree(), "a second run changed the disk");
}

#[test]
fn a_hand_edit_survives_generate() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let path = "src/services/post.service.ts";
    let edited = format!(
        "{}\n// Hand-written helper the team relies on.\nexport const POSTS_PER_FEED = 10\n",
        sandbox.read(path)
    );
    sandbox.write(path, &edited);
    // Nothing the service renders from changed: it is not even read.
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("post.service.ts"), "{}", run.stdout);
    assert!(run.stdout.contains(" unchanged"), "{}", run.stdout);
    assert_eq!(sandbox.read(path), edited);
    let check = sandbox.in_app(&["check"]);
    assert_eq!(check.code, 0, "a hand edit is not drift: {}", check.stdout);
    // A manifest change renders the service anew: the edit is seen and kept.
    let run = sandbox.in_app(&["add", "field", "Post", "subtitle:string?"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("keep  src/services/post.service.ts  (edited by hand)"),
        "{}",
        run.stdout
    );
    assert_eq!(sandbox.read(path), edited);
}

#[test]
fn a_hand_edit_in_the_dal_index_merges_with_a_new_resource() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let index = sandbox.read("src/dal/index.ts");
    let edited = format!("// Team note: import the DAL only from services.\n{index}");
    sandbox.write("src/dal/index.ts", &edited);
    let run = sandbox.in_app(&["add", "resource", "Tag", "name:string"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("merge  src/dal/index.ts"),
        "{}",
        run.stdout
    );
    let merged = sandbox.read("src/dal/index.ts");
    assert!(
        merged.starts_with("// Team note: import the DAL only from services.\n"),
        "{merged}"
    );
    assert!(merged.contains("./tags/tag.dal"), "{merged}");
}

#[test]
fn an_overlapping_edit_leaves_markers_and_exits_1() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let index = sandbox.read("src/dal/index.ts");
    sandbox.write(
        "src/dal/index.ts",
        &format!("{index}export * from './extra'\n"),
    );
    let run = sandbox.in_app(&["add", "resource", "Zebra", "name:string"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("conflict  src/dal/index.ts"),
        "{}",
        run.stdout
    );
    let text = sandbox.read("src/dal/index.ts");
    assert!(
        text.contains("<<<<<<< yours (on disk)\nexport * from './extra'\n=======\n"),
        "{text}"
    );
    assert!(text.contains(">>>>>>> strata (new render)"), "{text}");
}

#[test]
fn force_overwrites_edits_and_restores_deleted_files() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let original = sandbox.read("src/services/post.service.ts");
    sandbox.write("src/services/post.service.ts", "// replaced\n");
    std::fs::remove_file(sandbox.app().join("src/schemas/post.schema.ts")).unwrap();
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!sandbox.app().join("src/schemas/post.schema.ts").exists());
    let check = sandbox.in_app(&["check"]);
    assert!(
        check.stdout.contains("src/schemas/post.schema.ts")
            && check.stdout.contains("deleted by hand"),
        "{}",
        check.stdout
    );
    let forced = sandbox.in_app(&["generate", "--force"]);
    assert_eq!(forced.code, 0);
    assert_eq!(sandbox.read("src/services/post.service.ts"), original);
    assert!(sandbox.app().join("src/schemas/post.schema.ts").is_file());
}

#[test]
fn dry_run_writes_nothing_and_diff_shows_changes() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let before = sandbox.tree();
    let run = sandbox.in_app(&[
        "add",
        "resource",
        "Tag",
        "name:string",
        "--dry-run",
        "--diff",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("dry run, nothing written"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("+++ b/src/dal/index.ts")
            && run.stdout.contains("+export * from './tags/tag.dal'"),
        "{}",
        run.stdout
    );
    assert_eq!(before, sandbox.tree());
    let fresh = Sandbox::new();
    let run = fresh.run(&["new", "app", "--dry-run", "--no-git"]);
    assert_eq!(run.code, 0);
    assert!(!fresh.app().exists());
}

#[test]
fn json_output_is_one_document() {
    let sandbox = Sandbox::new();
    let manifest = fixture("blog");
    let run = sandbox.run(&[
        "new",
        "app",
        "--no-git",
        "--json",
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_eq!(doc["command"], "new");
    assert_eq!(doc["exit_code"], 0);
    assert_eq!(doc["migration"]["tag"], "0000_init");
    let changes = doc["changes"].as_array().unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c["path"] == "src/services/post.service.ts" && c["action"] == "create")
    );
    let run = sandbox.in_app(&["generate", "--json", "--dry-run", "--diff"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert!(
        doc["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["action"] == "identical")
    );
}

#[test]
fn comments_in_the_manifest_survive_add_resource() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let before = sandbox.read("strata.toml");
    let run = sandbox.in_app(&["add", "resource", "BlogTag", "label:string:max=40"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = sandbox.read("strata.toml");
    assert!(after.starts_with(&before), "{after}");
    assert_eq!(
        &after[before.len()..],
        "\n[resources.blog_tag]\nfields = [\n  \"label:string:max=40\",\n]\n"
    );
}

#[test]
fn finds_the_manifest_in_a_parent_and_with_dash_c() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    let nested = sandbox.app().join("src/dal");
    assert_eq!(sandbox.run_in(&nested, &["generate"]).code, 0);
    assert_eq!(sandbox.run(&["-C", "app", "generate"]).code, 0);
}

#[test]
fn ejected_templates_override_the_built_in_ones() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    let run = sandbox.in_app(&["templates", "eject", "src/services"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ejected = ".strata/templates/src/services/__kebab__.service.ts";
    let text = sandbox.read(ejected);
    sandbox.write(ejected, &format!("// Acme house style\n{text}"));
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        sandbox
            .read("src/services/note.service.ts")
            .starts_with("// Acme house style\n")
    );
    assert_eq!(sandbox.in_app(&["templates", "eject", "src/nope"]).code, 2);
}

#[test]
fn a_broken_team_template_names_itself() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    std::fs::create_dir_all(sandbox.app().join(".strata/templates")).unwrap();
    sandbox.write(".strata/templates/README.md", "# [[ app.title \n");
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(".strata/templates/README.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn completions_are_printed() {
    let run = Sandbox::new().run(&["completions", "bash"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("strata"));
}

#[test]
fn json_errors_are_one_document_too() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    let run = sandbox.in_app(&["add", "resource", "Widget", "size:integr", "--json"]);
    assert_eq!(run.code, 2);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_eq!(doc["exit_code"], 2);
    assert_eq!(doc["location"], "argument \"size:integr\"");
    assert!(
        doc["error"]
            .as_str()
            .unwrap()
            .contains("unknown type \"integr\"")
    );
}

#[test]
fn add_field_alters_every_layer_and_the_table() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let service = "src/services/post.service.ts";
    let edited = format!("// Kept through add field.\n{}", sandbox.read(service));
    sandbox.write(service, &edited);
    let run = sandbox.in_app(&[
        "add",
        "field",
        "Post",
        "views:integer:default=0",
        "subtitle:string?",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let migration = sandbox.read("drizzle/0001_add_column_posts_views.sql");
    assert!(
        migration
            .contains("ALTER TABLE \"posts\" ADD COLUMN \"views\" integer DEFAULT 0 NOT NULL;"),
        "{migration}"
    );
    assert!(
        migration.contains("ALTER TABLE \"posts\" ADD COLUMN \"subtitle\" varchar(255);"),
        "{migration}"
    );
    assert!(
        sandbox
            .read("src/schemas/post.schema.ts")
            .contains("views: z.int32().optional(),")
    );
    assert!(
        sandbox
            .read("src/db/schema/post.ts")
            .contains("views: integer('views').notNull().default(0),")
    );
    assert!(
        sandbox
            .read("strata.toml")
            .contains("  \"views:integer:default=0\",\n  \"subtitle:string?\",\n]")
    );
    assert!(
        sandbox
            .read(service)
            .starts_with("// Kept through add field.\n")
    );
    assert_eq!(sandbox.in_app(&["generate"]).code, 0);
}

#[test]
fn add_field_refuses_a_required_column_without_a_default() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let before = sandbox.tree();
    let run = sandbox.in_app(&["add", "field", "post", "slug:string"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("add column posts.slug")
            && run.stderr.contains("give the field a default"),
        "{}",
        run.stderr
    );
    assert_eq!(before, sandbox.tree());
    let run = sandbox.in_app(&["add", "field", "Nope", "x:string?"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not a resource of strata.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn remove_resource_deletes_unedited_files_and_waits_for_consent_to_drop() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    let kept = "src/services/task.service.ts";
    let edited = format!("{}// A hand edit.\n", sandbox.read(kept));
    sandbox.write(kept, &edited);
    let refused = sandbox.in_app(&["remove", "resource", "project"]);
    assert_eq!(refused.code, 2, "{}", refused.stdout);
    assert!(
        refused
            .stderr
            .contains("invalid argument project: task.project refers to it"),
        "{}",
        refused.stderr
    );

    let run = sandbox.in_app(&["remove", "resource", "Task"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("delete  src/dal/tasks/task.dal.ts"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "keep  src/services/task.service.ts  (no longer generated, but edited by hand"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "left in the database until you pass --allow-destructive:\n  - drop table tasks"
        ),
        "{}",
        run.stdout
    );
    assert!(!sandbox.app().join("src/dal/tasks/task.dal.ts").exists());
    assert_eq!(sandbox.read(kept), edited);
    assert!(!sandbox.read("src/dal/index.ts").contains("tasks"));
    assert!(!sandbox.read("strata.toml").contains("[resources.task]"));
    assert!(
        !sandbox
            .app()
            .join("drizzle/0001_drop_table_tasks.sql")
            .exists()
    );

    let run = sandbox.in_app(&["generate", "--allow-destructive"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sql = std::fs::read_dir(sandbox.app().join("drizzle"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("0001_"))
        .expect("a drop migration");
    let text = sandbox.read(&format!("drizzle/{sql}"));
    assert!(text.contains("DROP TABLE \"tasks\" CASCADE;"), "{text}");
    assert!(
        text.contains("DROP TYPE \"public\".\"task_priority\";"),
        "{text}"
    );
}

#[test]
fn a_removed_field_leaves_a_nullable_column_until_consent() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    let manifest = sandbox
        .read("strata.toml")
        .replace("  \"done:boolean:default=false\",\n", "");
    sandbox.write("strata.toml", &manifest);
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let migration = sandbox.read("drizzle/0001_make_tasks_done_optional.sql");
    assert!(
        migration.contains("ALTER TABLE \"tasks\" ALTER COLUMN \"done\" DROP NOT NULL;"),
        "{migration}"
    );
    assert!(
        run.stdout.contains("  - drop column tasks.done"),
        "{}",
        run.stdout
    );
    assert!(!sandbox.read("src/db/schema/task.ts").contains("done"));
}

#[test]
fn every_migration_gets_a_chained_drizzle_kit_snapshot() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    assert_eq!(
        sandbox
            .in_app(&["add", "field", "task", "notes:text?"])
            .code,
        0
    );
    let first: serde_json::Value =
        serde_json::from_str(&sandbox.read("drizzle/meta/0000_snapshot.json")).unwrap();
    let second: serde_json::Value =
        serde_json::from_str(&sandbox.read("drizzle/meta/0001_snapshot.json")).unwrap();
    assert_eq!(first["prevId"], "00000000-0000-0000-0000-000000000000");
    assert_eq!(second["prevId"], first["id"]);
    assert_eq!(
        second["tables"]["public.tasks"]["columns"]["notes"]["type"],
        "text"
    );
    assert_eq!(
        first["enums"]["public.task_priority"]["values"],
        serde_json::json!(["low", "normal", "high"])
    );
    assert_eq!(
        first["tables"]["public.tasks"]["columns"]["done"]["default"],
        false
    );
}

#[test]
fn only_resources_whose_inputs_changed_are_rendered() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let run = sandbox.in_app(&["add", "field", "Category", "slug:string?", "--json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let plan: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let paths: Vec<&str> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"src/dal/categories/category.dal.ts"));
    assert!(
        !paths
            .iter()
            .any(|p| p.contains("/post") || p.contains("comment")),
        "{paths:?}"
    );
    // Post and Comment: 16 files each (layers, tests, pages and actions), neither read nor written.
    assert_eq!(plan["summary"]["unchanged"], 32, "{}", plan["summary"]);
    // Rendering everything again finds nothing else to do.
    let forced = sandbox.in_app(&["generate", "--force"]);
    assert_eq!(forced.code, 0);
    assert!(!forced.stdout.contains("update"), "{}", forced.stdout);
}

#[test]
fn the_session_strategy_has_no_refresh_endpoint_and_hashed_session_tokens() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["new", "app", "--no-git", "--auth", "session", "--yes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let app = sandbox.app();
    let manifest = std::fs::read_to_string(app.join("strata.toml")).unwrap();
    assert!(manifest.contains("strategy = \"session\""), "{manifest}");
    assert!(!app.join("src/app/api/auth/refresh/route.ts").exists());
    let schema = std::fs::read_to_string(app.join("src/db/schema/session.ts")).unwrap();
    assert!(schema.contains("tokenHash: text('token_hash')"), "{schema}");
    let migration = std::fs::read_to_string(app.join("drizzle/0000_init.sql")).unwrap();
    assert!(
        migration.contains("\"token_hash\" text NOT NULL"),
        "{migration}"
    );
    assert!(!migration.contains("refresh_token_hash"), "{migration}");
}

#[test]
fn api_actions_writes_pages_and_server_actions_instead_of_route_handlers() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "new",
        "app",
        "--no-git",
        "--yes",
        "--api",
        "actions",
        "--resource",
        "Post title:string",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let app = sandbox.app();
    let manifest = std::fs::read_to_string(app.join("strata.toml")).unwrap();
    assert!(manifest.contains("api = \"actions\""), "{manifest}");
    for page in [
        "posts/page.tsx",
        "posts/new/page.tsx",
        "posts/[id]/page.tsx",
        "posts/[id]/edit/page.tsx",
        "posts/actions.ts",
    ] {
        assert!(app.join("src/app").join(page).is_file(), "{page}");
    }
    assert!(app.join("tests/posts.actions.test.ts").is_file());
    assert!(!app.join("src/app/api/posts/route.ts").exists());
    assert!(!app.join("tests/posts.test.ts").exists());
    let openapi = std::fs::read_to_string(app.join("public/openapi.json")).unwrap();
    assert!(
        !openapi.contains("/api/posts"),
        "no HTTP API for the resources"
    );
    assert!(openapi.contains("/api/auth/login"));

    let both = sandbox.run(&[
        "new",
        "both",
        "--no-git",
        "--yes",
        "--api",
        "both",
        "--resource",
        "Post title:string",
    ]);
    assert_eq!(both.code, 0, "{}", both.stderr);
    let both = sandbox.dir.path().join("both");
    assert!(both.join("src/app/api/posts/route.ts").is_file());
    assert!(both.join("src/app/posts/actions.ts").is_file());
}

#[test]
fn a_conflict_is_remembered_until_its_markers_are_gone() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let path = "src/schemas/post.schema.ts";
    let schema = sandbox.read(path);
    let last = "  categoryId: uuidSchema.nullable().optional(),\n})";
    assert!(schema.contains(last), "{schema}");
    let edited = schema.replacen(
        last,
        "  categoryId: uuidSchema.nullable().optional(),\n  slug: textSchema,\n})",
        1,
    );
    sandbox.write(path, &edited);
    let added = sandbox.in_app(&["add", "field", "post", "subtitle:string?"]);
    assert_eq!(added.code, 1, "{}{}", added.stdout, added.stderr);
    let conflicted = sandbox.read(path);
    assert!(
        conflicted.contains("<<<<<<< yours (on disk)"),
        "{conflicted}"
    );

    // Nothing the post's files are rendered from changed, so this run renders none of them;
    // the conflict still stops it, and neither it nor `check` touches the file.
    let again = sandbox.in_app(&["generate"]);
    assert_eq!(again.code, 1, "{}{}", again.stdout, again.stderr);
    assert!(
        again.stdout.contains(path) && again.stdout.contains("not yet resolved"),
        "{}",
        again.stdout
    );
    let check = sandbox.in_app(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert!(
        check.stdout.contains(&format!("drift (conflict): {path}")),
        "{}",
        check.stdout
    );
    assert_eq!(sandbox.read(path), conflicted);

    // Resolved by hand (both lines kept): the resolution stands, and the app is clean again.
    let resolved: String = conflicted
        .lines()
        .filter(|line| {
            !["<<<<<<<", "=======", ">>>>>>>"]
                .iter()
                .any(|m| line.starts_with(m))
        })
        .map(|line| format!("{line}\n"))
        .collect();
    sandbox.write(path, &resolved);
    let after = sandbox.in_app(&["generate"]);
    assert_eq!(after.code, 0, "{}{}", after.stdout, after.stderr);
    assert_eq!(sandbox.read(path), resolved);
    let clean = sandbox.in_app(&["check"]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    let ledger = sandbox.read(".strata/ledger.json");
    assert!(!ledger.contains("\"conflict\""), "{ledger}");
}
