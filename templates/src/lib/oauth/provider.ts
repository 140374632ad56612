import 'server-only'
import * as client from 'openid-client'

/** What a provider says of the person signing in. */
export type ProviderProfile = {
  /** The provider's stable id for the person: accounts are keyed by it, never by the email. */
  providerUserId: string
  email: string | null
  emailVerified: boolean
}

export type ProviderTokens = client.TokenEndpointResponse & client.TokenEndpointResponseHelpers

export type Credentials = {
  clientId: string
  clientSecret: string
}

/** One way to sign in: where its endpoints are, and how it names the person. */
export type Provider = {
  /** On the sign-in button. */
  name(): string
  scope: string
  /** OpenID Connect: an ID token, checked against a nonce, names the person. */
  openid: boolean
  /** The client id and secret from the environment; null while they are not set. */
  credentials(): Credentials | null
  configure(credentials: Credentials): Promise<client.Configuration>
  profile(config: client.Configuration, tokens: ProviderTokens): Promise<ProviderProfile>
}

/** `<PREFIX>_CLIENT_ID` and `<PREFIX>_CLIENT_SECRET`, when both are set. */
export function credentialsFromEnv(prefix: string): Credentials | null {
  const clientId = process.env[`${prefix}_CLIENT_ID`]
  const clientSecret = process.env[`${prefix}_CLIENT_SECRET`]
  return clientId && clientSecret ? { clientId, clientSecret } : null
}

/** Plain HTTP is accepted only from a provider on this machine (a test or a local one). */
export function allowsPlainHttp(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/**
 * An OpenID Connect provider, found by discovery at its issuer. The ID token (its signature,
 * issuer, audience, expiry and nonce checked by openid-client) names the person.
 */
export function openIdProvider(options: {
  name: () => string
  env: string
  issuer: () => string | undefined
}): Provider {
  return {
    name: options.name,
    scope: 'openid email',
    openid: true,
    credentials() {
      return options.issuer() ? credentialsFromEnv(options.env) : null
    },
    async configure({ clientId, clientSecret }) {
      const issuer = new URL(options.issuer() ?? '')
      const execute = allowsPlainHttp(issuer) ? [client.allowInsecureRequests] : []
      return client.discovery(issuer, clientId, clientSecret, undefined, { execute })
    },
    async profile(_config, tokens) {
      const claims = tokens.claims()
      if (!claims) {
        throw new Error('The provider returned no ID token.')
      }
      return {
        providerUserId: claims.sub,
        email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
        emailVerified: claims.email_verified === true,
      }
    },
  }
}
