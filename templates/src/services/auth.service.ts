import 'server-only'
import {
  countLoginFailures,
  deleteLoginFailures,
  findActiveSessionById,
  findActiveSessionByRefreshTokenHash,
  findSessionByPreviousRefreshTokenHash,
  findUserByEmail,
  findUserById,
  findUserCredentialsByEmail,
  insertLoginFailure,
  insertSession,
  insertUser,
  revokeSessionById,
  rotateSessionRefreshToken,
  type User,
} from '@/dal'
import {
  ConflictError,
  RateLimitError,
  UnauthorizedError,
  translateDatabaseError,
} from '@/lib/errors'
import {
  SESSION_TTL_SECONDS,
  assertAuthSecret,
  signAccessToken,
  verifyAccessToken,
} from '@/lib/utils/auth'
import {
  generateToken,
  hashPassword,
  hashToken,
  verifyDummyPassword,
  verifyPassword,
} from '@/lib/utils/hash'
import type { LoginInput, RegisterInput } from '@/schemas/auth.schema'
import type { Actor, Role } from '@/types'
import { requireActor } from './access'

const LOGIN_WINDOW_MS = 15 * 60 * 1000
const MAX_LOGIN_FAILURES = 10

export type AuthTokens = {
  accessToken: string
  refreshToken: string
}

export type LoginContext = {
  ip: string
}

export async function registerUser(input: RegisterInput): Promise<User> {
  assertAuthSecret()
  const existing = await findUserByEmail(input.email)
  if (existing) {
    throw new ConflictError('An account with this email already exists.')
  }
  const passwordHash = await hashPassword(input.password)
  return insertUser({ email: input.email, passwordHash }).catch(translateDatabaseError)
}

/** 10 failed logins for one email from one address within 15 minutes block the next ones. */
async function assertLoginAllowed(email: string, ip: string): Promise<void> {
  const failures = await countLoginFailures(email, ip, new Date(Date.now() - LOGIN_WINDOW_MS))
  if (failures.count < MAX_LOGIN_FAILURES || !failures.oldestAt) {
    return
  }
  const retryAt = failures.oldestAt.getTime() + LOGIN_WINDOW_MS
  throw new RateLimitError(Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)))
}

async function startSession(userId: string, role: Role): Promise<AuthTokens> {
  const refreshToken = generateToken()
  const session = await insertSession({
    userId,
    refreshTokenHash: hashToken(refreshToken),
    expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
  })
  const accessToken = await signAccessToken({ userId, role, sessionId: session.id })
  return { accessToken, refreshToken }
}

/** Same answer, after the same work, for an unknown email and for a wrong password. */
export async function loginUser(input: LoginInput, context: LoginContext): Promise<AuthTokens> {
  assertAuthSecret()
  await assertLoginAllowed(input.email, context.ip)
  const credentials = await findUserCredentialsByEmail(input.email)
  const valid = credentials
    ? await verifyPassword(credentials.passwordHash, input.password)
    : await verifyDummyPassword(input.password)
  if (!credentials || !valid) {
    await insertLoginFailure(input.email, context.ip)
    throw new UnauthorizedError('Invalid email or password.')
  }
  await deleteLoginFailures(input.email, context.ip)
  return startSession(credentials.id, credentials.role)
}

/** The actor behind an access token: a valid signature AND a session that is still active. */
export async function authenticateToken(token: string | null): Promise<Actor | null> {
  if (!token) {
    return null
  }
  const claims = await verifyAccessToken(token)
  if (!claims) {
    return null
  }
  const session = await findActiveSessionById(claims.sessionId)
  if (!session || session.userId !== claims.userId) {
    return null
  }
  return {
    userId: claims.userId,
    role: claims.role,
    sessionId: claims.sessionId,
  }
}

export async function getCurrentUser(actor: Actor | null): Promise<User> {
  const user = await findUserById(requireActor(actor).userId)
  if (!user) {
    throw new UnauthorizedError()
  }
  return user
}

/**
 * Trades a refresh token for a new access token and a new refresh token. Presenting the
 * previous (already rotated) refresh token again means it leaked: the session is revoked.
 */
export async function refreshSession(refreshToken: string | null): Promise<AuthTokens> {
  assertAuthSecret()
  if (!refreshToken) {
    throw new UnauthorizedError('A refresh token is required.')
  }
  const tokenHash = hashToken(refreshToken)
  const session = await findActiveSessionByRefreshTokenHash(tokenHash)
  if (!session) {
    const reused = await findSessionByPreviousRefreshTokenHash(tokenHash)
    if (reused) {
      await revokeSessionById(reused.id)
    }
    throw new UnauthorizedError('The refresh token is not valid.')
  }
  const user = await findUserById(session.userId)
  const nextRefreshToken = generateToken()
  const rotated = await rotateSessionRefreshToken(
    session.id,
    tokenHash,
    hashToken(nextRefreshToken),
  )
  if (!user || !rotated) {
    await revokeSessionById(session.id)
    throw new UnauthorizedError('The refresh token is not valid.')
  }
  const accessToken = await signAccessToken({
    userId: user.id,
    role: user.role,
    sessionId: session.id,
  })
  return { accessToken, refreshToken: nextRefreshToken }
}

/** Revokes the session named by the access token, or else by the refresh token. */
export async function logoutUser(actor: Actor | null, refreshToken: string | null): Promise<void> {
  if (actor) {
    await revokeSessionById(actor.sessionId)
    return
  }
  if (refreshToken) {
    const session = await findActiveSessionByRefreshTokenHash(hashToken(refreshToken))
    if (session) {
      await revokeSessionById(session.id)
    }
  }
}
