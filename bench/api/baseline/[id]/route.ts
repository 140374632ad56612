// Hand-written baseline: the same Drizzle query as the generated read.
import { eq } from 'drizzle-orm'
import { NextResponse, type NextRequest } from 'next/server'
import { items } from '@/db/schema'
import { getDb } from '@/lib/db'

export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const db = await getDb()
  const [row] = await db.select().from(items).where(eq(items.id, (await params).id))
  return row ? NextResponse.json(row) : new Response(null, { status: 404 })
}
