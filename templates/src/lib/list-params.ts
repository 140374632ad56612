/** A list page's state, as its URL holds it, so that every view of a list can be linked to. */
export type ListState = {
  /** The filters set, by query key. */
  filters: Record<string, string>
  sort?: string
  /** The cursor of this page; none on the first. */
  cursor?: string
  /** The cursors of the pages before this one, for the link back (the first page has none). */
  trail: string[]
}

type SearchParams = Record<string, string | string[] | undefined>

/** What a list sorts by when the URL does not say: newest first. */
const defaultSort = '-createdAt'

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The list's state from its search params; an empty filter is no filter. */
export function readListState(params: SearchParams, filterKeys: readonly string[]): ListState {
  const filters: Record<string, string> = {}
  for (const key of filterKeys) {
    const value = single(params[key])
    if (value !== undefined) {
      filters[key] = value
    }
  }
  const trail = single(params.trail)
  return {
    filters,
    sort: single(params.sort),
    cursor: single(params.cursor),
    trail: trail ? trail.split('.') : [],
  }
}

/** The URL of a list page in this state. */
export function listHref(path: string, state: ListState): string {
  const query = new URLSearchParams(state.filters)
  if (state.sort) {
    query.set('sort', state.sort)
  }
  if (state.cursor) {
    query.set('cursor', state.cursor)
  }
  if (state.trail.length > 0) {
    // Cursors are base64url, which has no dot.
    query.set('trail', state.trail.join('.'))
  }
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

/** The direction a column sorts the list in, for `aria-sort`. */
export function sortOrder(state: ListState, field: string): 'ascending' | 'descending' | 'none' {
  const sort = state.sort ?? defaultSort
  if (sort === field) {
    return 'ascending'
  }
  return sort === `-${field}` ? 'descending' : 'none'
}

/** The first page sorted by this column: ascending, or descending when it already ascends. */
export function sortHref(path: string, state: ListState, field: string): string {
  const sort = sortOrder(state, field) === 'ascending' ? `-${field}` : field
  return listHref(path, { filters: state.filters, sort, trail: [] })
}

/** The page after this one. */
export function nextHref(path: string, state: ListState, cursor: string): string {
  const trail = state.cursor ? [...state.trail, state.cursor] : state.trail
  return listHref(path, { ...state, cursor, trail })
}

/** The page before this one; none on the first page. */
export function previousHref(path: string, state: ListState): string | null {
  if (!state.cursor) {
    return null
  }
  return listHref(path, {
    ...state,
    cursor: state.trail.at(-1),
    trail: state.trail.slice(0, -1),
  })
}
