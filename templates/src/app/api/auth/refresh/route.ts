import { NextResponse, type NextRequest } from 'next/server'
import { errorResponse, readRefreshToken, setAuthCookies } from '@/lib/http'
import { refreshSession } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const tokens = await refreshSession(readRefreshToken(request))
    const response = NextResponse.json(
      { token: tokens.accessToken },
      { headers: { 'Cache-Control': 'no-store' } },
    )
    setAuthCookies(response, tokens)
    return response
  } catch (error) {
    return errorResponse(error)
  }
}
