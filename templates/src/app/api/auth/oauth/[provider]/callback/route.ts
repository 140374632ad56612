import type { NextRequest } from 'next/server'
import { OAuthError } from '@/lib/errors'
import { clientIp, errorResponse, seeOther, setAuthCookies } from '@/lib/http'
import { OAUTH_STATE_COOKIE } from '@/lib/oauth'
import { [[ "REFRESH_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]], expiredCookieOptions } from '@/lib/utils/auth'
import { finishProviderSignIn } from '@/services/oauth.service'

type Context = {
  params: Promise<{ provider: string }>
}

/** Where the provider sends the browser back: signs in and goes on to the dashboard. */
export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const { provider } = await params
    const tokens = await finishProviderSignIn(
      {
        provider,
        query: request.nextUrl.searchParams,
        stateCookie: request.cookies.get(OAUTH_STATE_COOKIE)?.value ?? null,
        requestOrigin: request.nextUrl.origin,
      },
      {
        ip: clientIp(request.headers),
[% if app.auth.strategy == "jwt" %]
        currentRefreshToken: request.cookies.get(REFRESH_TOKEN_COOKIE)?.value ?? null,
[% else %]
        currentSessionToken: request.cookies.get(SESSION_COOKIE)?.value ?? null,
[% endif %]
      },
    )
    const response = seeOther('/dashboard')
    setAuthCookies(response, tokens)
    response.cookies.set(OAUTH_STATE_COOKIE, '', expiredCookieOptions())
    return response
  } catch (error) {
    if (!(error instanceof OAuthError)) {
      return errorResponse(error)
    }
    const response = seeOther(`/login?error=${error.reason}`)
    response.cookies.set(OAUTH_STATE_COOKIE, '', expiredCookieOptions())
    return response
  }
}
