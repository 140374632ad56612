import type { Role } from '@/types'

/** The user a provider account belongs to: what starting a session needs. */
export type AccountUser = {
  id: string
  email: string
  role: Role
}

export type NewAccount = {
  provider: string
  providerUserId: string
}
