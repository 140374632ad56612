import type { Role } from '@/types'

/** A user as the app may show it: never the password hash. */
export type User = {
  id: string
  email: string
  role: Role
  createdAt: Date
  updatedAt: Date
}

export type UserCredentials = {
  id: string
  email: string
  role: Role
  passwordHash: string
}

export type NewUser = {
  email: string
  passwordHash: string
}
