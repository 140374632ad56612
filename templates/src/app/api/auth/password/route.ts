import { NextResponse, type NextRequest } from 'next/server'
import { clientIp, errorResponse, parseJson, readAccessToken } from '@/lib/http'
import { changePasswordSchema } from '@/schemas/auth.schema'
import { requireCaller } from '@/services/access'
import { authenticateToken, changePassword } from '@/services/auth.service'

/** Changes the signed-in user's password; their other sessions are revoked. */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const caller = requireCaller(await authenticateToken(readAccessToken(request)))
    const input = changePasswordSchema.parse(await parseJson(request))
    await changePassword(caller, input, { ip: clientIp(request.headers) })
    return new NextResponse(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
