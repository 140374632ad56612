//! The field DSL's table of valid and invalid specs.

use super::field_type::{DefaultValue, FieldType, TYPE_KEYWORDS};
use super::parse_field;

#[test]
fn valid_specs() {
    let cases: &[(&str, &str, bool)] = &[
        ("title:string", "string", false),
        ("title:string:max=200", "string", false),
        ("title:string:min=3:max=200", "string", false),
        ("title:string?", "string", true),
        ("title?:string", "string", true),
        ("title:string:optional", "string", true),
        ("body:text", "text", false),
        ("body:text:optional", "text", true),
        ("body:text:max=5000", "text", false),
        ("count:integer", "integer", false),
        ("count:integer:default=0", "integer", false),
        ("count:integer:min=0:max=10:default=5", "integer", false),
        ("views:bigint:default=9000000000", "bigint", false),
        ("score:float", "float", false),
        ("score:float:default=0.5", "float", false),
        ("price:decimal", "decimal", false),
        ("price:decimal:precision=8:scale=2", "decimal", false),
        ("price:decimal:default=9.99", "decimal", false),
        (
            "price:decimal:precision=4:scale=0:default=12",
            "decimal",
            false,
        ),
        ("published:boolean", "boolean", false),
        ("published:boolean:default=false", "boolean", false),
        ("born_on:date", "date", false),
        ("born_on:date:default=today", "date", false),
        ("born_on:date:default=2024-01-31", "date", false),
        ("published_at:datetime?", "datetime", true),
        ("published_at:datetime:default=now", "datetime", false),
        ("token:uuid:unique", "uuid", false),
        ("token:uuid:default=random", "uuid", false),
        ("contact:email:unique", "email", false),
        ("contact:email:default=team@example.com", "email", false),
        ("homepage:url?", "url", true),
        ("homepage:url:default=https://example.com", "url", false),
        ("settings:json", "json", false),
        ("settings:json:default=[]", "json", false),
        ("status:enum:draft,review,live", "enum", false),
        ("status:enum:draft,review,live:default=draft", "enum", false),
        ("status:enum:draft,live?", "enum", true),
        ("tags:array:string", "array", false),
        ("tags:array:string:max=10", "array", false),
        ("scores:array:integer?", "array", true),
        ("author:ref:user", "ref", false),
        ("author:ref:user?", "ref", true),
        ("category:ref:category:optional", "ref", true),
        ("slug:string:unique:max=80", "string", false),
        ("secret:string:private", "string", false),
        ("rank:integer:index", "integer", false),
        ("internalNote:string:private:optional", "string", true),
    ];
    for keyword in TYPE_KEYWORDS {
        assert!(
            cases.iter().any(|(_, k, _)| k == keyword),
            "no valid spec of type {keyword}"
        );
    }
    for (spec, keyword, optional) in cases {
        let field = parse_field(spec).unwrap_or_else(|e| panic!("{spec}: {}", e.message));
        assert_eq!(field.ty.keyword(), *keyword, "{spec}");
        assert_eq!(field.optional, *optional, "{spec}");
        // What the spec says lands in the field, whatever the type and the modifiers' order.
        let parts: Vec<&str> = spec.split(':').collect();
        assert_eq!(field.name, parts[0].trim_end_matches('?'), "{spec}");
        let flag = |name: &str| parts.contains(&name);
        assert_eq!(
            (field.unique, field.index, field.private),
            (flag("unique"), flag("index"), flag("private")),
            "{spec}"
        );
        let value = |key: &str| {
            parts
                .iter()
                .find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
        };
        assert_eq!(
            field.default.is_some(),
            value("default").is_some(),
            "{spec}"
        );
        assert_eq!(field.min.as_deref(), value("min"), "{spec}");
        assert_eq!(field.max.as_deref(), value("max"), "{spec}");
    }
}

#[test]
fn modifiers_land_where_they_belong() {
    let field = parse_field("title:string:min=3:max=200:unique").unwrap();
    assert_eq!(field.ty, FieldType::String { max: 200 });
    assert_eq!(
        (field.min.as_deref(), field.max.as_deref(), field.unique),
        (Some("3"), Some("200"), true)
    );
    let field = parse_field("price:decimal:precision=8:scale=3:default=1.125").unwrap();
    assert_eq!(
        field.ty,
        FieldType::Decimal {
            precision: 8,
            scale: 3
        }
    );
    assert_eq!(field.default, Some(DefaultValue::Number("1.125".into())));
    let field = parse_field("status:enum:draft,live:default=live").unwrap();
    assert_eq!(
        field.ty,
        FieldType::Enum {
            values: vec!["draft".into(), "live".into()]
        }
    );
    assert_eq!(field.default, Some(DefaultValue::Text("live".into())));
    assert_eq!(
        parse_field("tags:array:uuid").unwrap().ty,
        FieldType::Array {
            of: Box::new(FieldType::Uuid)
        }
    );
    assert_eq!(
        parse_field("author:ref:user").unwrap().ty,
        FieldType::Ref {
            resource: "user".into()
        }
    );
    assert_eq!(
        parse_field("on:boolean:default=true").unwrap().default,
        Some(DefaultValue::Boolean(true))
    );
    assert_eq!(
        parse_field("at:datetime:default=now").unwrap().default,
        Some(DefaultValue::Now)
    );
}

#[test]
fn invalid_specs() {
    // The spec, what the message says, and the part of the spec the error points at.
    let cases: &[(&str, &str, &str)] = &[
        ("", "a field needs a name", ""),
        (":string", "a field needs a name", ":string"),
        ("title", "field \"title\" has no type", "title"),
        ("title:strin", "unknown type \"strin\"", "strin"),
        ("title:int", "unknown type \"int\"", "int"),
        ("title:varchar", "unknown type \"varchar\"", "varchar"),
        ("title:", "unknown type \"\"", ""),
        ("2title:string", "is not an identifier", "2title"),
        ("ti tle:string", "is not an identifier", "ti tle"),
        ("../x:string", "is not an identifier", "../x"),
        (
            "title:string:max=abc",
            "max=abc is not a valid length",
            "max=abc",
        ),
        ("title:string:max=0", "max=0 is not a valid length", "max=0"),
        (
            "title:string:max=99999999999",
            "is not a valid length",
            "max=99999999999",
        ),
        (
            "title:string:min=10:max=5",
            "is larger than max",
            "title:string:min=10:max=5",
        ),
        (
            "title:string:max=3:default=toolong",
            "does not fit the field's min/max length",
            "title:string:max=3:default=toolong",
        ),
        ("title:string:bogus", "unknown modifier \"bogus\"", "bogus"),
        ("title:string:uniqe", "unknown modifier \"uniqe\"", "uniqe"),
        (
            "title:string:unique:unique",
            "modifier unique is given twice",
            "unique",
        ),
        (
            "title:string:unique=yes",
            "modifier unique takes no value",
            "unique=yes",
        ),
        (
            "title:string:default=",
            "modifier default needs a value",
            "default=",
        ),
        (
            "title:string:unique:index",
            "unique already creates an index",
            "title:string:unique:index",
        ),
        (
            "count:integer:default=abc",
            "default=abc is not valid for an integer field",
            "default=abc",
        ),
        (
            "count:integer:default=1.5",
            "default=1.5 is not valid for an integer field",
            "default=1.5",
        ),
        (
            "count:integer:default=99999999999",
            "is not valid for an integer field",
            "default=99999999999",
        ),
        (
            "count:integer:max=1.5",
            "max=1.5 is not a whole number",
            "max=1.5",
        ),
        (
            "count:integer:min=5:default=1",
            "outside the field's min/max range",
            "count:integer:min=5:default=1",
        ),
        (
            "score:float:default=nan",
            "default=nan is not valid for a float field",
            "default=nan",
        ),
        (
            "price:decimal:default=1.234",
            "at most 2 digits after the point",
            "default=1.234",
        ),
        (
            "price:decimal:precision=0",
            "precision=0 is not a whole number",
            "precision=0",
        ),
        (
            "price:decimal:precision=2:scale=4",
            "scale=4 is larger than precision=2",
            "price:decimal:precision=2:scale=4",
        ),
        (
            "title:string:precision=2",
            "precision applies only to decimal fields",
            "precision=2",
        ),
        (
            "published:boolean:default=yes",
            "default=yes is not valid for a boolean field",
            "default=yes",
        ),
        (
            "published:boolean:max=1",
            "max does not apply to boolean fields",
            "max=1",
        ),
        (
            "born_on:date:default=yesterday",
            "default=yesterday is not valid for a date field",
            "default=yesterday",
        ),
        (
            "born_on:date:default=2024-13-01",
            "is not valid for a date field",
            "default=2024-13-01",
        ),
        (
            "at:datetime:default=today",
            "default=today is not valid for a datetime field",
            "default=today",
        ),
        (
            "token:uuid:default=abc",
            "default=abc is not valid for a uuid field",
            "default=abc",
        ),
        (
            "contact:email:default=nobody",
            "is not valid for an email field",
            "default=nobody",
        ),
        (
            "homepage:url:default=example.com",
            "is not valid for a url field",
            "default=example.com",
        ),
        (
            "settings:json:default=nope",
            "is not valid for a json field",
            "default=nope",
        ),
        (
            "settings:json:unique",
            "json fields cannot be unique",
            "unique",
        ),
        ("status:enum", "type enum needs an argument", "enum"),
        ("status:enum:", "type enum needs an argument", "enum"),
        ("status:enum:a,,b", "enum value \"\" is not allowed", "a,,b"),
        (
            "status:enum:a,b,a",
            "enum value \"a\" is listed twice",
            "a,b,a",
        ),
        (
            "status:enum:a b",
            "enum value \"a b\" is not allowed",
            "a b",
        ),
        (
            "status:enum:draft,live:default=gone",
            "default=gone is not one of the enum values",
            "default=gone",
        ),
        ("tags:array", "type array needs an argument", "array"),
        (
            "tags:array:json",
            "an array of json is not supported",
            "json",
        ),
        ("tags:array:ref", "an array of ref is not supported", "ref"),
        ("tags:array:strng", "unknown type \"strng\"", "strng"),
        (
            "tags:array:string:default=x",
            "array fields cannot have a default",
            "default=x",
        ),
        (
            "tags:array:string:unique",
            "array fields cannot be unique",
            "unique",
        ),
        ("author:ref", "type ref needs an argument", "ref"),
        ("author:ref:../user", "is not a resource name", "../user"),
        (
            "author:ref:user:default=x",
            "ref fields cannot have a default",
            "default=x",
        ),
    ];
    for (spec, expected, blamed) in cases {
        match parse_field(spec) {
            Ok(field) => panic!("{spec:?} was accepted as {field:?}"),
            Err(error) => {
                assert!(
                    error.message.contains(expected),
                    "{spec:?}: got {:?}, expected {expected:?}",
                    error.message
                );
                assert!(!error.help.is_empty(), "{spec:?} has no help");
                // An empty spec has nothing to point at: its span is the one column after it.
                assert!(
                    error.span.end <= spec.len().max(1),
                    "{spec:?}: span {:?} out of range",
                    error.span
                );
                let pointed = spec.get(error.span.clone()).unwrap_or_default();
                assert_eq!(
                    pointed, *blamed,
                    "{spec:?}: the error points at {:?}",
                    error.span
                );
            }
        }
    }
}

#[test]
fn suggestions_for_typos_and_aliases() {
    assert_eq!(
        parse_field("t:strin").unwrap_err().help,
        "did you mean \"string\"?"
    );
    assert_eq!(
        parse_field("t:int").unwrap_err().help,
        "did you mean \"integer\"?"
    );
    assert_eq!(
        parse_field("t:timestamp").unwrap_err().help,
        "did you mean \"datetime\"?"
    );
    assert_eq!(
        parse_field("t:string:uniqe").unwrap_err().help,
        "did you mean \"unique\"?"
    );
    assert_eq!(parse_field("t:string:max=abc").unwrap_err().span, 9..16);
}

#[test]
fn decimals_take_no_value_bounds() {
    let error = parse_field("price:decimal:precision=6:scale=2:min=0").unwrap_err();
    assert_eq!(error.message, "min= does not apply to a decimal");
    assert_eq!(error.span, 34..39);
}
