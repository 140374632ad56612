import * as z from 'zod'
import { describe, expect, it } from 'vitest'
import { ConflictError, ValidationError } from '@/lib/errors'
import { formFailure, readBoolean, readDateTime, readJson, readNumber, readNumberList, readText, readTextList } from '@/lib/forms'

[[ <tests.form_of_fields /> ]]

describe('form readers', () => {
  it('read an empty field as refused, cleared or kept, as the field wants', () => {
    const empty = form({ field: '' })
    expect(readText(empty, 'field')).toBe('')
    expect(readText(empty, 'field', { optional: true })).toBeNull()
    expect(readText(empty, 'field', { keepIfEmpty: true })).toBeUndefined()
    expect(readText(form({}), 'field')).toBeUndefined()
    expect(readText(form({ field: '  as typed ' }), 'field')).toBe('  as typed ')
  })

  it('turn numbers into numbers and leave the rest for the schema to refuse', () => {
    expect(readNumber(form({ n: '42' }), 'n')).toBe(42)
    expect(readNumber(form({ n: '-1.5' }), 'n')).toBe(-1.5)
    expect(readNumber(form({ n: 'many' }), 'n')).toBe('many')
    expect(readNumber(form({ n: '' }), 'n', { optional: true })).toBeNull()
    expect(readNumberList(form({ n: '1\n\n 2 \nthree' }), 'n')).toEqual([1, 2, 'three'])
  })

  it('read checkboxes, UTC date-times, JSON and lists', () => {
    expect(readBoolean(form({ on: 'on' }), 'on')).toBe(true)
    expect(readBoolean(form({}), 'on')).toBe(false)
    expect(readDateTime(form({ at: '2026-01-31T09:30' }), 'at')).toBe('2026-01-31T09:30:00Z')
    expect(readJson(form({ data: '{"a":[1]}' }), 'data')).toEqual({ a: [1] })
    expect(() => readJson(form({ data: '{oops' }), 'data')).toThrow(ValidationError)
    expect(readTextList(form({ tags: 'a\n b \n\nc' }), 'tags')).toEqual(['a', 'b', 'c'])
  })
})

describe('formFailure', () => {
  it('gives field errors for invalid input, and keeps what was typed', () => {
    const submitted = form({ title: '', note: 'kept' })
    const schema = z.object({ title: z.string().min(1) })
    const result = schema.safeParse({ title: '' })
    const state = formFailure(result.error, submitted)
    expect(state?.errors?.title?.length).toBe(1)
    expect(state?.values).toEqual({ title: '', note: 'kept' })
    const refused = new ValidationError('Bad reference.', [{ path: ['postId'], message: 'Gone.' }])
    expect(formFailure(refused, submitted)?.errors).toEqual({ postId: ['Gone.'] })
  })

  it('gives one message for what the service decided, and rethrows the unexpected', () => {
    expect(formFailure(new ConflictError('Taken.'), form({}))?.message).toBe('Taken.')
    expect(() => formFailure(new Error('boom'), form({}))).toThrow('boom')
  })
})
