[% if app.auth.strategy == "jwt" %]
import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { getDb } from '@/lib/db'
import type { NewSession, Session } from './session.types'

const sessionSelect = {
  id: true,
  userId: true,
  expiresAt: true,
  revokedAt: true,
} satisfies Prisma.SessionSelect

export async function insertSession(values: NewSession): Promise<Session> {
  const db = await getDb()
  return db.session.create({ select: sessionSelect, data: values })
}

/** Neither revoked nor expired. */
function isActive(): Prisma.SessionWhereInput {
  return { revokedAt: null, expiresAt: { gt: new Date() } }
}

/** A session that is neither revoked nor expired. */
export async function findActiveSessionById(id: string): Promise<Session | undefined> {
  const db = await getDb()
  const session = await db.session.findFirst({
    select: sessionSelect,
    where: { id, ...isActive() },
  })
  return session ?? undefined
}

export async function findActiveSessionByRefreshTokenHash(
  refreshTokenHash: string,
): Promise<Session | undefined> {
  const db = await getDb()
  const session = await db.session.findFirst({
    select: sessionSelect,
    where: { refreshTokenHash, ...isActive() },
  })
  return session ?? undefined
}

export async function findSessionByPreviousRefreshTokenHash(
  refreshTokenHash: string,
): Promise<Session | undefined> {
  const db = await getDb()
  const session = await db.session.findFirst({
    select: sessionSelect,
    where: { previousRefreshTokenHash: refreshTokenHash },
  })
  return session ?? undefined
}

/**
 * Replaces the refresh token hash, only if it is still the one presented: of two concurrent
 * refreshes with the same token, one wins.
 */
export async function rotateSessionRefreshToken(
  id: string,
  currentHash: string,
  nextHash: string,
): Promise<boolean> {
  const db = await getDb()
  const { count } = await db.session.updateMany({
    where: { id, refreshTokenHash: currentHash, revokedAt: null },
    data: { refreshTokenHash: nextHash, previousRefreshTokenHash: currentHash },
  })
  return count > 0
}

[% else %]
import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { getDb } from '@/lib/db'
import type { NewSession, Session } from './session.types'

export async function insertSession(values: NewSession): Promise<{ id: string }> {
  const db = await getDb()
  return db.session.create({ select: { id: true }, data: values })
}

/** Neither revoked nor past its idle deadline. */
function isActive(): Prisma.SessionWhereInput {
  return { revokedAt: null, expiresAt: { gt: new Date() } }
}

/** The active session with this token hash, begun after `signedInAfter`, with its user's role. */
export async function findActiveSessionByTokenHash(
  tokenHash: string,
  signedInAfter: Date,
): Promise<Session | undefined> {
  const db = await getDb()
  const session = await db.session.findFirst({
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      createdAt: true,
      user: { select: { role: true } },
    },
    where: { tokenHash, ...isActive(), createdAt: { gt: signedInAfter } },
  })
  if (!session) {
    return undefined
  }
  const { user, ...rest } = session
  return { ...rest, role: user.role }
}

export async function renewSession(id: string, expiresAt: Date): Promise<void> {
  const db = await getDb()
  await db.session.updateMany({ where: { id }, data: { expiresAt } })
}

[% endif %]
export async function revokeSessionById(id: string): Promise<void> {
  const db = await getDb()
  await db.session.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date() },
  })
}

/** Revokes every active session of a user, except the one named (the caller's own), if any. */
export async function revokeSessionsOfUser(userId: string, keptId?: string): Promise<void> {
  const db = await getDb()
  await db.session.updateMany({
    where: { userId, id: keptId ? { not: keptId } : undefined, revokedAt: null },
    data: { revokedAt: new Date() },
  })
}
