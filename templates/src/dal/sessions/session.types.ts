export type Session = {
  id: string
  userId: string
  expiresAt: Date
  revokedAt: Date | null
}

export type NewSession = {
  userId: string
  refreshTokenHash: string
  expiresAt: Date
}
