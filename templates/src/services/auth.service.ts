import 'server-only'
[% if app.auth.strategy == "jwt" %]
import {
  findActiveSessionById,
  findActiveSessionByRefreshTokenHash,
  findSessionByPreviousRefreshTokenHash,
[% else %]
import {
  findActiveSessionByTokenHash,
[% endif %]
  findUserByEmail,
  findUserById,
  findUserCredentialsByEmail,
  findUserCredentialsById,
  insertSession,
  insertUser,
[% if app.auth.strategy == "session" %]
  renewSession,
[% endif %]
  revokeSessionById,
  revokeSessionsOfUser,
[% if app.auth.strategy == "jwt" %]
  rotateSessionRefreshToken,
[% endif %]
  updateUserPasswordHash,
  updateUserRoleByEmail,
  type User,
} from '@/dal'
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  translateDatabaseError,
} from '@/lib/errors'
[% if app.auth.strategy == "jwt" %]
import {
  SESSION_TTL_SECONDS,
  assertAuthSecret,
  signAccessToken,
  verifyAccessToken,
} from '@/lib/utils/auth'
[% else %]
import {
  SESSION_ABSOLUTE_TIMEOUT_SECONDS,
  SESSION_IDLE_TIMEOUT_SECONDS,
  SESSION_RENEWAL_INTERVAL_SECONDS,
} from '@/lib/utils/auth'
[% endif %]
import {
  generateToken,
  hashPassword,
  hashToken,
  verifyDummyPassword,
  verifyPassword,
} from '@/lib/utils/hash'
import type {
  ChangePasswordInput,
  LoginInput,
  RegisterInput,
  SetRoleInput,
} from '@/schemas/auth.schema'
import type { Caller, Role } from '@/types'
import { requireCaller } from './access'
import {
  LOGIN_PER_ACCOUNT,
  LOGIN_PER_ADDRESS,
  REGISTER_PER_ADDRESS,
  assertUnderLimit,
  clearAccountFailures,
  recordAttempt,
} from './rate-limit'

[% if app.auth.strategy == "jwt" %]
export type AuthTokens = {
  accessToken: string
  refreshToken: string
}
[% else %]
export type AuthTokens = {
  /** 32 random bytes, base64url: the database keeps only its SHA-256. */
  sessionToken: string
}
[% endif %]

/** Where a request comes from: the client address, for the per-address rate limits. */
export type ClientContext = {
  ip: string
}

export type LoginContext = ClientContext & {
[% if app.auth.strategy == "jwt" %]
  /** The refresh token of the session the browser already has: logging in again ends it. */
  currentRefreshToken?: string | null
[% else %]
  /** The token of the session the browser already has: logging in again ends it. */
  currentSessionToken?: string | null
[% endif %]
}

/** 10 registrations an hour per address; a duplicate email is a 409. */
export async function registerUser(input: RegisterInput, client: ClientContext): Promise<User> {
[% if app.auth.strategy == "jwt" %]
  assertAuthSecret()
[% endif %]
  await assertUnderLimit(REGISTER_PER_ADDRESS, { ip: client.ip })
  await recordAttempt('register', { email: input.email, ip: client.ip })
  const existing = await findUserByEmail(input.email)
  if (existing) {
    throw new ConflictError('An account with this email already exists.')
  }
  const passwordHash = await hashPassword(input.password)
  return insertUser({ email: input.email, passwordHash }).catch(translateDatabaseError)
}

[% if app.auth.strategy == "jwt" %]
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
[% else %]
async function startSession(userId: string): Promise<AuthTokens> {
  const sessionToken = generateToken()
  await insertSession({
    userId,
    tokenHash: hashToken(sessionToken),
    expiresAt: new Date(Date.now() + SESSION_IDLE_TIMEOUT_SECONDS * 1000),
  })
  return { sessionToken }
}

/** Sessions begun before this moment are over, however recently they were used. */
function absoluteDeadline(): Date {
  return new Date(Date.now() - SESSION_ABSOLUTE_TIMEOUT_SECONDS * 1000)
}
[% endif %]

/**
 * Same answer, after the same work, for an unknown email and for a wrong password. Failures
 * count against the account and against the client address (429 once over either limit).
 */
export async function loginUser(input: LoginInput, context: LoginContext): Promise<AuthTokens> {
[% if app.auth.strategy == "jwt" %]
  assertAuthSecret()
[% endif %]
  await assertUnderLimit(LOGIN_PER_ACCOUNT, { email: input.email })
  await assertUnderLimit(LOGIN_PER_ADDRESS, { ip: context.ip })
  const credentials = await findUserCredentialsByEmail(input.email)
[% if app.auth.providers %]
  // A user who signs in only through a provider has no password: the same work, the same 401.
  const valid = credentials?.passwordHash
[% else %]
  const valid = credentials
[% endif %]
    ? await verifyPassword(credentials.passwordHash, input.password)
    : await verifyDummyPassword(input.password)
  if (!credentials || !valid) {
    await recordAttempt('login', { email: input.email, ip: context.ip })
    throw new UnauthorizedError('Invalid email or password.')
  }
  await clearAccountFailures(input.email)
  return signIn(credentials, context)
}

/** Starts a session for a user who has just proved who they are, ending the browser's last one. */
export async function signIn(
  user: { id: string; role: Role },
  context: LoginContext,
): Promise<AuthTokens> {
[% if app.auth.strategy == "jwt" %]
  await endSessionOfToken(context.currentRefreshToken ?? null)
  return startSession(user.id, user.role)
[% else %]
  await endSessionOfToken(context.currentSessionToken ?? null)
  return startSession(user.id)
[% endif %]
}

/**
 * Requires the current password; the new one replaces it and every other session of the user
 * is revoked (the caller's own stays signed in).
 */
export async function changePassword(
  caller: Caller | null,
  input: ChangePasswordInput,
  client: ClientContext,
): Promise<void> {
  const { userId, sessionId } = requireCaller(caller)
  const credentials = await findUserCredentialsById(userId)
  if (!credentials) {
    throw new UnauthorizedError()
  }
[% if app.auth.providers %]
  if (!credentials.passwordHash) {
    throw new ForbiddenError('This account signs in through a provider and has no password.')
  }
[% endif %]
  await assertUnderLimit(LOGIN_PER_ACCOUNT, { email: credentials.email })
  if (!(await verifyPassword(credentials.passwordHash, input.currentPassword))) {
    await recordAttempt('login', { email: credentials.email, ip: client.ip })
    throw new ForbiddenError('The current password is not correct.')
  }
  await updateUserPasswordHash(userId, await hashPassword(input.newPassword))
  await revokeSessionsOfUser(userId, sessionId)
}

/** Gives a user a role; their sessions end, so the new role applies from the next login. */
export async function setUserRole(input: SetRoleInput): Promise<User> {
  const user = await updateUserRoleByEmail(input.email, input.role)
  if (!user) {
    throw new NotFoundError(`No user has the email ${input.email}.`)
  }
  await revokeSessionsOfUser(user.id)
  return user
}

[% if app.auth.strategy == "jwt" %]
/** The caller behind an access token: a valid signature AND a session that is still active. */
export async function authenticateToken(token: string | null): Promise<Caller | null> {
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

/**
 * The caller behind a refresh token, for pages and server actions once the access token has
 * expired: its session must be active. Nothing is rotated.
 */
export async function authenticateRefreshToken(token: string | null): Promise<Caller | null> {
  if (!token) {
    return null
  }
  const session = await findActiveSessionByRefreshTokenHash(hashToken(token))
  const user = session ? await findUserById(session.userId) : undefined
  if (!session || !user) {
    return null
  }
  return { userId: user.id, role: user.role, sessionId: session.id }
}

[% else %]
/**
 * The caller behind a session token: an active session, begun less than 30 days ago. Use moves
 * its idle deadline forward, written at most once an hour.
 */
export async function authenticateToken(token: string | null): Promise<Caller | null> {
  if (!token) {
    return null
  }
  const session = await findActiveSessionByTokenHash(hashToken(token), absoluteDeadline())
  if (!session) {
    return null
  }
  const renewedAt = session.expiresAt.getTime() - SESSION_IDLE_TIMEOUT_SECONDS * 1000
  if (Date.now() - renewedAt >= SESSION_RENEWAL_INTERVAL_SECONDS * 1000) {
    await renewSession(session.id, new Date(Date.now() + SESSION_IDLE_TIMEOUT_SECONDS * 1000))
  }
  return {
    userId: session.userId,
    role: session.role,
    sessionId: session.id,
  }
}

[% endif %]
export async function getCurrentUser(caller: Caller | null): Promise<User> {
  const user = await findUserById(requireCaller(caller).userId)
  if (!user) {
    throw new UnauthorizedError()
  }
  return user
}

[% if app.auth.strategy == "jwt" %]
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

[% endif %]
/** Ends the session a presented token names (with JWTs, its refresh token). */
async function endSessionOfToken(token: string | null): Promise<void> {
  if (!token) {
    return
  }
[% if app.auth.strategy == "jwt" %]
  const session = await findActiveSessionByRefreshTokenHash(hashToken(token))
[% else %]
  const session = await findActiveSessionByTokenHash(hashToken(token), absoluteDeadline())
[% endif %]
  if (session) {
    await revokeSessionById(session.id)
  }
}

[% if app.auth.strategy == "jwt" %]
/** Revokes the session named by the access token, or else by the refresh token. */
export async function logoutUser(
  caller: Caller | null,
  refreshToken: string | null,
): Promise<void> {
  if (caller) {
    await revokeSessionById(caller.sessionId)
    return
  }
  await endSessionOfToken(refreshToken)
}
[% else %]
/** Revokes the caller's session; without one there is nothing to do. */
export async function logoutUser(caller: Caller | null): Promise<void> {
  if (caller) {
    await revokeSessionById(caller.sessionId)
  }
}
[% endif %]
