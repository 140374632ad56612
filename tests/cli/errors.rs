//! Each class of bad input: exit 2, a message naming where, and a fix. Nothing is written.

use crate::support::Sandbox;

fn manifest_with(fields: &str) -> String {
    format!("[app]\nname = \"demo\"\n\n[resources.post]\nfields = [{fields}]\n")
}

/// Writes `text` as a team manifest, runs `strata new` with it, and returns stderr.
fn new_with_manifest(text: &str) -> String {
    let sandbox = Sandbox::new();
    let path = sandbox.dir.path().join("team.toml");
    std::fs::write(&path, text).unwrap();
    let run = sandbox.run(&[
        "new",
        "app",
        "--no-git",
        "--manifest",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert!(!sandbox.app().exists(), "something was written");
    run.stderr
}

#[test]
fn unknown_type_names_line_column_and_suggests() {
    let stderr = new_with_manifest(&manifest_with("\"title:strin\""));
    assert!(
        stderr.contains("strata.toml:5:18: unknown type \"strin\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean \"string\"?"),
        "{stderr}"
    );
}

#[test]
fn bad_default_is_refused() {
    let stderr = new_with_manifest(&manifest_with("\"views:integer:default=abc\""));
    assert!(
        stderr.contains("strata.toml:5:26: default=abc is not valid for an integer field"),
        "{stderr}"
    );
}

#[test]
fn unknown_ref_is_refused() {
    let stderr = new_with_manifest(&manifest_with("\"author:ref:writer\""));
    assert!(
        stderr.contains("strata.toml:5:11: ref:writer points to no resource of this manifest"),
        "{stderr}"
    );
}

#[test]
fn reserved_names_are_refused() {
    let stderr = new_with_manifest(
        "[app]\nname = \"demo\"\n\n[resources.user]\nfields = [\"name:string\"]\n",
    );
    assert!(
        stderr.contains("strata.toml:4:12: resource name \"user\" is reserved"),
        "{stderr}"
    );
    let stderr = new_with_manifest(&manifest_with("\"createdAt:datetime\""));
    assert!(
        stderr.contains("field name \"createdAt\" is reserved"),
        "{stderr}"
    );
    let stderr = new_with_manifest(&manifest_with("\"class:string\""));
    assert!(stderr.contains("TypeScript reserved word"), "{stderr}");
}

#[test]
fn malformed_toml_points_at_the_error() {
    let stderr = new_with_manifest("[app]\nname = \"demo\n");
    assert!(stderr.contains("strata.toml:2:"), "{stderr}");
    let stderr = new_with_manifest("[app]\nname = \"demo\"\ndatabase = \"mysql\"\n");
    assert!(
        stderr.contains("strata.toml:3:12: unknown database \"mysql\""),
        "{stderr}"
    );
    let stderr = new_with_manifest("[app]\nname = \"demo\"\n[resources.post]\nfeilds = []\n");
    assert!(
        stderr.contains("strata.toml:4:1: unknown key \"feilds\" in resources.post"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean \"fields\"?"),
        "{stderr}"
    );
}

#[test]
fn every_key_or_value_of_the_wrong_kind_is_reported_in_one_run() {
    let stderr = new_with_manifest(
        "[app]\nname = \"demo\"\ncolour = \"blue\"\n\n[auth]\nroles = \"user\"\n\n\
         [resources.post]\nfields = [\"title:string\", 42]\nowned = \"yes\"\n\n[layrs]\nstrict = true\n",
    );
    for expected in [
        "strata.toml:3:1: unknown key \"colour\" in app",
        "strata.toml:6:9: auth.roles must be an array",
        "strata.toml:9:27: resources.post.fields.1 must be a string",
        "strata.toml:10:9: resources.post.owned must be a boolean",
        "strata.toml:12:2: unknown key \"layrs\" at the top level",
        "did you mean \"layers\"?",
        "5 problems",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn contradictory_access_is_refused() {
    let stderr = new_with_manifest(
        "[app]\nname = \"demo\"\n[resources.post]\nfields = [\"t:string\"]\naccess = { update = \"owner\" }\n",
    );
    assert!(
        stderr.contains("access.update says \"owner\", but the resource is not owned"),
        "{stderr}"
    );
}

#[test]
fn path_traversal_in_names_is_refused() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    let before = sandbox.tree();
    for name in ["../evil", "a/b", "/etc/passwd"] {
        let run = sandbox.in_app(&["add", "resource", name, "x:string"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("is not an identifier"),
            "{}",
            run.stderr
        );
    }
    let run = sandbox.in_app(&["add", "resource", "Widget", "../x:string"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("argument \"../x:string\""),
        "{}",
        run.stderr
    );
    assert_eq!(before, sandbox.tree());
}

#[test]
fn cli_field_errors_name_the_argument() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    let run = sandbox.in_app(&["add", "resource", "Widget", "size:integr"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("argument \"size:integr\": unknown type \"integr\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean \"integer\"?"),
        "{}",
        run.stderr
    );
    let run = sandbox.in_app(&["add", "resource", "Widget", "owner:ref:person"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("ref:person points to no resource"),
        "{}",
        run.stderr
    );
    let run = sandbox.in_app(&["add", "resource", "Note", "x:string"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("already in strata.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_non_empty_directory_is_refused() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.app()).unwrap();
    std::fs::write(sandbox.app().join("notes.txt"), "mine").unwrap();
    let run = sandbox.run(&["new", "app", "--no-git"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not empty") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.run(&["new", "app", "--no-git", "--force"]).code, 0);
    assert_eq!(
        std::fs::read_to_string(sandbox.app().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn no_manifest_found() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["generate"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no strata.toml found") && run.stderr.contains("strata new"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    assert_eq!(sandbox.run(&["frobnicate"]).code, 2);
    assert_eq!(sandbox.run(&["new", "x", "--database", "mysql"]).code, 2);
}

#[test]
fn a_type_change_needs_consent() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    let manifest = sandbox
        .read("strata.toml")
        .replace("\"body:text\"", "\"body:integer\"");
    sandbox.write("strata.toml", &manifest);
    let before = sandbox.tree();
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("change type of notes.body from text to integer")
            && run.stderr.contains("--allow-destructive"),
        "{}",
        run.stderr
    );
    assert_eq!(before, sandbox.tree());
    let run = sandbox.in_app(&["generate", "--allow-destructive"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        sandbox
            .read("drizzle/0001_change_type_of_notes_body_from_text_to_integer.sql")
            .contains("SET DATA TYPE integer")
    );
}

#[test]
fn unknown_api_is_refused_with_the_choices() {
    let stderr = new_with_manifest("[app]\nname = \"demo\"\napi = \"forms\"\n");
    assert!(
        stderr.contains(
            "strata.toml:3:7: unknown api \"forms\"; expected one of routes, actions, both"
        ),
        "{stderr}"
    );
    let run = Sandbox::new().run(&["new", "app", "--api", "forms"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--api"), "{}", run.stderr);
}

#[test]
fn unknown_sign_in_provider_is_refused() {
    let stderr = new_with_manifest(
        "[app]\nname = \"demo\"\n\n[auth]\nproviders = [\"github\", \"gogle\"]\n",
    );
    assert!(
        stderr.contains("strata.toml:5:24: unknown sign-in provider \"gogle\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean \"google\"?"),
        "{stderr}"
    );
}

#[test]
fn a_new_app_appears_whole_and_leaves_no_staging_folder() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["new", "nested/apps/shop", "--no-git", "--yes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let apps = sandbox.dir.path().join("nested/apps");
    assert!(apps.join("shop/strata.toml").is_file());
    assert!(apps.join("shop/.strata/ledger.json").is_file());
    let names: Vec<String> = std::fs::read_dir(&apps)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["shop"], "only the app, no hidden staging folder");
}

#[test]
fn a_resource_others_refer_to_is_not_removed() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let before = sandbox.tree();
    let run = sandbox.in_app(&["remove", "resource", "Post"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("invalid argument Post: comment.post refers to it")
            && run
                .stderr
                .contains("help: remove that field from strata.toml (or change its type) first"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.tree(), before, "nothing was written");
}

#[test]
fn every_mistake_of_a_manifest_is_reported_in_one_run() {
    let text = "[app]\nname = \"demo\"\ndatabase = \"mysql\"\n\n[auth]\nroles = [\"Admin\"]\n\n\
                [resources.post]\nfields = [\"title:strin\", \"views:integer:default=abc\"]\n\n\
                [resources.comment]\nfields = [\"body:text\", \"post:ref:post\"]\n";
    let stderr = new_with_manifest(text);
    for expected in [
        "strata.toml:3:12: unknown database \"mysql\"",
        "strata.toml:6:10: role \"Admin\" is not a lower-case word",
        "strata.toml:9:18: unknown type \"strin\"",
        "strata.toml:9:41: default=abc is not valid for an integer field",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(stderr.contains("4 problems; fix them all"), "{stderr}");
    // Each with its caret and its fix, rustc-style.
    assert_eq!(stderr.matches("  help: ").count(), 4, "{stderr}");
    assert_eq!(stderr.matches("error: ").count(), 4, "{stderr}");
}

#[test]
fn json_lists_every_mistake() {
    let sandbox = Sandbox::new();
    let path = sandbox.dir.path().join("team.toml");
    std::fs::write(
        &path,
        "[app]\nname = \"demo\"\napi = \"graphql\"\n\n[resources.post]\nfields = [\"a:strin\", \"b:ref:nowhere\"]\n",
    )
    .unwrap();
    let run = sandbox.run(&[
        "new",
        "app",
        "--no-git",
        "--json",
        "--manifest",
        path.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    let errors = doc["errors"].as_array().expect("a list of errors");
    let locations: Vec<&str> = errors
        .iter()
        .map(|e| e["location"].as_str().unwrap())
        .collect();
    // The ref is checked once every field parses: a typo would make it look wrong too.
    assert_eq!(locations, ["strata.toml:3:7", "strata.toml:6:14"], "{doc}");
    assert!(
        errors
            .iter()
            .all(|e| e["message"].is_string() && e["help"].is_string()),
        "{doc}"
    );
    assert_eq!(doc["location"], "strata.toml:3:7");
}

/// Runs `strata new app` on a pseudo-terminal (util-linux `script`), typing `keys` one by one.
fn new_on_a_terminal(sandbox: &Sandbox, keys: &[&str]) -> (i32, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let strata = assert_cmd::cargo::cargo_bin("strata");
    let mut child = Command::new("script")
        .args([
            "-qec",
            &format!("{} new app --no-git", strata.display()),
            "/dev/null",
        ])
        .current_dir(sandbox.dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("util-linux script runs");
    let mut stdin = child.stdin.take().unwrap();
    for key in keys {
        std::thread::sleep(std::time::Duration::from_millis(400));
        stdin.write_all(key.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(800));
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.code().unwrap_or(-1), printed)
}

#[test]
fn a_refused_answer_is_asked_again_and_the_others_are_kept() {
    let sandbox = Sandbox::new();
    // Database, data layer, auth: the second choice of each; the API: the default.
    let (code, printed) = new_on_a_terminal(
        &sandbox,
        &[
            "\x1b[B\r",
            "\x1b[B\r",
            "\x1b[B\r",
            "\r",
            "Book author:ref:writer\r",
            "Book title:string\r",
        ],
    );
    assert_eq!(code, 0, "{printed}");
    assert!(
        printed.contains("ref:writer points to no resource of this manifest"),
        "{printed}"
    );
    let manifest = sandbox.read("strata.toml");
    for line in [
        "database = \"postgres\"",
        "orm = \"prisma\"",
        "strategy = \"session\"",
        "\"title:string\"",
    ] {
        assert!(manifest.contains(line), "{line} missing from:\n{manifest}");
    }
}

#[test]
fn ctrl_c_during_the_questions_writes_nothing() {
    let sandbox = Sandbox::new();
    let (code, printed) = new_on_a_terminal(&sandbox, &["\r", "\x03"]);
    assert_eq!(code, 130, "{printed}");
    assert!(
        printed.contains("cancelled; nothing was written"),
        "{printed}"
    );
    assert!(
        printed.contains("\x1b[?25h"),
        "the cursor is shown again: {printed:?}"
    );
    assert!(!sandbox.app().exists());
}
