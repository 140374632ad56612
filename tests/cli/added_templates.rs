//! Templates a team's pack adds beside strata's own: one per resource
//! (`src/services/__kebab__.audit.ts`) and one written once (`src/lib/audit.ts`), rendered by
//! `new` and `add resource`, formatted, merged with hand edits when the pack changes, removed
//! with their resource; and the paths and texts strata refuses.

use std::path::PathBuf;

use crate::support::{Run, Sandbox};

const AUDIT: &str = "src/services/__kebab__.audit.ts";

/// The per-resource template, with `header` on its first line. Written as a person would,
/// without layout: the object is longer than a line, which the formatter breaks.
fn audit_template(header: &str) -> String {
    format!(
        "// {header}\n\
         import {{ get[[ resource.names.pascal ]] }} from './[[ resource.names.kebab ]].service'\n\
         \n\
         export const [[ resource.names.camel ]]Audit = {{ resource: '[[ resource.names.kebab ]]', table: '[[ resource.names.table ]]', label: '[[ resource.names.human ]]', plural: '[[ resource.names.plural_human ]]' }}\n\
         \n\
         export async function audit[[ resource.names.pascal ]](...args: Parameters<typeof get[[ resource.names.pascal ]]>) {{\n\
         \x20 const row = await get[[ resource.names.pascal ]](...args)\n\
         \x20 return {{ ...[[ resource.names.camel ]]Audit, id: row.id }}\n\
         }}\n"
    )
}

/// The once-file: every resource in a list, with the trailing comma the formatter removes.
const ONCE: &str =
    "export const audited = [ [% for r in app.resources %]'[[ r.names.kebab ]]', [% endfor %] ]\n";

struct Team {
    sandbox: Sandbox,
}

impl Team {
    /// A sandbox holding `team/templates/` with `files` (path under `templates/`, text).
    fn with(files: &[(&str, &str)]) -> Self {
        let team = Team {
            sandbox: Sandbox::new(),
        };
        for (path, text) in files {
            team.write_pack(path, text);
        }
        team
    }

    fn write_pack(&self, path: &str, text: &str) {
        let file = self.path("team/templates").join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.sandbox.dir.path().join(relative)
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    fn run(&self, args: &[&str]) -> Run {
        self.sandbox.run(args)
    }

    fn new_app(&self, resources: &[&str]) -> Run {
        let mut args = vec!["new", "app", "--no-git", "--pack", "team"];
        for resource in resources {
            args.extend(["--resource", resource]);
        }
        self.run(&args)
    }
}

fn ok(run: &Run) {
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn an_added_template_follows_every_resource_through_its_life() {
    let team = Team::with(&[
        (AUDIT, &audit_template("Audit v1.")),
        ("src/lib/audit.ts", ONCE),
    ]);
    ok(&team.new_app(&["Note body:text", "BlogPost title:string"]));

    // One file per resource, from the resource's own names, laid out by the formatter.
    let blog = team.read("app/src/services/blog-post.audit.ts");
    assert_eq!(
        blog,
        "// Audit v1.\n\
         import { getBlogPost } from './blog-post.service'\n\
         \n\
         export const blogPostAudit = {\n\
         \x20 resource: 'blog-post',\n\
         \x20 table: 'blog_posts',\n\
         \x20 label: 'blog post',\n\
         \x20 plural: 'blog posts',\n\
         }\n\
         \n\
         export async function auditBlogPost(...args: Parameters<typeof getBlogPost>) {\n\
         \x20 const row = await getBlogPost(...args)\n\
         \x20 return { ...blogPostAudit, id: row.id }\n\
         }\n"
    );
    assert!(
        team.read("app/src/services/note.audit.ts")
            .contains("import { getNote } from './note.service'")
    );
    assert_eq!(
        team.read("app/src/lib/audit.ts"),
        "export const audited = ['blog-post', 'note']\n"
    );

    // The ledger knows each file's template and the pack's revision.
    let ledger: serde_json::Value =
        serde_json::from_str(&team.read("app/.strata/ledger.json")).unwrap();
    let revision = ledger["pack"].as_str().expect("the app's pack revision");
    for (path, template) in [
        ("src/services/note.audit.ts", AUDIT),
        ("src/services/blog-post.audit.ts", AUDIT),
        ("src/lib/audit.ts", "src/lib/audit.ts"),
    ] {
        let record = &ledger["files"][path];
        assert_eq!(record["template"], template, "{path}: {record}");
        assert_eq!(record["pack"], revision, "{path}: {record}");
    }

    // `add resource` renders the added template for the new resource, and the once-file again.
    ok(&team.run(&["add", "resource", "Tag", "name:string", "-C", "app"]));
    assert!(
        team.read("app/src/services/tag.audit.ts")
            .contains("export async function auditTag(...args: Parameters<typeof getTag>) {")
    );
    assert_eq!(
        team.read("app/src/lib/audit.ts"),
        "export const audited = ['blog-post', 'note', 'tag']\n"
    );

    // A hand edit in one audit file survives a change of the pack's template.
    let note = "app/src/services/note.audit.ts";
    let edited = format!("{}// note's own line\n", team.read(note));
    std::fs::write(team.path(note), &edited).unwrap();
    ok(&team.run(&["check", "-C", "app"]));
    team.write_pack(AUDIT, &audit_template("Audit v2."));
    let check = team.run(&["check", "-C", "app"]);
    assert_eq!(check.code, 1, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.contains("behind: its pack changed")
            && check.stdout.contains("src/services/tag.audit.ts")
            && check
                .stdout
                .contains("src/services/note.audit.ts: edited by hand"),
        "{}",
        check.stdout
    );
    let generate = team.run(&["generate", "-C", "app"]);
    ok(&generate);
    assert!(
        generate
            .stdout
            .contains("merge  src/services/note.audit.ts  (edited by hand; merged)"),
        "{}",
        generate.stdout
    );
    let merged = team.read(note);
    assert!(
        merged.starts_with("// Audit v2.\n") && merged.ends_with("// note's own line\n"),
        "{merged}"
    );
    assert!(
        team.read("app/src/services/tag.audit.ts")
            .starts_with("// Audit v2.\n")
    );
    ok(&team.run(&["check", "-C", "app"]));

    // A renamed resource's audit file moves, with its hand edit.
    let blog = "app/src/services/blog-post.audit.ts";
    let edited = format!("{}// blog's own line\n", team.read(blog));
    std::fs::write(team.path(blog), &edited).unwrap();
    let manifest = team.read("app/strata.toml").replace(
        "[resources.blog_post]\n",
        "[resources.article]\nrenamed_from = \"blog_post\"\n",
    );
    std::fs::write(team.path("app/strata.toml"), manifest).unwrap();
    let renamed = team.run(&["generate", "-C", "app"]);
    ok(&renamed);
    assert!(
        renamed.stdout.contains(
            "delete  src/services/blog-post.audit.ts  (moved to src/services/article.audit.ts)"
        ),
        "{}",
        renamed.stdout
    );
    let article = team.read("app/src/services/article.audit.ts");
    assert!(
        article.contains("import { getArticle } from './article.service'")
            && article.ends_with("// blog's own line\n"),
        "{article}"
    );
    assert!(!team.path(blog).exists());

    // Removing a resource removes its unedited audit file, and keeps (and says so) an edited one.
    let removed = team.run(&["remove", "resource", "Tag", "-C", "app"]);
    ok(&removed);
    assert!(
        removed.stdout.contains("delete  src/services/tag.audit.ts"),
        "{}",
        removed.stdout
    );
    assert!(!team.path("app/src/services/tag.audit.ts").exists());
    let removed = team.run(&["remove", "resource", "Note", "-C", "app"]);
    ok(&removed);
    assert!(
        removed.stdout.contains(
            "src/services/note.audit.ts  (no longer generated, but edited by hand: left in place)"
        ),
        "{}",
        removed.stdout
    );
    assert_eq!(team.read(note), merged);
    assert_eq!(
        team.read("app/src/lib/audit.ts"),
        "export const audited = ['article']\n"
    );
    ok(&team.run(&["check", "-C", "app"]));

    // The app may own the pack's added template as it owns strata's.
    ok(&team.run(&["templates", "eject", AUDIT, "-C", "app"]));
    assert_eq!(
        team.read(&format!("app/.strata/templates/{AUDIT}")),
        audit_template("Audit v2.")
    );
    ok(&team.run(&["check", "-C", "app"]));
}

#[test]
fn an_apps_own_template_may_add_a_file_too() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["new", "app", "--no-git", "--resource", "Note body:text"]);
    ok(&run);
    let own = sandbox
        .app()
        .join(".strata/templates/src/services/__kebab__.audit.ts");
    std::fs::create_dir_all(own.parent().unwrap()).unwrap();
    std::fs::write(&own, audit_template("The app's audit.")).unwrap();
    ok(&sandbox.in_app(&["generate"]));
    assert!(
        sandbox
            .read("src/services/note.audit.ts")
            .starts_with("// The app's audit.\nimport { getNote } from './note.service'\n")
    );
    let ledger: serde_json::Value =
        serde_json::from_str(&sandbox.read(".strata/ledger.json")).unwrap();
    let record = &ledger["files"]["src/services/note.audit.ts"];
    assert_eq!(record["template"], AUDIT);
    assert!(
        record.get("pack").is_none_or(serde_json::Value::is_null),
        "{record}"
    );
    ok(&sandbox.in_app(&["check"]));
}

/// `strata new` with a pack holding `files` fails with exit code 2, writes no app, and says
/// every one of `said`.
fn refused(files: &[(&str, &str)], resources: &[&str], said: &[&str]) {
    let team = Team::with(files);
    let run = team.new_app(resources);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    for part in said {
        assert!(
            run.stderr.contains(part),
            "{part:?} not in:\n{}",
            run.stderr
        );
    }
    assert!(!team.path("app").exists());
}

#[test]
fn an_unknown_placeholder_is_named_with_the_ones_strata_knows() {
    refused(
        &[("src/services/__snake__.audit.ts", "export const x = 1\n")],
        &["Note body:text"],
        &[
            "template ../team/templates/src/services/__snake__.audit.ts:",
            "the placeholder __snake__, which strata does not know",
            "__kebab__ (the resource's name in kebab case",
            "__plural_kebab__ (its plural",
        ],
    );
}

#[test]
fn an_added_template_that_fails_names_the_pack_file_and_the_output() {
    // A render error: the template is named where it is in the pack.
    refused(
        &[(AUDIT, "export const x = [[ resource.nope ]]\n")],
        &["Note body:text"],
        &[
            "template ../team/templates/src/services/__kebab__.audit.ts:",
            "nope",
        ],
    );
    // Text the formatter cannot parse: the pack file, the output path and the line.
    refused(
        &[(AUDIT, "export const = '[[ resource.names.kebab ]]'\n")],
        &["Note body:text"],
        &[
            "template ../team/templates/src/services/__kebab__.audit.ts wrote src/services/note.audit.ts, which is not valid TypeScript",
            "export const = 'note'",
        ],
    );
}

#[test]
fn an_added_output_that_another_file_holds_is_refused() {
    // strata's own once-file (`_gitignore` writes `.gitignore`).
    refused(
        &[(".gitignore", "node_modules\n")],
        &[],
        &[
            "template ../team/templates/.gitignore: it would write .gitignore, which strata's template _gitignore writes too",
        ],
    );
    // A once-file where a resource's service goes.
    refused(
        &[("src/services/note.service.ts", "export const x = 1\n")],
        &["Note body:text"],
        &[
            "it would write src/services/note.service.ts, which strata's template src/services/__kebab__.service.ts for resource \"note\" writes too",
        ],
    );
    // A file strata writes outside its templates.
    refused(
        &[("public/openapi.json", "{}\n")],
        &[],
        &["it would write public/openapi.json, which strata (the OpenAPI document) writes too"],
    );

    // A per-resource file that a resource added later would put on a file of strata's: the
    // resource is refused, and the manifest stays as it was.
    let team = Team::with(&[("src/lib/__kebab__.ts", "export const x = 1\n")]);
    ok(&team.new_app(&["Note body:text"]));
    assert!(team.path("app/src/lib/note.ts").exists());
    let manifest = team.read("app/strata.toml");
    let run = team.run(&["add", "resource", "Utils", "name:string", "-C", "app"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(
            "template ../team/templates/src/lib/__kebab__.ts: it would write src/lib/utils.ts for resource \"utils\", which strata's template src/lib/utils.ts writes too"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(team.read("app/strata.toml"), manifest);
}
