import 'server-only'
[% if app.auth.providers %]
import { assertAppOrigin } from '@/lib/oauth'
[% endif %]
[% if app.auth.strategy == "jwt" %]
import { assertAuthSecret } from '@/lib/utils/auth'
[% endif %]

// A production server refuses to start without the settings it cannot run without, rather than
// answering 500 to every request that needs them.
if (process.env.NODE_ENV === 'production') {
  try {
[% if app.auth.strategy == "jwt" %]
    assertAuthSecret()
[% endif %]
[% if app.auth.providers %]
    assertAppOrigin()
[% endif %]
[% if app.database == "postgres" %]
    // This app runs on PostgreSQL: the embedded PGlite is for development and tests only.
    if (!process.env.DATABASE_URL) {
      throw new Error('DATABASE_URL must be set in production.')
    }
[% endif %]
  } catch (error) {
    console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
