import 'server-only'
import { findUserByAccount, findUserByEmail, insertUserWithAccount } from '@/dal'
import { NotFoundError, OAuthError, translateDatabaseError } from '@/lib/errors'
import {
  callbackUrl,
  createAuthorizationRequest,
  decodeOAuthState,
  exchangeCode,
  findConfiguredProvider,
  type OAuthState,
  type ProviderId,
  type ProviderProfile,
} from '@/lib/oauth'
import { signIn, type AuthTokens, type LoginContext } from './auth.service'

/** A provider named in a URL: one whose credentials are set, or a 404. */
function providerNamed(name: string): ProviderId {
  const provider = findConfiguredProvider(name)
  if (!provider) {
    throw new NotFoundError('No such sign-in provider.')
  }
  return provider
}

/** Where to send the browser, and the state to keep in a cookie until it comes back. */
export async function startProviderSignIn(
  name: string,
  requestOrigin: string,
): Promise<{ url: URL; state: OAuthState }> {
  const provider = providerNamed(name)
  return createAuthorizationRequest(provider, callbackUrl(provider, requestOrigin))
}

export type ProviderCallback = {
  provider: string
  /** The query string the provider sent the browser back with (`code`, `state`). */
  query: URLSearchParams
  /** The state cookie written when the sign-in started. */
  stateCookie: string | null
  requestOrigin: string
}

async function profileOf(provider: ProviderId, callback: ProviderCallback) {
  const state = decodeOAuthState(callback.stateCookie)
  const returnedState = callback.query.get('state')
  if (!state || state.provider !== provider || !returnedState || returnedState !== state.state) {
    throw new OAuthError('invalid_state', 'The sign-in expired or did not start here.')
  }
  const currentUrl = callbackUrl(provider, callback.requestOrigin)
  currentUrl.search = callback.query.toString()
  try {
    return await exchangeCode(provider, currentUrl, state)
  } catch (error) {
    console.warn(`Sign-in with ${provider} failed:`, error)
    throw new OAuthError('provider_error', 'The provider did not complete the sign-in.')
  }
}

async function userFor(provider: ProviderId, profile: ProviderProfile) {
  const account = { provider, providerUserId: profile.providerUserId }
  const known = await findUserByAccount(account)
  if (known) {
    return known
  }
  if (!profile.email || !profile.emailVerified) {
    throw new OAuthError('email_unverified', 'The provider did not confirm an email address.')
  }
  // Never linked silently, however verified: the owner of that email signs in as before.
  if (await findUserByEmail(profile.email)) {
    throw new OAuthError('email_in_use', 'An account with this email already exists.')
  }
  return insertUserWithAccount(profile.email, account).catch(translateDatabaseError)
}

/**
 * Finishes a sign-in through a provider. Accounts are keyed by (provider, the provider's user
 * id). A first sign-in creates a user, without a password, only for an email the provider has
 * verified and no user has: an existing account is never linked to a provider identity.
 */
export async function finishProviderSignIn(
  callback: ProviderCallback,
  context: LoginContext,
): Promise<AuthTokens> {
  const provider = providerNamed(callback.provider)
  const profile = await profileOf(provider, callback)
  const user = await userFor(provider, profile)
  return signIn(user, context)
}
