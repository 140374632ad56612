import { NextResponse, type NextRequest } from 'next/server'
import { errorResponse, parseJson, parseQuery } from '@/lib/http'
import { createNoteSchema, noteListQuerySchema } from '@/schemas/note.schema'
import { createNote, listNotes } from '@/services/note.service'

export async function GET(request: NextRequest): Promise<Response> {
  try {
    const query = parseQuery(request, noteListQuerySchema)
    const page = await listNotes(query)
    return NextResponse.json(page)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const input = createNoteSchema.parse(await parseJson(request))
    const created = await createNote(input)
    return NextResponse.json(created, {
      status: 201,
      headers: { Location: `/api/notes/${created.id}` },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
