import { describe, expect, it } from 'vitest'
import { createNoteSchema, updateNoteSchema } from '@/schemas/note.schema'

// A client may send a resource's fields, and nothing the server owns (id, owner, timestamps).
describe('input schemas take exactly the fields of strata.toml', () => {
  it('note', () => {
    const fields = ['body']
    expect(Object.keys(createNoteSchema.shape).sort()).toEqual(fields)
    expect(Object.keys(updateNoteSchema.shape).sort()).toEqual(fields)
  })
})
