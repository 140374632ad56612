import 'server-only'
import { decodeCursor, invalidCursor, isDescending, sortField, type SortKey } from './cursor'

export { sortField, toPage, type SortKey } from './cursor'

/**
 * What a sortable field holds, so that a cursor's value is read back as that type: an enum
 * field lists its values.
 */
export type SortKind = 'text' | 'number' | 'decimal' | 'boolean' | 'date' | 'datetime' | string[]

type SortDirection = 'asc' | 'desc'

type CursorValue = Date | string | number | boolean

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

function direction(sort: string): SortDirection {
  return isDescending(sort) ? 'desc' : 'asc'
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
  const payload = decodeCursor(cursor, sort)
  const field = sortField(sort)
  const value = cursorValue(kinds[field], payload.value)
  const after = isDescending(sort) ? 'lt' : 'gt'
  return {
    OR: [{ [field]: { [after]: value } }, { [field]: value, id: { [after]: payload.id } }],
  } as Where
}
