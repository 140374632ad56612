import 'server-only'
import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import * as z from 'zod'
import { ValidationError } from '@/lib/errors'
import type { Page } from '@/types'

/** A sort key as it appears in `?sort=`: a field name, `-` in front for descending. */
export type SortKey<Field extends string> = Field | `-${Field}`

const cursorPayloadSchema = z.strictObject({
  sort: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  id: z.uuid(),
})

type CursorPayload = z.output<typeof cursorPayloadSchema>

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

function cursorValue(
  column: PgColumn,
  value: string | number | boolean,
): Date | string | number | boolean {
  if (column.dataType === 'date') {
    const date = new Date(String(value))
    if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
      throw invalidCursor()
    }
    return date
  }
  if (column.dataType === 'boolean') {
    if (typeof value !== 'boolean') {
      throw invalidCursor()
    }
    return value
  }
  if (column.dataType === 'number') {
    if (typeof value !== 'number') {
      throw invalidCursor()
    }
    return value
  }
  if (typeof value !== 'string' || (column.enumValues && !column.enumValues.includes(value))) {
    throw invalidCursor()
  }
  return value
}

function isDescending(sort: string): boolean {
  return sort.startsWith('-')
}

/** The field a sort key names, without its direction. */
export function sortField<Field extends string>(sort: SortKey<Field>): Field {
  return (isDescending(sort) ? sort.slice(1) : sort) as Field
}

/** ORDER BY the sort column, then the id so that ties keep a stable order. */
export function orderBy(sort: string, column: PgColumn, idColumn: PgColumn): SQL[] {
  const direction = isDescending(sort) ? desc : asc
  return [direction(column), direction(idColumn)]
}

/** Keyset condition: rows strictly after the cursor's row in the sort order. */
export function afterCursor(
  cursor: string | undefined,
  sort: string,
  column: PgColumn,
  idColumn: PgColumn,
): SQL | undefined {
  if (!cursor) {
    return undefined
  }
  const payload = decodeCursor(cursor)
  if (payload.sort !== sort) {
    throw invalidCursor()
  }
  const value = cursorValue(column, payload.value)
  const after = isDescending(sort) ? lt : gt
  return or(after(column, value), and(eq(column, value), after(idColumn, payload.id)))
}

/** An equality condition, or none when the filter is not set. */
export function equalsIfSet<T>(column: PgColumn, value: T | undefined): SQL | undefined {
  return value === undefined ? undefined : eq(column, value)
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
