import { NextResponse, type NextRequest } from 'next/server'
import { methodNotAllowed } from '@/lib/api-routes'
[% if app.auth.strategy == "jwt" %]
import { ACCESS_TOKEN_COOKIE, REFRESH_TOKEN_COOKIE, verifyAccessToken } from '@/lib/utils/auth'
[% elif app.auth.enabled %]
import { SESSION_COOKIE } from '@/lib/utils/auth'
[% endif %]

[% if app.auth.enabled %]
/**
 * API requests: a method their route does not answer is a 405 with `Allow`.
 *
[% if app.auth.strategy == "jwt" %]
 * Pages: an optimistic check only, which sends visitors with neither a valid access token nor a
 * refresh token (which pages accept once the access token has expired) to /login. Every page,
 * route handler and server action still checks the session itself, in the database.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return methodNotAllowed(request) ?? NextResponse.next()
  }
  const token = request.cookies.get(ACCESS_TOKEN_COOKIE)?.value
  const claims = token ? await verifyAccessToken(token).catch(() => null) : null
  if (!claims && !request.cookies.has(REFRESH_TOKEN_COOKIE)) {
    return NextResponse.redirect(new URL('/login', request.nextUrl))
  }
  return NextResponse.next()
}
[% else %]
 * Pages: an optimistic check only, which sends visitors without a session cookie to /login.
 * Every page, route handler and server action still checks the session itself, in the database.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return methodNotAllowed(request) ?? NextResponse.next()
  }
  if (!request.cookies.has(SESSION_COOKIE)) {
    return NextResponse.redirect(new URL('/login', request.nextUrl))
  }
  return NextResponse.next()
}
[% endif %]

export const config = {
  matcher: ['/api/:path*', '/dashboard/:path*'],
}
[% else %]
/** API requests: a method their route does not answer is a 405 with `Allow`. */
export function proxy(request: NextRequest): NextResponse {
  return methodNotAllowed(request) ?? NextResponse.next()
}

export const config = {
  matcher: ['/api/:path*'],
}
[% endif %]
