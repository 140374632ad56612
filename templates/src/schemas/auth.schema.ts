import * as z from 'zod'
import { commonPasswords } from '@/lib/utils/common-passwords'
import { emailSchema } from './common'

export const PASSWORD_MIN_LENGTH = [[ app.limits.password_min ]]
export const PASSWORD_MAX_LENGTH = [[ app.limits.password_max ]]

/** An account's email, compared and stored in lower case. */
const accountEmailSchema = emailSchema.max([[ app.limits.email_max ]]).toLowerCase()

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
  email: accountEmailSchema,
  password: newPasswordSchema,
})

export const loginSchema = z.strictObject({
  email: accountEmailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
})

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
})

export const setRoleSchema = z.strictObject({
  email: accountEmailSchema,
  role: z.enum([ [[ app.auth.roles | quoted | join(sep=", ") ]] ]),
})

export type RegisterInput = z.output<typeof registerSchema>
export type LoginInput = z.output<typeof loginSchema>
export type ChangePasswordInput = z.output<typeof changePasswordSchema>
export type SetRoleInput = z.output<typeof setRoleSchema>
