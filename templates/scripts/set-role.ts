// Gives a user a role: npm run user:role -- <email> <role>
// It uses the app's database (DATABASE_URL, or PGlite in PGLITE_DIR; on PGlite stop the app
// first, since one process at a time may open it). The user's sessions end, so the new role
// applies from their next login.
import * as z from 'zod'
import { ServiceError } from '@/lib/errors'
import { setRoleSchema } from '@/schemas/auth.schema'
import { setUserRole } from '@/services/auth.service'

async function main(): Promise<void> {
  const [email, role] = process.argv.slice(2)
  const input = setRoleSchema.parse({ email, role })
  const user = await setUserRole(input)
  console.log(`${user.email} is now ${user.role}.`)
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    return `usage: npm run user:role -- <email> <role>\n${z.prettifyError(error)}`
  }
  if (error instanceof ServiceError) {
    return error.message
  }
  return String(error)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(describe(error))
    process.exit(1)
  },
)
