import 'server-only'
import { openIdProvider } from './provider'

/** Any OpenID Connect provider (Okta, Auth0, Keycloak, Entra ID…), found at OIDC_ISSUER. */
export const oidc = openIdProvider({
  name: () => process.env.OIDC_NAME ?? 'Single sign-on',
  env: 'OIDC',
  issuer: () => process.env.OIDC_ISSUER,
})
