import * as z from 'zod'

const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(255))

export const registerSchema = z.strictObject({
  email: emailSchema,
  // Never trimmed or otherwise changed: the password is used exactly as typed.
  password: z.string().min(12).max(128),
})

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(128),
})

export type RegisterInput = z.output<typeof registerSchema>
export type LoginInput = z.output<typeof loginSchema>
