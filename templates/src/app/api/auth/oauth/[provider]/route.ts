import { NextResponse, type NextRequest } from 'next/server'
import { errorResponse } from '@/lib/http'
import { OAUTH_STATE_COOKIE, encodeOAuthState, oauthStateCookieOptions } from '@/lib/oauth'
import { startProviderSignIn } from '@/services/oauth.service'

type Context = {
  params: Promise<{ provider: string }>
}

/** Sends the browser to the provider; state, PKCE verifier and nonce wait in a cookie. */
export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const { provider } = await params
    const { url, state } = await startProviderSignIn(provider, request.nextUrl.origin)
    const response = NextResponse.redirect(url)
    response.headers.set('Cache-Control', 'no-store')
    response.cookies.set(OAUTH_STATE_COOKIE, encodeOAuthState(state), oauthStateCookieOptions())
    return response
  } catch (error) {
    return errorResponse(error)
  }
}
