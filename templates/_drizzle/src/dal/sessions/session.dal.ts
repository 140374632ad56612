[% if app.auth.strategy == "jwt" %]
import 'server-only'
import { and, eq, gt, isNull, ne, type SQL } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { getDb } from '@/lib/db'
import type { NewSession, Session } from './session.types'

const sessionColumns = {
  id: sessions.id,
  userId: sessions.userId,
  expiresAt: sessions.expiresAt,
  revokedAt: sessions.revokedAt,
}

export async function insertSession(values: NewSession): Promise<Session> {
  const db = await getDb()
  const [session] = await db.insert(sessions).values(values).returning(sessionColumns)
  return session
}

/** Neither revoked nor expired. */
function isActive(): SQL | undefined {
  return and(isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date()))
}

/** A session that is neither revoked nor expired. */
export async function findActiveSessionById(id: string): Promise<Session | undefined> {
  const db = await getDb()
  const [session] = await db
    .select(sessionColumns)
    .from(sessions)
    .where(and(eq(sessions.id, id), isActive()))
  return session
}

export async function findActiveSessionByRefreshTokenHash(
  refreshTokenHash: string,
): Promise<Session | undefined> {
  const db = await getDb()
  const [session] = await db
    .select(sessionColumns)
    .from(sessions)
    .where(and(eq(sessions.refreshTokenHash, refreshTokenHash), isActive()))
  return session
}

export async function findSessionByPreviousRefreshTokenHash(
  refreshTokenHash: string,
): Promise<Session | undefined> {
  const db = await getDb()
  const [session] = await db
    .select(sessionColumns)
    .from(sessions)
    .where(eq(sessions.previousRefreshTokenHash, refreshTokenHash))
  return session
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
  const rows = await db
    .update(sessions)
    .set({
      refreshTokenHash: nextHash,
      previousRefreshTokenHash: currentHash,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(sessions.id, id),
        eq(sessions.refreshTokenHash, currentHash),
        isNull(sessions.revokedAt),
      ),
    )
    .returning({ id: sessions.id })
  return rows.length > 0
}

[% else %]
import 'server-only'
import { and, eq, gt, isNull, ne, type SQL } from 'drizzle-orm'
import { sessions, users } from '@/db/schema'
import { getDb } from '@/lib/db'
import type { NewSession, Session } from './session.types'

export async function insertSession(values: NewSession): Promise<{ id: string }> {
  const db = await getDb()
  const [session] = await db.insert(sessions).values(values).returning({ id: sessions.id })
  return session
}

/** Neither revoked nor past its idle deadline. */
function isActive(): SQL | undefined {
  return and(isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date()))
}

/** The active session with this token hash, begun after `signedInAfter`, with its user's role. */
export async function findActiveSessionByTokenHash(
  tokenHash: string,
  signedInAfter: Date,
): Promise<Session | undefined> {
  const db = await getDb()
  const [session] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      role: users.role,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), isActive(), gt(sessions.createdAt, signedInAfter)),
    )
  return session
}

export async function renewSession(id: string, expiresAt: Date): Promise<void> {
  const db = await getDb()
  await db.update(sessions).set({ expiresAt, updatedAt: new Date() }).where(eq(sessions.id, id))
}

[% endif %]
export async function revokeSessionById(id: string): Promise<void> {
  const db = await getDb()
  await db
    .update(sessions)
    .set({
      revokedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
}

/** Revokes every active session of a user, except the one named (the caller's own), if any. */
export async function revokeSessionsOfUser(userId: string, keptId?: string): Promise<void> {
  const db = await getDb()
  await db
    .update(sessions)
    .set({
      revokedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(sessions.userId, userId),
        keptId ? ne(sessions.id, keptId) : undefined,
        isNull(sessions.revokedAt),
      ),
    )
}
