import 'server-only'
import {
  countNotes,
  deleteNoteById,
  findNoteById,
  findNotes,
  insertNote,
  updateNoteById,
  type Note,
} from '@/dal'
import { NotFoundError, translateDatabaseError } from '@/lib/errors'
import type { NoteListQuery, CreateNoteInput, UpdateNoteInput } from '@/schemas/note.schema'
import type { Paginated } from '@/types'

export async function listNotes(query: NoteListQuery): Promise<Paginated<Note>> {
  return findNotes(query)
}

/** How many notes the caller may list. */
export async function getNoteCount(): Promise<number> {
  return countNotes()
}

export async function getNote(id: string): Promise<Note> {
  const found = await findNoteById(id)
  if (!found) {
    throw new NotFoundError('Note not found.')
  }
  return found
}

export async function createNote(input: CreateNoteInput): Promise<Note> {
  return insertNote(input).catch(translateDatabaseError)
}

export async function updateNote(id: string, input: UpdateNoteInput): Promise<Note> {
  const updated = await updateNoteById(id, input).catch(translateDatabaseError)
  if (!updated) {
    throw new NotFoundError('Note not found.')
  }
  return updated
}

export async function deleteNote(id: string): Promise<void> {
  const deleted = await deleteNoteById(id)
  if (!deleted) {
    throw new NotFoundError('Note not found.')
  }
}
