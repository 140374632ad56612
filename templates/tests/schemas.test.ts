import { describe, expect, it } from 'vitest'
[% for resource in app.resources %]
[% set n = resource.names %]
import { create[[ n.pascal ]]Schema, update[[ n.pascal ]]Schema } from '@/schemas/[[ n.kebab ]].schema'
[% endfor %]

// A client may send a resource's fields, and nothing the server owns (id, owner, timestamps).
describe('input schemas take exactly the fields of strata.toml', () => {
[% for resource in app.resources %]
[% set n = resource.names %]
[% if not loop.first %]

[% endif %]
  it('[[ n.snake ]]', () => {
    const fields = [[ resource.input_keys ]]
    expect(Object.keys(create[[ n.pascal ]]Schema.shape).sort()).toEqual(fields)
    expect(Object.keys(update[[ n.pascal ]]Schema.shape).sort()).toEqual(fields)
  })
[% endfor %]
})
