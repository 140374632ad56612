import type { NextRequest } from 'next/server'
[% if app.auth.strategy == "jwt" %]
import { clientIp, errorResponse, parseJson, readRefreshToken, tokenResponse } from '@/lib/http'
[% else %]
import { clientIp, errorResponse, parseJson, readAccessToken, tokenResponse } from '@/lib/http'
[% endif %]
import { loginSchema } from '@/schemas/auth.schema'
import { loginUser } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const input = loginSchema.parse(await parseJson(request))
    const tokens = await loginUser(input, {
      ip: clientIp(request.headers),
[% if app.auth.strategy == "jwt" %]
      currentRefreshToken: readRefreshToken(request),
[% else %]
      currentSessionToken: readAccessToken(request),
[% endif %]
    })
    return tokenResponse(tokens)
  } catch (error) {
    return errorResponse(error)
  }
}
