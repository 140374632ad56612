//! The field types of the DSL and the values their modifiers may take.

use serde::Serialize;

/// A column type, as written after the field name (`string`, `enum:a,b`, `ref:user`…).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldType {
    String { max: u32 },
    Text,
    Integer,
    Bigint,
    Float,
    Decimal { precision: u32, scale: u32 },
    Boolean,
    Date,
    Datetime,
    Uuid,
    Email,
    Url,
    Json,
    Enum { values: Vec<String> },
    Array { of: Box<FieldType> },
    Ref { resource: String },
}

/// Every type keyword, in the order the help text lists them.
pub const TYPE_KEYWORDS: &[&str] = &[
    "string", "text", "integer", "bigint", "float", "decimal", "boolean", "date", "datetime",
    "uuid", "email", "url", "json", "enum", "array", "ref",
];

/// Spellings from other frameworks, and what strata calls them.
pub const TYPE_ALIASES: &[(&str, &str)] = &[
    ("int", "integer"),
    ("number", "integer"),
    ("bool", "boolean"),
    ("timestamp", "datetime"),
    ("timestamptz", "datetime"),
    ("varchar", "string"),
    ("str", "string"),
    ("references", "ref"),
    ("belongs_to", "ref"),
    ("numeric", "decimal"),
    ("double", "float"),
    ("jsonb", "json"),
];

/// Default `max` of a `string` field (varchar length).
pub const DEFAULT_STRING_MAX: u32 = 255;
/// Default precision and scale of a `decimal` field.
pub const DEFAULT_DECIMAL: (u32, u32) = (10, 2);

impl FieldType {
    /// The keyword that introduces this type.
    #[must_use]
    pub fn keyword(&self) -> &'static str {
        match self {
            FieldType::String { .. } => "string",
            FieldType::Text => "text",
            FieldType::Integer => "integer",
            FieldType::Bigint => "bigint",
            FieldType::Float => "float",
            FieldType::Decimal { .. } => "decimal",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
            FieldType::Datetime => "datetime",
            FieldType::Uuid => "uuid",
            FieldType::Email => "email",
            FieldType::Url => "url",
            FieldType::Json => "json",
            FieldType::Enum { .. } => "enum",
            FieldType::Array { .. } => "array",
            FieldType::Ref { .. } => "ref",
        }
    }

    /// A type that takes no argument, from its keyword.
    #[must_use]
    pub fn simple(keyword: &str) -> Option<FieldType> {
        Some(match keyword {
            "string" => FieldType::String {
                max: DEFAULT_STRING_MAX,
            },
            "text" => FieldType::Text,
            "integer" => FieldType::Integer,
            "bigint" => FieldType::Bigint,
            "float" => FieldType::Float,
            "decimal" => FieldType::Decimal {
                precision: DEFAULT_DECIMAL.0,
                scale: DEFAULT_DECIMAL.1,
            },
            "boolean" => FieldType::Boolean,
            "date" => FieldType::Date,
            "datetime" => FieldType::Datetime,
            "uuid" => FieldType::Uuid,
            "email" => FieldType::Email,
            "url" => FieldType::Url,
            "json" => FieldType::Json,
            _ => return None,
        })
    }

    /// Text-like types, whose `min`/`max` bound the length.
    #[must_use]
    pub fn is_textual(&self) -> bool {
        matches!(
            self,
            FieldType::String { .. } | FieldType::Text | FieldType::Email | FieldType::Url
        )
    }

    /// Number types, whose `min`/`max` bound the value.
    #[must_use]
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            FieldType::Integer | FieldType::Bigint | FieldType::Float | FieldType::Decimal { .. }
        )
    }

    /// Whether a list may be sorted by this type: keyset pagination puts it in `ORDER BY`, so
    /// values must compare (JSON, lists and free text do not usefully; ids are not an order).
    #[must_use]
    pub fn is_sortable(&self) -> bool {
        !matches!(
            self,
            FieldType::Text
                | FieldType::Json
                | FieldType::Array { .. }
                | FieldType::Uuid
                | FieldType::Ref { .. }
        )
    }

    /// Whether some value of the right JSON shape is refused: every type but `json`, which
    /// takes any JSON value.
    #[must_use]
    pub fn refuses_some_value(&self) -> bool {
        !matches!(self, FieldType::Json)
    }

    /// Whether a list query may filter on this type with `?field=value`.
    #[must_use]
    pub fn is_filterable(&self) -> bool {
        !matches!(
            self,
            FieldType::Json | FieldType::Array { .. } | FieldType::Text
        )
    }
}

/// A `default=` value, checked against the field's type.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DefaultValue {
    Text(String),
    Integer(i64),
    /// A float or decimal, kept as the user wrote it (already checked to be a number).
    Number(String),
    Boolean(bool),
    /// `default=now` on a datetime, `default=today` on a date.
    Now,
    /// A literal date (`2024-01-31`) or datetime (RFC 3339).
    Timestamp(String),
    /// `default=random` on a uuid.
    RandomUuid,
    /// A literal JSON document.
    Json(String),
}
