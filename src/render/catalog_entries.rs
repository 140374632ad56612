[
    app("package.json", When::Always),
    app("README.md", When::Always),
    app("_gitignore", When::Always),
    app("src/db/schema/index.ts", When::Always),
    resource("src/db/schema/__kebab__.ts", When::Always),
    app("src/dal/index.ts", When::Always),
    resource("src/dal/__plural_kebab__/__kebab__.dal.ts", When::Always),
]
