import type { NextRequest } from 'next/server'
import { errorResponse, readRefreshToken, tokenResponse } from '@/lib/http'
import { refreshSession } from '@/services/auth.service'

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const tokens = await refreshSession(readRefreshToken(request))
    return tokenResponse(tokens)
  } catch (error) {
    return errorResponse(error)
  }
}
