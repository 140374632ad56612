import { NextResponse } from 'next/server'
import { errorResponse } from '@/lib/http'
import { checkReadiness } from '@/services/health.service'

/** `GET /api/health/ready`: 200 once the database answers, 503 while it doesn't. */
export async function GET(): Promise<Response> {
  try {
    const health = await checkReadiness()
    return NextResponse.json(health, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
