// A mock OpenID provider for the end-to-end test: discovery, keys, signed ID tokens and PKCE
// checks from oauth2-mock-server, on 127.0.0.1. It signs in one person, whoever asks.
// Usage: node oidc-provider.mjs <port>
import { OAuth2Server } from 'oauth2-mock-server'

const PERSON = { sub: 'e2e-sso-person', email: 'sso-person@example.com', email_verified: true }

const port = Number(process.argv[2])
const server = new OAuth2Server()
await server.issuer.keys.generate('RS256')
server.service.on('beforeTokenSigning', (token) => {
  Object.assign(token.payload, PERSON)
})
await server.start(port, '127.0.0.1')
server.issuer.url = `http://127.0.0.1:${port}`
console.log(`ready ${server.issuer.url}`)
