import 'server-only'
import * as client from 'openid-client'
import * as z from 'zod'
import { ConfigurationError } from '@/lib/errors'
import { COOKIE_PREFIX, cookieOptions, type CookieOptions } from '@/lib/utils/auth'
[% for provider in app.auth.providers %]
import { [[ provider.id ]] } from './[[ provider.id ]]'
[% endfor %]
import type { Provider, ProviderProfile } from './provider'

export type { ProviderProfile } from './provider'

const providers = { [% for provider in app.auth.providers %][[ provider.id ]], [% endfor %]} satisfies Record<string, Provider>

export type ProviderId = keyof typeof providers

const providerIds = Object.keys(providers) as ProviderId[]

/** What the callback needs to finish the flow the browser started: kept in a 10-minute cookie. */
export type OAuthState = {
  provider: ProviderId
  state: string
  codeVerifier: string
  nonce: string | null
}

export const OAUTH_STATE_COOKIE = `${COOKIE_PREFIX}oauth_state`
export const OAUTH_STATE_TTL_SECONDS = 10 * 60

export function oauthStateCookieOptions(): CookieOptions {
  return cookieOptions(OAUTH_STATE_TTL_SECONDS)
}

/** The providers whose credentials are set in the environment: the sign-in buttons. */
export function configuredProviders(): { id: ProviderId; name: string }[] {
  return providerIds
    .filter((id) => providers[id].credentials() !== null)
    .map((id) => ({ id, name: providers[id].name() }))
}

/** The provider of that name, when its credentials are set; null otherwise. */
export function findConfiguredProvider(name: string): ProviderId | null {
  const id = providerIds.find((candidate) => candidate === name)
  return id && providers[id].credentials() ? id : null
}

const configurations = new Map<ProviderId, Promise<client.Configuration>>()

/** The provider's client configuration, discovered once per process (again after a failure). */
function configuration(id: ProviderId): Promise<client.Configuration> {
  let pending = configurations.get(id)
  if (!pending) {
    const credentials = providers[id].credentials()
    if (!credentials) {
      throw new ConfigurationError(`Sign-in with ${providers[id].name()} is not configured.`)
    }
    pending = providers[id].configure(credentials)
    pending.catch(() => configurations.delete(id))
    configurations.set(id, pending)
  }
  return pending
}

/** Throws when production runs without APP_ORIGIN, which the callback URLs are built from. */
export function assertAppOrigin(): void {
  if (!process.env.APP_ORIGIN && process.env.NODE_ENV === 'production') {
    throw new ConfigurationError('APP_ORIGIN must be set in production to sign in with a provider.')
  }
}

/** Where the provider sends the browser back to: from APP_ORIGIN, never from the Host header. */
export function callbackUrl(id: ProviderId, requestOrigin: string): URL {
  assertAppOrigin()
  return new URL(`/api/auth/oauth/${id}/callback`, process.env.APP_ORIGIN ?? requestOrigin)
}

/** The provider's authorization URL, with a random state, an S256 PKCE challenge and a nonce. */
export async function createAuthorizationRequest(
  id: ProviderId,
  redirectUri: URL,
): Promise<{ url: URL; state: OAuthState }> {
  const config = await configuration(id)
  const state: OAuthState = {
    provider: id,
    state: client.randomState(),
    codeVerifier: client.randomPKCECodeVerifier(),
    nonce: providers[id].openid ? client.randomNonce() : null,
  }
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri.href,
    scope: providers[id].scope,
    state: state.state,
    code_challenge: await client.calculatePKCECodeChallenge(state.codeVerifier),
    code_challenge_method: 'S256',
  }
  if (state.nonce) {
    parameters.nonce = state.nonce
  }
  return { url: client.buildAuthorizationUrl(config, parameters), state }
}

/**
 * Trades the code of a callback for the person's profile: openid-client checks the state, sends
 * the PKCE verifier and verifies the ID token.
 */
export async function exchangeCode(
  id: ProviderId,
  currentUrl: URL,
  state: OAuthState,
): Promise<ProviderProfile> {
  const config = await configuration(id)
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: state.codeVerifier,
    expectedState: state.state,
    expectedNonce: state.nonce ?? undefined,
    idTokenExpected: providers[id].openid,
  })
  return providers[id].profile(config, tokens)
}

const oauthStateSchema = z.strictObject({
  provider: z.enum(providerIds),
  state: z.string().min(1),
  codeVerifier: z.string().min(43),
  nonce: z.string().min(1).nullable(),
})

export function encodeOAuthState(state: OAuthState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url')
}

/** The state cookie's content, or null when it is missing or not one this app wrote. */
export function decodeOAuthState(value: string | null): OAuthState | null {
  if (!value) {
    return null
  }
  try {
    const result = oauthStateSchema.safeParse(
      JSON.parse(Buffer.from(value, 'base64url').toString()),
    )
    return result.success ? result.data : null
  } catch {
    return null
  }
}
