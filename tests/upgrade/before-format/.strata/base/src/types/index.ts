/** One page of a keyset-paginated list. */
export type Paginated<T> = {
  data: T[]
  nextCursor: string | null
}
