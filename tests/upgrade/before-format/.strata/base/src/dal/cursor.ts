import 'server-only'
import * as z from 'zod'
import { ValidationError } from '@/lib/errors'
import type { Paginated } from '@/types'

/** A sort key as it appears in `?sort=`: a field name, `-` in front for descending. */
export type SortKey<Field extends string> = Field | `-${Field}`

const cursorPayloadSchema = z.strictObject({
  sort: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  id: z.uuid(),
})

export type CursorPayload = z.output<typeof cursorPayloadSchema>

export function invalidCursor(): ValidationError {
  return new ValidationError('The cursor is not valid for this list.', [
    { path: ['cursor'], message: 'Invalid cursor.' },
  ])
}

/** The payload of a cursor this list issued for this sort; a 422 for any other. */
export function decodeCursor(cursor: string, sort: string): CursorPayload {
  let payload: CursorPayload
  try {
    const json: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    payload = cursorPayloadSchema.parse(json)
  } catch {
    throw invalidCursor()
  }
  if (payload.sort !== sort) {
    throw invalidCursor()
  }
  return payload
}

/** The last row's sort value and id, base64url-encoded: opaque to clients. */
function encodeCursor(sort: string, value: unknown, id: string): string {
  const payload: CursorPayload = {
    sort,
    value: value instanceof Date ? value.toISOString() : (value as string | number | boolean),
    id,
  }
  return Buffer.from(JSON.stringify(payload)).toString('base64url')
}

export function isDescending(sort: string): boolean {
  return sort.startsWith('-')
}

/** The field a sort key names, without its direction. */
export function sortField<Field extends string>(sort: SortKey<Field>): Field {
  return (isDescending(sort) ? sort.slice(1) : sort) as Field
}

/** Cuts the extra row fetched to learn whether another page follows. */
export function toPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  sort: string,
): Paginated<Row> {
  const data = rows.slice(0, limit)
  const last = data.at(-1)
  if (rows.length <= limit || !last) {
    return { data, nextCursor: null }
  }
  const field = sortField(sort) as keyof Row
  return { data, nextCursor: encodeCursor(sort, last[field], last.id) }
}
