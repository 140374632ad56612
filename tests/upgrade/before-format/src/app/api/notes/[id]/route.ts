import { NextResponse, type NextRequest } from 'next/server'
import { errorResponse, parseId, parseJson } from '@/lib/http'
import { updateNoteSchema } from '@/schemas/note.schema'
import { deleteNote, getNote, updateNote } from '@/services/note.service'

type Context = {
  params: Promise<{ id: string }>
}

export async function GET(_request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
    const found = await getNote(id)
    return NextResponse.json(found)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function PATCH(request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
    const input = updateNoteSchema.parse(await parseJson(request))
    const updated = await updateNote(id, input)
    return NextResponse.json(updated)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function DELETE(_request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
    await deleteNote(id)
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
