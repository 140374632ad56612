import 'server-only'
import { openIdProvider } from './provider'

export const google = openIdProvider({
  name: () => 'Google',
  env: 'GOOGLE',
  issuer: () => process.env.GOOGLE_ISSUER ?? 'https://accounts.google.com',
})
