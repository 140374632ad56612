//! The field DSL's table of valid and invalid specs.

use super::field_type::{DefaultValue, FieldType};
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
    assert!(cases.len() >= 40);
    for (spec, keyword, optional) in cases {
        let field = parse_field(spec).unwrap_or_else(|e| panic!("{spec}: {}", e.message));
        assert_eq!(field.ty.keyword(), *keyword, "{spec}");
        assert_eq!(field.optional, *optional, "{spec}");
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
    let cases: &[(&str, &str)] = &[
        ("", "a field needs a name"),
        (":string", "a field needs a name"),
        ("title", "field \"title\" has no type"),
        ("title:strin", "unknown type \"strin\""),
        ("title:int", "unknown type \"int\""),
        ("title:varchar", "unknown type \"varchar\""),
        ("title:", "unknown type \"\""),
        ("2title:string", "is not an identifier"),
        ("ti tle:string", "is not an identifier"),
        ("../x:string", "is not an identifier"),
        ("title:string:max=abc", "max=abc is not a valid length"),
        ("title:string:max=0", "max=0 is not a valid length"),
        ("title:string:max=99999999999", "is not a valid length"),
        ("title:string:min=10:max=5", "is larger than max"),
        (
            "title:string:max=3:default=toolong",
            "does not fit the field's min/max length",
        ),
        ("title:string:bogus", "unknown modifier \"bogus\""),
        ("title:string:uniqe", "unknown modifier \"uniqe\""),
        (
            "title:string:unique:unique",
            "modifier unique is given twice",
        ),
        ("title:string:unique=yes", "modifier unique takes no value"),
        ("title:string:default=", "modifier default needs a value"),
        (
            "title:string:unique:index",
            "unique already creates an index",
        ),
        (
            "count:integer:default=abc",
            "default=abc is not valid for an integer field",
        ),
        (
            "count:integer:default=1.5",
            "default=1.5 is not valid for an integer field",
        ),
        (
            "count:integer:default=99999999999",
            "is not valid for an integer field",
        ),
        ("count:integer:max=1.5", "max=1.5 is not a whole number"),
        (
            "count:integer:min=5:default=1",
            "outside the field's min/max range",
        ),
        (
            "score:float:default=nan",
            "default=nan is not valid for a float field",
        ),
        (
            "price:decimal:default=1.234",
            "at most 2 digits after the point",
        ),
        (
            "price:decimal:precision=0",
            "precision=0 is not a whole number",
        ),
        (
            "price:decimal:precision=2:scale=4",
            "scale=4 is larger than precision=2",
        ),
        (
            "title:string:precision=2",
            "precision applies only to decimal fields",
        ),
        (
            "published:boolean:default=yes",
            "default=yes is not valid for a boolean field",
        ),
        (
            "published:boolean:max=1",
            "max does not apply to boolean fields",
        ),
        (
            "born_on:date:default=yesterday",
            "default=yesterday is not valid for a date field",
        ),
        (
            "born_on:date:default=2024-13-01",
            "is not valid for a date field",
        ),
        (
            "at:datetime:default=today",
            "default=today is not valid for a datetime field",
        ),
        (
            "token:uuid:default=abc",
            "default=abc is not valid for a uuid field",
        ),
        (
            "contact:email:default=nobody",
            "is not valid for an email field",
        ),
        (
            "homepage:url:default=example.com",
            "is not valid for a url field",
        ),
        (
            "settings:json:default=nope",
            "is not valid for a json field",
        ),
        ("settings:json:unique", "json fields cannot be unique"),
        ("status:enum", "type enum needs an argument"),
        ("status:enum:", "type enum needs an argument"),
        ("status:enum:a,,b", "enum value \"\" is not allowed"),
        ("status:enum:a,b,a", "enum value \"a\" is listed twice"),
        ("status:enum:a b", "enum value \"a b\" is not allowed"),
        (
            "status:enum:draft,live:default=gone",
            "default=gone is not one of the enum values",
        ),
        ("tags:array", "type array needs an argument"),
        ("tags:array:json", "an array of json is not supported"),
        ("tags:array:ref", "an array of ref is not supported"),
        ("tags:array:strng", "unknown type \"strng\""),
        (
            "tags:array:string:default=x",
            "array fields cannot have a default",
        ),
        ("tags:array:string:unique", "array fields cannot be unique"),
        ("author:ref", "type ref needs an argument"),
        ("author:ref:../user", "is not a resource name"),
        (
            "author:ref:user:default=x",
            "ref fields cannot have a default",
        ),
    ];
    assert!(cases.len() >= 40);
    for (spec, expected) in cases {
        match parse_field(spec) {
            Ok(field) => panic!("{spec:?} was accepted as {field:?}"),
            Err(error) => {
                assert!(
                    error.message.contains(expected),
                    "{spec:?}: got {:?}, expected {expected:?}",
                    error.message
                );
                assert!(!error.help.is_empty(), "{spec:?} has no help");
                assert!(
                    error.span.end <= spec.len().max(1),
                    "{spec:?}: span {:?} out of range",
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
