//! A team's template pack shared by several apps: a change to it merges into each app's files
//! (hand edits kept, overlapping ones marked), `check --all` says which apps are behind, and an
//! app's own override of a pack template takes the pack's later changes the same way.

use std::path::{Path, PathBuf};

use crate::support::{Run, Sandbox};

const TEMPLATE: &str = "src/lib/utils.ts";

/// strata's own `src/lib/utils.ts` template (it renders as it is: no template tags).
fn builtin() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .join(TEMPLATE),
    )
    .unwrap()
}

struct Team {
    sandbox: Sandbox,
}

impl Team {
    /// A sandbox holding `team/`: a pack with defaults and a header over `src/lib/utils.ts`.
    fn new() -> Self {
        let sandbox = Sandbox::new();
        let team = sandbox.dir.path().join("team");
        std::fs::create_dir_all(team.join("templates/src/lib")).unwrap();
        std::fs::write(
            team.join("strata-pack.toml"),
            "[defaults]\napi = \"both\"\nroles = [\"member\", \"editor\"]\n",
        )
        .unwrap();
        let pack = Team { sandbox };
        pack.set_header("// Team helpers, v1.");
        pack
    }

    fn set_header(&self, header: &str) {
        let path = self
            .sandbox
            .dir
            .path()
            .join("team/templates")
            .join(TEMPLATE);
        std::fs::write(path, format!("{header}\n{}", builtin())).unwrap();
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.sandbox.dir.path().join(relative)
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    fn write(&self, relative: &str, text: &str) {
        std::fs::write(self.path(relative), text).unwrap();
    }

    fn run(&self, args: &[&str]) -> Run {
        self.sandbox.run(args)
    }

    fn new_app(&self, dir: &str, pack: bool) {
        let mut args = vec!["new", dir, "--no-git", "--resource", "Note body:text"];
        if pack {
            args.extend(["--pack", "team"]);
        }
        let run = self.run(&args);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }
}

fn line_of<'a>(report: &'a str, app: &str) -> &'a str {
    report
        .lines()
        .find(|line| {
            line.split_whitespace()
                .nth(1)
                .map(|p| p.trim_end_matches(':'))
                == Some(app)
        })
        .unwrap_or_else(|| panic!("no line for {app}:\n{report}"))
}

#[test]
fn a_pack_change_reaches_every_app_and_check_all_says_which_are_behind() {
    let team = Team::new();
    for app in ["apps/merged", "apps/conflicted", "apps/untouched"] {
        team.new_app(app, true);
    }
    team.new_app("apps/plain", false);

    // The pack's defaults and templates are the new apps' own; the manifest names the pack.
    let manifest = team.read("apps/merged/strata.toml");
    assert!(manifest.contains("api = \"both\""), "{manifest}");
    assert!(
        manifest.contains("roles = [\"member\", \"editor\"]"),
        "{manifest}"
    );
    assert!(
        manifest.contains("[templates]\npack = \"../../team\""),
        "{manifest}"
    );
    let utils = format!("apps/merged/{TEMPLATE}");
    assert!(team.read(&utils).starts_with("// Team helpers, v1.\n"));
    assert!(
        !team
            .read(&format!("apps/plain/{TEMPLATE}"))
            .contains("Team helpers")
    );

    // Hand edits: one apart from what the pack will change, one on the same line.
    team.write(
        &utils,
        &format!("{}// merged's own helper\n", team.read(&utils)),
    );
    let clash = format!("apps/conflicted/{TEMPLATE}");
    let edited = team
        .read(&clash)
        .replacen("// Team helpers, v1.", "// conflicted's header", 1);
    team.write(&clash, &edited);

    let all = team.run(&["check", "--all", "apps"]);
    assert_eq!(all.code, 0, "{}", all.stdout);
    team.set_header("// Team helpers, v2.");

    let all = team.run(&["check", "--all", "apps"]);
    assert_eq!(all.code, 1, "{}", all.stdout);
    for app in ["apps/merged", "apps/conflicted", "apps/untouched"] {
        let line = line_of(&all.stdout, app);
        assert!(
            line.starts_with("behind ") && line.contains("its pack changed"),
            "{line}"
        );
    }
    assert!(line_of(&all.stdout, "apps/plain").starts_with("ok "));
    assert!(
        all.stdout
            .contains("4 app(s): 1 current, 3 behind, 0 with drift, 0 failed to load"),
        "{}",
        all.stdout
    );
    let one = team.run(&["check", "-C", "apps/untouched"]);
    assert_eq!(one.code, 1);
    assert!(
        one.stdout.contains("behind: its pack changed") && one.stdout.contains(TEMPLATE),
        "{}",
        one.stdout
    );

    let merged = team.run(&["generate", "-C", "apps/merged"]);
    assert_eq!(merged.code, 0, "{}{}", merged.stdout, merged.stderr);
    let text = team.read(&utils);
    assert!(
        text.starts_with("// Team helpers, v2.\n") && text.ends_with("// merged's own helper\n"),
        "{text}"
    );
    let conflicted = team.run(&["generate", "-C", "apps/conflicted"]);
    assert_eq!(
        conflicted.code, 1,
        "{}{}",
        conflicted.stdout, conflicted.stderr
    );
    let text = team.read(&clash);
    assert!(
        text.contains("// conflicted's header\n=======\n// Team helpers, v2.\n"),
        "{text}"
    );

    let all = team.run(&["check", "--all", "apps"]);
    assert_eq!(all.code, 1, "{}", all.stdout);
    assert!(line_of(&all.stdout, "apps/merged").starts_with("ok "));
    let line = line_of(&all.stdout, "apps/conflicted");
    assert!(
        line.starts_with("drift ") && line.contains("1 conflict"),
        "{line}"
    );
    assert!(line_of(&all.stdout, "apps/untouched").starts_with("behind "));
    let json = team.run(&["check", "--all", "apps", "--json"]);
    assert_eq!(json.code, 1);
    let document: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let statuses: Vec<(&str, &str)> = document["apps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|app| {
            (
                app["path"].as_str().unwrap(),
                app["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("apps/conflicted", "drift"),
            ("apps/merged", "current"),
            ("apps/plain", "current"),
            ("apps/untouched", "behind"),
        ]
    );
    let ledger = team.read("apps/merged/.strata/ledger.json");
    let revision = ledger
        .split("\"pack\": \"")
        .last()
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(
        ledger.contains(&format!("\"template\": \"{TEMPLATE}\",\n      \"sha256\"")),
        "{ledger}"
    );
    assert_eq!(
        ledger.matches(&format!("\"pack\": \"{revision}\"")).count(),
        2,
        "the file from the pack and the app record the pack's revision:\n{ledger}"
    );
}

#[test]
fn an_apps_override_of_a_pack_template_takes_the_packs_later_changes() {
    let team = Team::new();
    team.new_app("app", true);
    let eject = team.run(&["templates", "eject", TEMPLATE, "-C", "app"]);
    assert_eq!(eject.code, 0, "{}{}", eject.stdout, eject.stderr);
    let ejected = format!("app/.strata/templates/{TEMPLATE}");
    // What is ejected is the pack's version, the one the app renders today.
    assert!(team.read(&ejected).starts_with("// Team helpers, v1.\n"));
    team.write(
        &ejected,
        &format!("{}// The app's own line.\n", team.read(&ejected)),
    );

    team.set_header("// Team helpers, v2.");
    let run = team.run(&["generate", "-C", "app"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains(&format!("merge      .strata/templates/{TEMPLATE}"))
            || run
                .stdout
                .contains(&format!(".strata/templates/{TEMPLATE}")),
        "{}",
        run.stdout
    );
    let override_text = team.read(&ejected);
    assert!(
        override_text.starts_with("// Team helpers, v2.\n")
            && override_text.ends_with("// The app's own line.\n"),
        "{override_text}"
    );
    let rendered = team.read(&format!("app/{TEMPLATE}"));
    assert_eq!(rendered, override_text);
    let again = team.run(&["generate", "-C", "app"]);
    assert_eq!(again.code, 0, "{}", again.stdout);
    assert_eq!(
        team.read(&ejected),
        override_text,
        "a second run merges nothing"
    );
    let check = team.run(&["check", "-C", "app"]);
    assert_eq!(check.code, 0, "{}", check.stdout);

    // A pack change on the line the app changed leaves markers in the override, and every run
    // stops on them until they are resolved.
    let clashing = override_text.replacen("// Team helpers, v2.", "// The app's header", 1);
    team.write(&ejected, &clashing);
    team.set_header("// Team helpers, v3.");
    let run = team.run(&["generate", "-C", "app"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(team.read(&ejected).contains("<<<<<<< yours (on disk)"));
    let again = team.run(&["generate", "-C", "app"]);
    assert_ne!(again.code, 0);
    assert!(
        again.stderr.contains("conflict markers") && again.stderr.contains(&ejected[4..]),
        "{}",
        again.stderr
    );
}

#[test]
fn a_missing_pack_is_named_where_the_manifest_names_it() {
    let team = Team::new();
    team.new_app("app", true);
    let manifest = team.read("app/strata.toml");
    team.write("app/strata.toml", &manifest.replace("../team", "../teem"));
    let run = team.run(&["generate", "-C", "app"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("template pack \"../teem\" not found")
            && run.stderr.contains("strata.toml:"),
        "{}",
        run.stderr
    );
    let bad = team.run(&["new", "other", "--pack", "nowhere", "--no-git"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("--pack nowhere"), "{}", bad.stderr);
}

#[test]
fn a_shared_manifest_keeps_its_settings_and_gains_the_pack() {
    let team = Team::new();
    team.write(
        "shared.toml",
        "[app]\nname = \"shop\"\napi = \"routes\"\n\n[auth]\nstrategy = \"session\"\nroles = [\"clerk\"]\n",
    );
    let run = team.run(&[
        "new",
        "shop",
        "--no-git",
        "--manifest",
        "shared.toml",
        "--pack",
        "team",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let manifest = team.read("shop/strata.toml");
    assert!(
        manifest.contains("api = \"routes\"") && manifest.contains("roles = [\"clerk\"]"),
        "the manifest's own settings win over the pack's defaults:\n{manifest}"
    );
    assert!(
        manifest.contains("[templates]\npack = \"../team\""),
        "{manifest}"
    );
    assert!(
        team.read(&format!("shop/{TEMPLATE}"))
            .starts_with("// Team helpers, v1.\n")
    );
}

#[test]
fn an_override_written_by_hand_takes_pack_changes_from_its_first_run_on() {
    let team = Team::new();
    team.new_app("app", true);
    let own = format!("app/.strata/templates/{TEMPLATE}");
    std::fs::create_dir_all(team.path(&own).parent().unwrap()).unwrap();
    let pack_text = team.read(&format!("team/templates/{TEMPLATE}"));
    team.write(&own, &format!("{pack_text}// Written by hand.\n"));
    let first = team.run(&["generate", "-C", "app"]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    assert!(
        first
            .stdout
            .contains("later changes to the template below it will merge into it"),
        "{}",
        first.stdout
    );
    team.set_header("// Team helpers, v2.");
    let second = team.run(&["generate", "-C", "app"]);
    assert_eq!(second.code, 0, "{}{}", second.stdout, second.stderr);
    let text = team.read(&own);
    assert!(
        text.starts_with("// Team helpers, v2.\n") && text.ends_with("// Written by hand.\n"),
        "{text}"
    );
}
