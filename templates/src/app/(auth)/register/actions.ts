'use server'

import { redirect } from 'next/navigation'
import * as z from 'zod'
import { ConflictError } from '@/lib/errors'
import { registerSchema } from '@/schemas/auth.schema'
import { registerUser } from '@/services/auth.service'
import type { AuthFormState } from '@/types'

export async function registerAction(
  _state: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const parsed = registerSchema.safeParse({
    email: formData.get('email'),
    password: formData.get('password'),
  })
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors }
  }
  try {
    await registerUser(parsed.data)
  } catch (error) {
    if (error instanceof ConflictError) {
      return { message: error.message }
    }
    throw error
  }
  redirect('/login')
}
