import 'server-only'
import * as client from 'openid-client'
import * as z from 'zod'
import {
  allowsPlainHttp,
  credentialsFromEnv,
  type Provider,
  type ProviderProfile,
} from './provider'

// GitHub Enterprise Server answers on its own host: set GITHUB_URL and GITHUB_API_URL.
const githubUrl = () => process.env.GITHUB_URL ?? 'https://github.com'
const githubApiUrl = () => process.env.GITHUB_API_URL ?? 'https://api.github.com'

const userSchema = z.object({ id: z.number() })
const emailsSchema = z.array(
  z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }),
)

async function get(config: client.Configuration, accessToken: string, path: string) {
  const response = await client.fetchProtectedResource(
    config,
    accessToken,
    new URL(`${githubApiUrl()}${path}`),
    'GET',
    undefined,
    new Headers({ accept: 'application/vnd.github+json', 'user-agent': '[[ app.name ]]' }),
  )
  if (!response.ok) {
    throw new Error(`GitHub answered ${response.status} for ${path}.`)
  }
  return response.json()
}

/** GitHub has no ID token: the user's numeric id, and their primary email if verified. */
export function githubProfileOf(
  user: z.infer<typeof userSchema>,
  emails: z.infer<typeof emailsSchema>,
): ProviderProfile {
  const primary = emails.find((email) => email.primary)
  return {
    providerUserId: String(user.id),
    email: primary ? primary.email.toLowerCase() : null,
    emailVerified: primary?.verified === true,
  }
}

/** Plain OAuth 2 (no OpenID): the REST API names the person. */
export const github: Provider = {
  name: () => 'GitHub',
  scope: 'read:user user:email',
  openid: false,
  credentials: () => credentialsFromEnv('GITHUB'),
  async configure({ clientId, clientSecret }) {
    const server = new URL(githubUrl())
    const metadata: client.ServerMetadata = {
      issuer: server.href,
      authorization_endpoint: new URL('/login/oauth/authorize', server).href,
      token_endpoint: new URL('/login/oauth/access_token', server).href,
    }
    const config = new client.Configuration(metadata, clientId, clientSecret)
    if (allowsPlainHttp(server)) {
      client.allowInsecureRequests(config)
    }
    return config
  },
  async profile(config, tokens) {
    const user = userSchema.parse(await get(config, tokens.access_token, '/user'))
    const emails = emailsSchema.parse(await get(config, tokens.access_token, '/user/emails'))
    return githubProfileOf(user, emails)
  },
}
