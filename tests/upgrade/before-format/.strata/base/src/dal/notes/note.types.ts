import type { SortKey } from '@/dal/pagination'

/** A note as the API returns it. */
export type Note = {
  id: string
  body: string
  createdAt: Date
  updatedAt: Date
}

export type NewNote = {
  body: string
}

export type NoteChanges = Partial<NewNote>

export type NoteSortField = 'createdAt' | 'updatedAt'

export type NoteListOptions = {
  limit: number
  cursor?: string
  sort: SortKey<NoteSortField>
}
