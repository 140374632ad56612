//! Route groups: handlers under `src/app/api/(group)/`, moved with their hand edits when the
//! group changes, and imported from there by the tests.

use crate::support::Sandbox;

const HANDLER: &str = "src/app/api/posts/[id]/route.ts";
const GROUPED: &str = "src/app/api/(v1)/posts/[id]/route.ts";
const EDIT: &str = "\n// Hand edit: kept through every move.\n";

fn set_manifest(sandbox: &Sandbox, from: &str, to: &str) {
    let manifest = sandbox.read("strata.toml");
    assert!(manifest.contains(from), "{manifest}");
    sandbox.write("strata.toml", &manifest.replacen(from, to, 1));
}

fn generate_cleanly(sandbox: &Sandbox) {
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let check = sandbox.in_app(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn handlers_move_into_a_group_and_back_with_their_hand_edits() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let handler = sandbox.read(HANDLER);
    sandbox.write(HANDLER, &format!("{handler}{EDIT}"));

    set_manifest(
        &sandbox,
        "api = \"both\"\n",
        "api = \"both\"\nroute_group = \"v1\"\n",
    );
    set_manifest(
        &sandbox,
        "[resources.category]\n",
        "[resources.category]\nroute_group = \"admin\"\n",
    );
    generate_cleanly(&sandbox);
    let app = sandbox.app();
    assert!(!app.join("src/app/api/posts").exists());
    assert_eq!(sandbox.read(GROUPED), format!("{handler}{EDIT}"));
    assert!(app.join("src/app/api/(v1)/comments/route.ts").is_file());
    assert!(
        app.join("src/app/api/(admin)/categories/[id]/route.ts")
            .is_file()
    );
    // Auth and health handlers are the app's own, outside any group.
    assert!(app.join("src/app/api/auth/login/route.ts").is_file());
    let test = sandbox.read("tests/posts.test.ts");
    assert!(
        test.contains("from '@/app/api/(v1)/posts/[id]/route'"),
        "{test}"
    );
    let openapi = sandbox.read("public/openapi.json");
    assert!(
        openapi.contains("\"/api/posts/{id}\"") && !openapi.contains("(v1)"),
        "the URLs leave the group out"
    );

    set_manifest(&sandbox, "route_group = \"v1\"\n", "");
    generate_cleanly(&sandbox);
    assert!(!app.join("src/app/api/(v1)").exists());
    assert_eq!(sandbox.read(HANDLER), format!("{handler}{EDIT}"));
    assert!(
        app.join("src/app/api/(admin)/categories/route.ts")
            .is_file()
    );
}

#[test]
fn a_bad_group_name_is_refused_where_it_is_written() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    set_manifest(
        &sandbox,
        "api = \"both\"\n",
        "api = \"both\"\nroute_group = \"(v1)\"\n",
    );
    let line = 1 + sandbox
        .read("strata.toml")
        .lines()
        .position(|l| l.starts_with("route_group"))
        .unwrap();
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(&format!("strata.toml:{line}:15:"))
            && run
                .stderr
                .contains("route_group = \"(v1)\" is not a route group name")
            && run.stderr.contains("without the parentheses"),
        "{}",
        run.stderr
    );
}
