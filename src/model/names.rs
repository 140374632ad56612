//! Every name strata derives for a resource or a field: the one place that knows casing.

use heck::{ToKebabCase, ToLowerCamelCase, ToPascalCase, ToSnakeCase};
use serde::Serialize;

use super::plural::pluralize_snake;

/// The names of one resource, derived from what the user typed (`post`, `BlogPost`, `blog_post`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceNames {
    /// `blog_post`: the manifest key.
    pub snake: String,
    /// `BlogPost`: type names.
    pub pascal: String,
    /// `blogPost`: variables.
    pub camel: String,
    /// `blog-post`: file names (`blog-post.service.ts`).
    pub kebab: String,
    /// `blog post`: prose.
    pub human: String,
    /// `blog_posts`: the table (shortened with a hash past PostgreSQL's 63 bytes).
    pub table: String,
    /// `BlogPosts`
    pub plural_pascal: String,
    /// `blogPosts`: the table's TypeScript binding.
    pub plural_camel: String,
    /// `blog-posts`: route segments and DAL folders.
    pub plural_kebab: String,
    /// `blog posts`
    pub plural_human: String,
}

impl ResourceNames {
    /// Derives every name from user input in any case.
    #[must_use]
    pub fn new(input: &str) -> Self {
        let snake = input.to_snake_case();
        let plural = pluralize_snake(&snake);
        ResourceNames {
            pascal: snake.to_pascal_case(),
            camel: snake.to_lower_camel_case(),
            kebab: snake.to_kebab_case(),
            human: snake.replace('_', " "),
            plural_pascal: plural.to_pascal_case(),
            plural_camel: plural.to_lower_camel_case(),
            plural_kebab: plural.to_kebab_case(),
            plural_human: plural.replace('_', " "),
            table: sql_identifier(plural),
            snake,
        }
    }
}

/// The names of one field: `camel` in TypeScript and JSON, `column` in SQL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldNames {
    /// `author`: what the user wrote, in snake case.
    pub snake: String,
    /// `authorId` for a ref, else `title`.
    pub camel: String,
    /// `author_id` for a ref, else `title` (shortened with a hash past PostgreSQL's 63 bytes).
    pub column: String,
    /// `Author`: labels.
    pub label: String,
}

impl FieldNames {
    /// Field names; a reference field gets the `_id` suffix on its column and key.
    #[must_use]
    pub fn new(input: &str, is_reference: bool) -> Self {
        let snake = input.to_snake_case();
        let column = sql_identifier(if is_reference {
            format!("{snake}_id")
        } else {
            snake.clone()
        });
        let mut label = snake.replace('_', " ");
        if let Some(first) = label.get(..1) {
            label = first.to_uppercase() + &label[1..];
        }
        FieldNames {
            camel: column.to_lower_camel_case(),
            column,
            label,
            snake,
        }
    }
}

/// Whether `input` is a name strata can turn into identifiers: ASCII letters, digits, `_` or `-`,
/// starting with a letter.
#[must_use]
pub fn is_identifier(input: &str) -> bool {
    let mut chars = input.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A table, column, type, constraint or index name within PostgreSQL's 63 bytes
/// (`NAMEDATALEN - 1`; the server would cut a longer one, and Prisma refuses it). A longer name keeps its start and its kind (`_idx`,
/// `_fk`, `_unique`), with a hash of the whole name between them, so that two long names that
/// begin alike (a column's index and its foreign key) stay apart.
pub fn sql_identifier(name: String) -> String {
    const MAX: usize = 63;
    if name.len() <= MAX {
        return name;
    }
    let suffix = name.rfind('_').map_or("", |i| &name[i..]);
    // FNV-1a: stable across platforms and releases, which a migration's names must be.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    let mut keep = MAX - suffix.len() - 9;
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    let start = name[..keep].trim_end_matches('_');
    format!("{start}_{hash:08x}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sql_identifiers_fit_postgresql_and_stay_apart() {
        assert_eq!(
            sql_identifier("posts_user_id_idx".into()),
            "posts_user_id_idx"
        );
        let table = "inbound_consignment_quality_inspection_records";
        let column = "assigned_temperature_controlled_storage_compartment_id";
        let index = sql_identifier(format!("{table}_{column}_idx"));
        let key = sql_identifier(format!("{table}_{column}_compartments_id_fk"));
        assert!(index.len() <= 63 && key.len() <= 63, "{index} {key}");
        assert!(index.ends_with("_idx") && key.ends_with("_fk"));
        let other = sql_identifier(format!("{table}_{column}_backup_idx"));
        assert_ne!(index, other, "names that begin alike stay apart");
        assert_eq!(
            index,
            sql_identifier(format!("{table}_{column}_idx")),
            "stable"
        );
    }

    #[test]
    fn every_spelling_is_the_same_resource() {
        let expected = ResourceNames::new("blog_post");
        for input in [
            "BlogPost",
            "blogPost",
            "blog-post",
            "Blog_Post",
            "BLOG_POST",
        ] {
            assert_eq!(ResourceNames::new(input), expected, "{input}");
        }
        assert_eq!(ResourceNames::new("post"), ResourceNames::new("Post"));
    }

    #[test]
    fn derives_each_kind_of_name() {
        let n = ResourceNames::new("BlogPost");
        assert_eq!(
            [
                &n.snake,
                &n.pascal,
                &n.camel,
                &n.kebab,
                &n.table,
                &n.plural_pascal,
                &n.plural_camel,
                &n.plural_kebab
            ],
            [
                "blog_post",
                "BlogPost",
                "blogPost",
                "blog-post",
                "blog_posts",
                "BlogPosts",
                "blogPosts",
                "blog-posts"
            ]
        );
        let n = ResourceNames::new("person");
        assert_eq!(
            [&n.table, &n.plural_camel, &n.plural_pascal],
            ["people", "people", "People"]
        );
        let n = ResourceNames::new("ProductCategory");
        assert_eq!(
            [&n.table, &n.plural_kebab, &n.plural_human],
            [
                "product_categories",
                "product-categories",
                "product categories"
            ]
        );
    }

    #[test]
    fn reference_fields_get_an_id_suffix() {
        let f = FieldNames::new("author", true);
        assert_eq!(
            [&f.column, &f.camel, &f.label],
            ["author_id", "authorId", "Author"]
        );
        let f = FieldNames::new("publishedAt", false);
        assert_eq!(
            [&f.column, &f.camel, &f.label],
            ["published_at", "publishedAt", "Published at"]
        );
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("blog_post"));
        assert!(is_identifier("BlogPost2"));
        assert!(!is_identifier("../x"));
        assert!(!is_identifier("a/b"));
        assert!(!is_identifier("2fa"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("post name"));
    }
}

/// The names one enum field gives rise to, from its resource's and its own name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumNames {
    /// `postStatus`: the table's enum binding.
    pub pg: String,
    /// `post_status`: the database type.
    pub sql: String,
    /// `PostStatus`: the type of its values.
    pub ts_type: String,
    /// `postStatusValues`: the list of its values.
    pub values_const: String,
}

impl EnumNames {
    /// The names of the enum field `field` of the resource `resource_snake`.
    #[must_use]
    pub fn new(resource_snake: &str, field: &FieldNames) -> EnumNames {
        let base = format!("{resource_snake}_{}", field.snake);
        EnumNames {
            pg: base.to_lower_camel_case(),
            ts_type: base.to_pascal_case(),
            values_const: format!("{}Values", base.to_lower_camel_case()),
            sql: sql_identifier(base),
        }
    }
}
