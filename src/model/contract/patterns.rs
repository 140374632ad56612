//! The contract's regular expressions: what text, emails, UUIDs, dates, date-times and page
//! cursors look like. Each is a strict subset of what JSON Schema validators take for its
//! `format`, and uses no look-around, so fuzzers can generate from it.

use serde::Serialize;

/// The regular expressions of the contract. Each is written both into the OpenAPI document and,
/// through the app's `src/schemas/common.ts`, into the Zod schema that enforces it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Patterns {
    /// Text PostgreSQL can store: anything but the NUL character.
    pub text: &'static str,
    pub email: &'static str,
    /// Any 8-4-4-4-12 hexadecimal UUID, as PostgreSQL's `uuid` type takes it.
    pub uuid: &'static str,
    /// A calendar date (`2026-02-28`; leap days only in leap years).
    pub date: &'static str,
    /// An RFC 3339 date-time with a `Z` or an offset.
    pub date_time: &'static str,
    /// A page cursor: base64url, as `nextCursor` is written.
    pub cursor: &'static str,
}

/// A month and a day of it, leap days aside: `01-31`, `04-30`, `02-28`.
macro_rules! month_day {
    () => {
        r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))"
    };
}

/// The last two digits of a leap year that is not a century, or the first two of one that is.
macro_rules! leap {
    () => {
        r"(?:[2468][048]|[13579][26]|0[48])"
    };
}

pub const PATTERNS: Patterns = Patterns {
    text: r"^[^\u0000]*$",
    // A strict subset of what JSON Schema validators take as `format: email` (a local part of at
    // most 64 characters, domain labels of at most 63 with no `--` at the third position), with
    // no look-ahead, so that fuzzers can generate from it.
    email: concat!(
        r"^[A-Za-z0-9_'+-]{1,32}(?:\.[A-Za-z0-9_'+-]{1,15}){0,2}",
        r"@(?:[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,2}\.){1,3}[A-Za-z]{2,24}$"
    ),
    uuid: r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    // Years 1 to 9999: PostgreSQL has no year 0.
    date: concat!(
        r"^(?:(?:\d\d",
        leap!(),
        "|",
        leap!(),
        r"00)-02-29|(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])-",
        month_day!(),
        ")$"
    ),
    // Years 101 to 9999, as JavaScript reads a timestamp of an earlier year back wrong (0099 as
    // 1999); offsets up to ±15:59, as PostgreSQL takes them.
    date_time: concat!(
        r"^(?:(?:(?:[1-9]\d|0[1-9])",
        leap!(),
        "|",
        leap!(),
        r"00)-02-29|(?:[1-9]\d{3}|0[2-9]\d{2}|01(?:0[1-9]|[1-9]\d))-",
        month_day!(),
        r")T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$"
    ),
    cursor: r"^[A-Za-z0-9_-]+$",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_anchored_and_share_their_months() {
        for pattern in [PATTERNS.date, PATTERNS.date_time] {
            assert!(pattern.starts_with('^') && pattern.ends_with('$'));
            assert!(pattern.contains(month_day!()));
        }
    }

    #[test]
    fn no_pattern_needs_escaping_in_a_regular_expression_literal() {
        let p = PATTERNS;
        for pattern in [p.text, p.email, p.uuid, p.date, p.date_time, p.cursor] {
            assert!(!pattern.contains('/'), "{pattern}");
        }
    }
}
