import { describe, expect, it } from 'vitest'
[% for resource in app.resources %]
[% set n = resource.names %]
[[ wrap(open="import {", items=["create" ~ n.pascal ~ "Schema", "update" ~ n.pascal ~ "Schema"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% endfor %]

// A client may send a resource's fields, and nothing the server owns (id, owner, timestamps).
describe('input schemas take exactly the fields of strata.toml', () => {
[% for resource in app.resources %]
[% set n = resource.names %]
[% if not loop.first %]

[% endif %]
  it('[[ n.snake ]]', () => {
    [[ wrap(open="const fields = [", items=resource.input_keys, close="]", indent=4) ]]
    [[ expectation(subject="Object.keys(create" ~ n.pascal ~ "Schema.shape).sort()", matcher="toEqual", expected="fields", indent=4) ]]
    [[ expectation(subject="Object.keys(update" ~ n.pascal ~ "Schema.shape).sort()", matcher="toEqual", expected="fields", indent=4) ]]
  })
[% endfor %]
})
