import { NextResponse, type NextRequest } from 'next/server'
import { clientIp, errorResponse, parseJson } from '@/lib/http'
import { registerSchema } from '@/schemas/auth.schema'
import { registerUser } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const input = registerSchema.parse(await parseJson(request))
    const user = await registerUser(input, { ip: clientIp(request.headers) })
    return NextResponse.json(user, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}
