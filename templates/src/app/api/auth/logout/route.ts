import { NextResponse, type NextRequest } from 'next/server'
import { clearAuthCookies, errorResponse, readAccessToken, readRefreshToken } from '@/lib/http'
import { authenticateToken, logoutUser } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const actor = await authenticateToken(readAccessToken(request))
    await logoutUser(actor, readRefreshToken(request))
    const response = new NextResponse(null, { status: 204 })
    clearAuthCookies(response)
    return response
  } catch (error) {
    return errorResponse(error)
  }
}
