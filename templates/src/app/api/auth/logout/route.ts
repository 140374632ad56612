import { NextResponse, type NextRequest } from 'next/server'
[% if app.auth.strategy == "jwt" %]
import { clearAuthCookies, errorResponse, readAccessToken, readRefreshToken } from '@/lib/http'
[% else %]
import { clearAuthCookies, errorResponse, readAccessToken } from '@/lib/http'
[% endif %]
import { authenticateToken, logoutUser } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const caller = await authenticateToken(readAccessToken(request))
[% if app.auth.strategy == "jwt" %]
    await logoutUser(caller, readRefreshToken(request))
[% else %]
    await logoutUser(caller)
[% endif %]
    const response = new NextResponse(null, { status: 204 })
    clearAuthCookies(response)
    return response
  } catch (error) {
    return errorResponse(error)
  }
}
