import * as z from 'zod'
import { commonPasswords } from '@/lib/utils/common-passwords'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(255))

/**
 * A new password (OWASP ASVS 6.2): 12 to 128 characters, any characters, no composition rules,
 * not a common password. Never trimmed or otherwise changed: it is used exactly as typed.
 */
const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .refine((password) => !commonPasswords.has(password.toLowerCase()), {
    message: 'This password is too common. Choose another.',
  })

export const registerSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
})

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
})

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
})

export const setRoleSchema = z.strictObject({
  email: emailSchema,
  role: z.enum([[ app.auth.roles_ts ]]),
})

export type RegisterInput = z.output<typeof registerSchema>
export type LoginInput = z.output<typeof loginSchema>
export type ChangePasswordInput = z.output<typeof changePasswordSchema>
export type SetRoleInput = z.output<typeof setRoleSchema>
