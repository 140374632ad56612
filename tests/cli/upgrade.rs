//! An app generated before the format stage (`tests/upgrade/before-format/`, written by commit
//! 2fb2e90, then edited by hand in a service, a page and two tests) upgrades cleanly: unedited
//! files take the new formatting, a hand edit in a file whose formatting changed is merged in,
//! hand edits elsewhere are kept, and `strata check` is green.

use std::path::Path;

use crate::support::Sandbox;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn an_app_made_before_the_format_stage_upgrades_with_its_hand_edits() {
    let sandbox = Sandbox::new();
    let before = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/upgrade/before-format");
    copy_dir(&before, &sandbox.app());

    let run = sandbox.in_app(&["generate", "--yes"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("conflict"), "{}", run.stdout);
    for (path, verb) in [
        ("src/services/note.service.ts", "keep"),
        ("src/app/page.tsx", "keep"),
        ("tests/notes.test.ts", "keep"),
        ("tests/contract.test.ts", "merge"),
        ("drizzle.config.ts", "update"),
        (".prettierrc.json", "delete"),
        ("dprint.json", "create"),
    ] {
        assert!(
            run.stdout.lines().any(|line| {
                let words: Vec<&str> = line.split_whitespace().collect();
                words.len() >= 2 && words[..2] == [verb, path]
            }),
            "{verb} {path}:\n{}",
            run.stdout
        );
    }

    let service = sandbox.read("src/services/note.service.ts");
    assert!(
        service.contains("  console.info('read note', found.id)\n"),
        "{service}"
    );
    let page = sandbox.read("src/app/page.tsx");
    assert!(
        page.contains("Our team's notes, kept by a layered Next.js app."),
        "{page}"
    );
    let tests = sandbox.read("tests/notes.test.ts");
    assert!(
        tests.contains("describe('notes, by hand', () => {"),
        "{tests}"
    );
    let contract = sandbox.read("tests/contract.test.ts");
    assert!(contract.contains("// Hand edit: our API gateway publishes this document too.\n"));
    assert!(
        !contract.contains("      : parameter,\n"),
        "the new formatting is merged in"
    );
    assert!(
        sandbox
            .read("package.json")
            .contains("\"format:check\": \"dprint check\"")
    );

    // The app is a fixed point of its own format check, hand edits included.
    for (path, bytes) in sandbox.tree() {
        if strata::format::covers(&path) && !path.starts_with(".strata/") {
            let text = String::from_utf8(bytes).unwrap();
            let formatted = strata::format::format(&path, text.clone()).unwrap();
            assert_eq!(formatted, text, "{path} is not formatted");
        }
    }

    let check = sandbox.in_app(&["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let again = sandbox.in_app(&["generate", "--yes"]);
    assert_eq!(again.code, 0, "{}{}", again.stdout, again.stderr);
    assert_eq!(sandbox.read("src/services/note.service.ts"), service);
}

#[test]
fn a_render_formatted_before_is_taken_from_its_merge_base_and_formatted_again_without_it() {
    let sandbox = Sandbox::new();
    sandbox.new_app("minimal");
    let ledger: serde_json::Value =
        serde_json::from_str(&sandbox.read(".strata/ledger.json")).unwrap();
    let service = &ledger["files"]["src/services/note.service.ts"];
    assert_eq!(
        service["source"].as_str().map(str::len),
        Some(64),
        "{service}"
    );
    assert!(ledger["files"]["package.json"].get("source").is_none());

    // Without the copy, the render is formatted again, to the same text.
    let written = sandbox.read("src/services/note.service.ts");
    std::fs::remove_file(
        sandbox
            .app()
            .join(".strata/base/src/services/note.service.ts"),
    )
    .unwrap();
    let run = sandbox.in_app(&["generate", "--force", "--yes"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(sandbox.read("src/services/note.service.ts"), written);
    assert_eq!(sandbox.in_app(&["check"]).code, 0);
}
