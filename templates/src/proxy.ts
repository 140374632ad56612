[% if app.auth.strategy == "jwt" %]
import { NextResponse, type NextRequest } from 'next/server'
import { ACCESS_TOKEN_COOKIE, REFRESH_TOKEN_COOKIE, verifyAccessToken } from '@/lib/utils/auth'

/**
 * Optimistic check only: sends visitors with neither a valid access token nor a refresh token
 * (which pages accept once the access token has expired) to /login. Every page, route handler
 * and server action still checks the session itself, in the database.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = request.cookies.get(ACCESS_TOKEN_COOKIE)?.value
  const claims = token ? await verifyAccessToken(token).catch(() => null) : null
  if (!claims && !request.cookies.has(REFRESH_TOKEN_COOKIE)) {
    return NextResponse.redirect(new URL('/login', request.nextUrl))
  }
  return NextResponse.next()
}

export const config = {
  matcher: ['/dashboard/:path*'],
}
[% else %]
import { NextResponse, type NextRequest } from 'next/server'
import { SESSION_COOKIE } from '@/lib/utils/auth'

/**
 * Optimistic check only: sends visitors without a session cookie to /login. Every page, route
 * handler and server action still checks the session itself, in the database.
 */
export function proxy(request: NextRequest): NextResponse {
  if (!request.cookies.has(SESSION_COOKIE)) {
    return NextResponse.redirect(new URL('/login', request.nextUrl))
  }
  return NextResponse.next()
}

export const config = {
  matcher: ['/dashboard/:path*'],
}
[% endif %]
