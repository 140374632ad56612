//! `orm = "prisma"`: a new app on Prisma, and an app that changes its ORM through the ledger.

use crate::support::Sandbox;

#[test]
fn new_with_orm_prisma_writes_the_prisma_data_layer() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "new",
        "app",
        "--no-git",
        "--orm",
        "prisma",
        "--auth",
        "none",
        "--resource",
        "Note body:text due_on:date?",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let manifest = sandbox.read("strata.toml");
    assert!(manifest.contains("orm = \"prisma\""));
    // Editors that read taplo's directive validate and complete it against the app's copy.
    assert!(
        manifest.starts_with("#:schema ./.strata/strata.schema.json\n"),
        "{manifest}"
    );
    assert_eq!(
        sandbox.read(".strata/strata.schema.json"),
        strata::manifest::schema::TEXT
    );
    let schema = sandbox.read("prisma/schema.prisma");
    assert!(schema.contains("model Note {"), "{schema}");
    assert!(
        schema.contains("dueOn     DateTime? @map(\"due_on\") @db.Date"),
        "{schema}"
    );
    assert!(
        sandbox
            .read("src/dal/notes/note.dal.ts")
            .contains("db.note.findMany")
    );
    assert!(!sandbox.app().join("drizzle.config.ts").exists());
    assert!(!sandbox.app().join("src/db/schema").exists());
    // One SQL history whichever ORM: the migrations are strata's.
    assert!(sandbox.app().join("drizzle/0000_init.sql").is_file());
    let check = sandbox.in_app(&["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
}

#[test]
fn changing_the_orm_swaps_the_data_layer_and_keeps_hand_edits() {
    let sandbox = Sandbox::new();
    sandbox.new_app("tasks");
    let service = "src/services/task.service.ts";
    let edited_service = format!(
        "{}\nexport const TASKS_PER_PAGE = 25\n",
        sandbox.read(service)
    );
    sandbox.write(service, &edited_service);
    let dal = "src/dal/projects/project.dal.ts";
    let edited_dal = format!(
        "{}\n// Hand-written: archived projects are rare.\n",
        sandbox.read(dal)
    );
    sandbox.write(dal, &edited_dal);
    let migrations = |sandbox: &Sandbox| {
        std::fs::read_dir(sandbox.app().join("drizzle"))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".sql"))
            .count()
    };
    let before = migrations(&sandbox);

    let manifest = sandbox.read("strata.toml");
    sandbox.write(
        "strata.toml",
        &manifest.replace("[app]\n", "[app]\norm = \"prisma\"\n"),
    );
    let run = sandbox.in_app(&["generate"]);
    // The hand edit is a line of its own at the end of the file: it merges without a conflict.
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(sandbox.app().join("prisma/schema.prisma").is_file());
    assert!(sandbox.app().join("src/dal/values.ts").is_file());
    // Strata's own Drizzle files go; the schema is the same, so no migration is written.
    assert!(
        !sandbox.app().join("drizzle.config.ts").exists(),
        "{}",
        run.stdout
    );
    assert!(
        !sandbox.app().join("src/db/schema/task.ts").exists(),
        "{}",
        run.stdout
    );
    assert_eq!(migrations(&sandbox), before);
    // Above the DAL nothing changed, so the edited service is not even touched.
    assert_eq!(sandbox.read(service), edited_service);
    // The edited DAL file is merged with its Prisma version: the Prisma code with the hand
    // edit still there, and no conflict.
    let merged = sandbox.read(dal);
    assert!(merged.contains("archived projects are rare"), "{merged}");
    assert!(merged.contains("db.project."), "{merged}");
    assert!(!strata::merge::has_markers(&merged), "{merged}");
}

#[test]
fn ejecting_a_file_takes_its_variant_of_each_data_layer() {
    let sandbox = Sandbox::new();
    sandbox.new_app("vet_clinic");
    let run = sandbox.in_app(&["templates", "eject", "src/dal/pagination.ts"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let ejected = ".strata/templates/_prisma/src/dal/pagination.ts";
    assert!(
        sandbox
            .app()
            .join(".strata/templates/_drizzle/src/dal/pagination.ts")
            .is_file()
    );
    let edited = format!(
        "{}\n// The team's own paging rule.\n",
        sandbox.read(ejected)
    );
    sandbox.write(ejected, &edited);
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        sandbox
            .read("src/dal/pagination.ts")
            .contains("The team's own paging rule.")
    );
}

/// An override written before the Drizzle templates moved under `_drizzle/` keeps its path and
/// still replaces the template, in a Drizzle app.
#[test]
fn an_override_named_as_before_the_drizzle_folder_still_applies() {
    let sandbox = Sandbox::new();
    sandbox.new_app("blog");
    let run = sandbox.in_app(&["templates", "eject", "src/dal/pagination.ts"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let ejected = sandbox.read(".strata/templates/_drizzle/src/dal/pagination.ts");
    std::fs::remove_dir_all(sandbox.app().join(".strata/templates/_drizzle")).unwrap();
    std::fs::create_dir_all(sandbox.app().join(".strata/templates/src/dal")).unwrap();
    sandbox.write(
        ".strata/templates/src/dal/pagination.ts",
        &format!("{ejected}\n// The team's own paging rule.\n"),
    );
    let run = sandbox.in_app(&["generate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        sandbox
            .read("src/dal/pagination.ts")
            .contains("// The team's own paging rule."),
        "{}",
        run.stdout
    );
    let check = sandbox.in_app(&["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
}
