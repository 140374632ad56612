[# Blocks the page templates share: rendered where a template calls them, never on their own. #]
[# How a page shows one column's value of `row`: text as it is, a reference as a link to its row, #]
[# every other kind through the component that shows it (JSON as a block where it has room). #]
[% component pages.shown_value(column, block=false) %]
[% set show = column.show %]
[% set shown_by = {"boolean": "BooleanValue", "enum": "EnumValue", "date": "DateValue", "datetime": "DateTimeValue", "json": "JsonValue", "list": "ListValue"} %]
[% if show.kind == "text" %]
{row.[[ column.key ]][% if show.optional %] ?? '—'[% endif %]}
[% elif show.kind == "row_link" %]
<RowLink href="/[[ show.target ]]" value={row.[[ column.key ]]} />
[% else %]
<[[ shown_by[show.kind] ]] value={row.[[ column.key ]]}[% if block and show.kind == "json" %] block[% endif %] />
[% endif %]
[%- endcomponent pages.shown_value %]
