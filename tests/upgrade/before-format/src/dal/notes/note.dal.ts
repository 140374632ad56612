import 'server-only'
import { and, eq } from 'drizzle-orm'
import { notes } from '@/db/schema'
import { afterCursor, orderBy, sortField, toPage } from '@/dal/pagination'
import { getDb } from '@/lib/db'
import type { Paginated } from '@/types'
import type { NewNote, Note, NoteChanges, NoteListOptions, NoteSortField } from './note.types'

const noteSortColumns = {
  createdAt: notes.createdAt,
  updatedAt: notes.updatedAt,
} satisfies Record<NoteSortField, unknown>

export async function findNotes(options: NoteListOptions): Promise<Paginated<Note>> {
  const db = await getDb()
  const sortColumn = noteSortColumns[sortField(options.sort)]
  const rows = await db
    .select()
    .from(notes)
    .where(and(afterCursor(options.cursor, options.sort, sortColumn, notes.id)))
    .orderBy(...orderBy(options.sort, sortColumn, notes.id))
    .limit(options.limit + 1)
  return toPage(rows, options.limit, options.sort)
}

export async function findNoteById(id: string): Promise<Note | undefined> {
  const db = await getDb()
  const [row] = await db.select().from(notes).where(eq(notes.id, id))
  return row
}

export async function countNotes(): Promise<number> {
  const db = await getDb()
  return db.$count(notes)
}

export async function noteExists(id: string): Promise<boolean> {
  const db = await getDb()
  const rows = await db.select({ id: notes.id }).from(notes).where(eq(notes.id, id))
  return rows.length > 0
}

export async function insertNote(values: NewNote): Promise<Note> {
  const db = await getDb()
  const [row] = await db.insert(notes).values(values).returning()
  return row
}

export async function updateNoteById(id: string, changes: NoteChanges): Promise<Note | undefined> {
  const db = await getDb()
  const [row] = await db
    .update(notes)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(notes.id, id))
    .returning()
  return row
}

export async function deleteNoteById(id: string): Promise<boolean> {
  const db = await getDb()
  const rows = await db.delete(notes).where(eq(notes.id, id)).returning({ id: notes.id })
  return rows.length > 0
}
