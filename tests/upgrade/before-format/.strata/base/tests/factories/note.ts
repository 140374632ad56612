import { insertNote, type Note } from '@/dal'
import { createNoteSchema } from '@/schemas/note.schema'

/** A valid body for `POST /api/notes`; the rows it references are created first. */
export async function noteBody(n: number): Promise<Record<string, unknown>> {
  return {
    body: `Body ${n}`,
  }
}

/** A note inserted straight through the DAL, bypassing the API and its access rules. */
export async function createNoteRow(n: number): Promise<Note> {
  const input = createNoteSchema.parse(await noteBody(n))
  return insertNote(input)
}
