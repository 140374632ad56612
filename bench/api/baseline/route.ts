// Hand-written baseline: the same Drizzle queries as the generated list and create, without the
// layers, Zod parsing or problem details.
import { desc } from 'drizzle-orm'
import { NextResponse, type NextRequest } from 'next/server'
import { items } from '@/db/schema'
import { getDb } from '@/lib/db'

export async function GET(): Promise<Response> {
  const db = await getDb()
  const rows = await db.select().from(items).orderBy(desc(items.createdAt), desc(items.id)).limit(21)
  return NextResponse.json({ data: rows.slice(0, 20), nextCursor: null })
}

export async function POST(request: NextRequest): Promise<Response> {
  const db = await getDb()
  const body = (await request.json()) as { title: string }
  const [row] = await db.insert(items).values({ title: body.title }).returning()
  return NextResponse.json(row, { status: 201 })
}
