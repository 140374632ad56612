import { NextResponse } from 'next/server'
import { checkLiveness } from '@/services/health.service'

/** `GET /api/health`: 200 while the process answers (for a liveness probe). */
export function GET(): Response {
  return NextResponse.json(checkLiveness(), { headers: { 'Cache-Control': 'no-store' } })
}
