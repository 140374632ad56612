import { NextResponse, type NextRequest } from 'next/server'
import { clientIp, errorResponse, parseJson, setAuthCookies } from '@/lib/http'
import { loginSchema } from '@/schemas/auth.schema'
import { loginUser } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const input = loginSchema.parse(await parseJson(request))
    const tokens = await loginUser(input, { ip: clientIp(request.headers) })
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
