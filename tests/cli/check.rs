//! `strata check`: exit 0 when the app agrees with its manifest, 1 for each kind of drift and
//! each kind of layering violation.

use crate::support::Sandbox;

fn checked(sandbox: &Sandbox) -> (i32, String) {
    let run = sandbox.in_app(&["check"]);
    (run.code, run.stdout)
}

#[test]
fn a_fresh_app_and_a_hand_edit_are_not_drift() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    assert_eq!(checked(&sandbox).0, 0);
    let path = "src/services/post.service.ts";
    sandbox.write(path, &format!("{}// mine\n", sandbox.read(path)));
    assert_eq!(
        checked(&sandbox),
        (
            0,
            "the app agrees with strata.toml, and every import goes down the layers\n".to_string()
        )
    );
    let run = sandbox.in_app(&["check", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["ok"], true);
}

#[test]
fn a_schema_change_without_a_migration_is_drift() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    let manifest = sandbox.read("strata.toml").replace(
        "\"archived:boolean:default=false\"",
        "\"archived:boolean:default=false\", \"color:string?\"",
    );
    sandbox.write("strata.toml", &manifest);
    let (code, out) = checked(&sandbox);
    assert_eq!(code, 1);
    assert!(
        out.contains("drift (schema)") && out.contains("add column projects.color"),
        "{out}"
    );
    assert!(
        out.contains("drift (stale): src/db/schema/project.ts"),
        "{out}"
    );
}

#[test]
fn missing_files_and_edited_migrations_are_drift() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    std::fs::remove_file(sandbox.app().join("src/dal/tasks/task.dal.ts")).unwrap();
    let sql = sandbox.read("drizzle/0000_init.sql");
    sandbox.write("drizzle/0000_init.sql", &format!("{sql}-- tweaked\n"));
    let run = sandbox.in_app(&["check", "--json"]);
    assert_eq!(run.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let kinds: Vec<(&str, &str)> = doc["drift"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["kind"].as_str().unwrap(), d["path"].as_str().unwrap()))
        .collect();
    assert!(
        kinds.contains(&("missing", "src/dal/tasks/task.dal.ts")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("migration", "drizzle/0000_init.sql")),
        "{kinds:?}"
    );
}

#[test]
fn each_upward_import_is_a_violation() {
    let cases = [
        (
            "src/dal/tasks/task.dal.ts",
            "import { listTasks } from '@/services/task.service'\n",
            "the DAL may not import services",
        ),
        (
            "src/dal/tasks/task.dal.ts",
            "import { GET } from '@/app/api/tasks/route'\n",
            "the DAL may not import services or the app's entry points",
        ),
        (
            "src/dal/tasks/task.dal.ts",
            "import { NextResponse } from 'next/server'\n",
            "no next/* imports",
        ),
        (
            "src/services/task.service.ts",
            "import { GET } from '@/app/api/tasks/route'\n",
            "a service may not import a route handler",
        ),
        (
            "src/components/features/counter.tsx",
            "import { getDb } from '@/lib/db'\n",
            "a client component may not import server-only code",
        ),
    ];
    for (file, line, rule) in cases {
        let sandbox = Sandbox::new();
        sandbox.new_app("tasks");
        let text = std::fs::read_to_string(sandbox.app().join(file))
            .unwrap_or_else(|_| "'use client'\n\nexport const Counter = () => null\n".to_string());
        std::fs::create_dir_all(sandbox.app().join(file).parent().unwrap()).unwrap();
        sandbox.write(file, &format!("{text}{line}"));
        let (code, out) = checked(&sandbox);
        assert_eq!(code, 1, "{file}: {out}");
        assert!(
            out.contains(&format!("layering: {file}:")) && out.contains(rule),
            "{file}: {out}"
        );
    }
}

#[test]
fn strict_layers_forbid_entry_points_calling_the_dal() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    let route = "src/app/api/tasks/route.ts";
    sandbox.write(
        route,
        &format!(
            "{}import {{ findTasks }} from '@/dal'\n",
            sandbox.read(route)
        ),
    );
    assert_eq!(
        checked(&sandbox).0,
        0,
        "the pattern allows a route handler to read through the DAL"
    );
    let manifest = format!("{}\n[layers]\nstrict = true\n", sandbox.read("strata.toml"));
    sandbox.write("strata.toml", &manifest);
    assert_eq!(sandbox.in_app(&["generate"]).code, 0);
    let (code, out) = checked(&sandbox);
    assert_eq!(code, 1);
    assert!(
        out.contains("strict = true: entry points call services"),
        "{out}"
    );
}
