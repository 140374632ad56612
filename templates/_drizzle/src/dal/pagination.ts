import 'server-only'
import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { decodeCursor, invalidCursor, isDescending } from './cursor'

export { sortField, toPage, type SortKey } from './cursor'

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
  const payload = decodeCursor(cursor, sort)
  const value = cursorValue(column, payload.value)
  const after = isDescending(sort) ? lt : gt
  return or(after(column, value), and(eq(column, value), after(idColumn, payload.id)))
}

/** An equality condition, or none when the filter is not set. */
export function equalsIfSet<T>(column: PgColumn, value: T | undefined): SQL | undefined {
  return value === undefined ? undefined : eq(column, value)
}
