import * as z from 'zod'
import { cursorSchema, limitSchema, textSchema } from './common'

export const createNoteSchema = z.strictObject({
  body: textSchema.min(1),
})

export const updateNoteSchema = createNoteSchema.partial()

export const noteSortValues = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const

export const noteListQuerySchema = z.strictObject({
  limit: limitSchema,
  cursor: cursorSchema.optional(),
  sort: z.enum(noteSortValues).default('-createdAt'),
})

export type CreateNoteInput = z.output<typeof createNoteSchema>
export type UpdateNoteInput = z.output<typeof updateNoteSchema>
export type NoteListQuery = z.output<typeof noteListQuerySchema>
