import { NextResponse, type NextRequest } from 'next/server'
import { errorResponse, readAccessToken } from '@/lib/http'
import { authenticateToken, getCurrentUser } from '@/services/auth.service'

export async function GET(request: NextRequest): Promise<Response> {
  try {
    const caller = await authenticateToken(readAccessToken(request))
    const user = await getCurrentUser(caller)
    return NextResponse.json(user, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
