import 'server-only'
import * as z from 'zod'
import { ValidationError } from '@/lib/errors'
import type { Page } from '@/types'

/** A sort key as it appears in `?sort=`: a field name, `-` in front for descending. */
export type SortKey<Field extends string> = Field | `-${Field}`

/**
 * What a sortable field holds, so that a cursor's value is read back as that type: an enum
 * field lists its values.
 */
export type SortKind = 'text' | 'number' | 'decimal' | 'boolean' | 'date' | 'datetime' | string[]

type SortDirection = 'asc' | 'desc'

const cursorPayloadSchema = z.strictObject({
  sort: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  id: z.uuid(),
})

type CursorPayload = z.output<typeof cursorPayloadSchema>

type CursorValue = Date | string | number | boolean

function invalidCursor(): ValidationError {
  return new ValidationError('The cursor is not valid for this list.', [
    { path: ['cursor'], message: 'Invalid cursor.' },
  ])
}

function decodeCursor(cursor: string): CursorPayload {
  try {
    const json: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    return cursorPayloadSchema.parse(json)
  } catch {
    throw invalidCursor()
  }
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

const DECIMAL = /^-?\d+(\.\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

function cursorValue(kind: SortKind, value: string | number | boolean): CursorValue {
  if (kind === 'datetime' || kind === 'date') {
    const text = String(value)
    const date = new Date(kind === 'date' ? `${text}T00:00:00Z` : text)
    const valid = kind === 'datetime' || DATE.test(text)
    if (typeof value !== 'string' || !valid || Number.isNaN(date.getTime())) {
      throw invalidCursor()
    }
    return date
  }
  if (kind === 'boolean' || kind === 'number') {
    if (typeof value !== kind) {
      throw invalidCursor()
    }
    return value
  }
  if (typeof value !== 'string') {
    throw invalidCursor()
  }
  if (
    (kind === 'decimal' && !DECIMAL.test(value)) ||
    (Array.isArray(kind) && !kind.includes(value))
  ) {
    throw invalidCursor()
  }
  return value
}

function isDescending(sort: string): boolean {
  return sort.startsWith('-')
}

function direction(sort: string): SortDirection {
  return isDescending(sort) ? 'desc' : 'asc'
}

/** The field a sort key names, without its direction. */
export function sortField<Field extends string>(sort: SortKey<Field>): Field {
  return (isDescending(sort) ? sort.slice(1) : sort) as Field
}

/**
 * ORDER BY the sort field, then the id so that ties keep a stable order; `OrderBy` is the
 * model's `orderBy` input.
 */
export function orderBy<OrderBy>(sort: string): OrderBy[] {
  const field = sortField(sort)
  return [{ [field]: direction(sort) }, { id: direction(sort) }] as OrderBy[]
}

/**
 * Keyset condition: rows strictly after the cursor's row in the sort order (none without a
 * cursor); `Where` is the model's `where` input.
 */
export function afterCursor<Field extends string, Where>(
  cursor: string | undefined,
  sort: SortKey<Field>,
  kinds: Record<Field, SortKind>,
): Where {
  if (!cursor) {
    return {} as Where
  }
  const payload = decodeCursor(cursor)
  if (payload.sort !== sort) {
    throw invalidCursor()
  }
  const field = sortField(sort)
  const value = cursorValue(kinds[field], payload.value)
  const after = isDescending(sort) ? 'lt' : 'gt'
  return {
    OR: [{ [field]: { [after]: value } }, { [field]: value, id: { [after]: payload.id } }],
  } as Where
}

/** Cuts the extra row fetched to learn whether another page follows. */
export function toPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  sort: string,
): Page<Row> {
  const data = rows.slice(0, limit)
  const last = data.at(-1)
  if (rows.length <= limit || !last) {
    return { data, nextCursor: null }
  }
  const field = sortField(sort) as keyof Row
  return { data, nextCursor: encodeCursor(sort, last[field], last.id) }
}
