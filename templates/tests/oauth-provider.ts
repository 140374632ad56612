[% if app.auth.github %]
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
[% else %]
import { createServer, type Server } from 'node:http'
[% endif %]
import type { AddressInfo } from 'node:net'
import { OAuth2Server } from 'oauth2-mock-server'

/** Who the provider says is signing in: the OpenID subject (GitHub: the numeric user id). */
export type ProviderPerson = {
  sub: string
  email?: string
  email_verified?: boolean
}

/**
 * One loopback server that plays every provider: OpenID discovery, keys and signed ID tokens
 * from oauth2-mock-server (which checks the PKCE verifier), on GitHub's authorize and token
 * paths[% if app.auth.github %], plus the two GitHub API calls a sign-in makes[% endif %].
 */
export class FakeProvider {
  readonly oauth = new OAuth2Server(undefined, undefined, {
    endpoints: { authorize: '/login/oauth/authorize', token: '/login/oauth/access_token' },
  })
  /** The person the next sign-in is for. */
  person: ProviderPerson = { sub: '0' }
  /** Claims added to the next ID tokens, such as another sign-in's nonce. */
  extraClaims: Record<string, unknown> = {}
  private server: Server | undefined
  url = ''

  async start(): Promise<void> {
    await this.oauth.issuer.keys.generate('RS256')
    this.oauth.service.on('beforeTokenSigning', (token) => {
      const { sub, email, email_verified } = this.person
      Object.assign(token.payload, { sub, email, email_verified }, this.extraClaims)
    })
[% if app.auth.github %]
    // GitHub speaks plain OAuth 2: its token response has no ID token.
    this.oauth.service.on('beforeResponse', (response, request) => {
      if (String(request.body.redirect_uri).includes('/oauth/github/')) {
        delete response.body.id_token
      }
    })
[% endif %]
[% if app.auth.github %]
    const server = createServer((request, response) => this.handle(request, response))
[% else %]
    const server = createServer(this.oauth.service.requestHandler)
[% endif %]
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.server = server
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    this.oauth.issuer.url = this.url
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve))
  }

  /** The environment that points every provider of the app at this server. */
  env(): Record<string, string> {
    return {
[% if app.auth.github %]
      GITHUB_URL: this.url,
      GITHUB_API_URL: this.url,
[% endif %]
[% if app.auth.google %]
      GOOGLE_ISSUER: this.url,
[% endif %]
[% if app.auth.oidc %]
      OIDC_ISSUER: this.url,
[% endif %]
    }
  }
[% if app.auth.github %]

  private handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.url === '/user' || request.url === '/user/emails') {
      this.githubApi(request, response)
      return
    }
    void this.oauth.service.requestHandler(request, response)
  }

  private githubApi(request: IncomingMessage, response: ServerResponse): void {
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      response.writeHead(401).end()
      return
    }
    const { sub, email, email_verified } = this.person
    const body =
      request.url === '/user'
        ? { id: Number(sub), login: `user${sub}` }
        : email
          ? [{ email, primary: true, verified: email_verified === true }]
          : []
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
[% endif %]
}
