import type { NextRequest } from 'next/server'
import { clientIp, errorResponse, parseJson, readRefreshToken, tokenResponse } from '@/lib/http'
import { loginSchema } from '@/schemas/auth.schema'
import { loginUser } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const input = loginSchema.parse(await parseJson(request))
    const tokens = await loginUser(input, {
      ip: clientIp(request.headers),
      currentRefreshToken: readRefreshToken(request),
    })
    return tokenResponse(tokens)
  } catch (error) {
    return errorResponse(error)
  }
}
