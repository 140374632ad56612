//! The one filter strata adds to Tera's: `quoted`, which writes a text (or each text of a list)
//! as a TypeScript string literal: `[[ app.auth.roles | quoted | join(sep=", ") ]]` gives
//! `'user', 'admin'`.

use tera::{Kwargs, State, Tera, TeraResult, Value};

pub(super) fn register(tera: &mut Tera) {
    tera.register_filter("quoted", quoted);
}

fn quoted(value: Value, _: Kwargs, _: &State) -> TeraResult<Value> {
    if let Some(text) = value.as_str() {
        return Ok(Value::from(crate::target::typescript::quote(text)));
    }
    if let Some(items) = value.as_array() {
        let quoted: Vec<String> = items
            .iter()
            .map(|item| match item.as_str() {
                Some(text) => Ok(crate::target::typescript::quote(text)),
                None => Err(tera::Error::message(format!(
                    "quoted takes texts, not {item}"
                ))),
            })
            .collect::<TeraResult<_>>()?;
        return Ok(Value::from_serializable(&quoted));
    }
    Err(tera::Error::message(format!(
        "quoted takes a text or a list of texts, not {value}"
    )))
}
