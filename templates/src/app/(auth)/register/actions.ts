'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import * as z from 'zod'
import { ConflictError, RateLimitError } from '@/lib/errors'
import { clientIp, isSameOriginRequest } from '@/lib/http'
import { registerSchema } from '@/schemas/auth.schema'
import { registerUser } from '@/services/auth.service'
import type { AuthFormState } from '@/types'

export async function registerAction(
  _state: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const requestHeaders = await headers()
  if (!isSameOriginRequest(requestHeaders)) {
    return { message: 'Cross-site requests are not allowed.' }
  }
  const parsed = registerSchema.safeParse({
    email: formData.get('email'),
    password: formData.get('password'),
  })
  const values = { email: String(formData.get('email') ?? '') }
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors, values }
  }
  try {
    await registerUser(parsed.data, { ip: clientIp(requestHeaders) })
  } catch (error) {
    if (error instanceof ConflictError || error instanceof RateLimitError) {
      return { message: error.message, values }
    }
    throw error
  }
  redirect('/login')
}
