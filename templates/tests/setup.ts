import { vi } from 'vitest'
import { chooseWorkerDatabase } from './worker-database'

// `server-only` throws outside a React Server environment; tests are server code too.
vi.mock('server-only', () => ({}))

// Workers run test files side by side: on PostgreSQL, each needs a database of its own.
await chooseWorkerDatabase()
[% if app.auth.enabled or app.api != "routes" %]

// Server actions and pages read the request through next/headers: here, the request of
// ./request that each test sets. A redirect or a 404 page, which Next.js throws, is thrown too.
vi.mock('next/headers', async () => {
  const { request } = await import('./request')
  return {
    headers: async () => request.headers,
    cookies: async () => ({
      get: (name: string) => {
        const value = request.cookies.get(name)
        return value === undefined ? undefined : { name, value }
      },
      set: (name: string, value: string) => request.cookies.set(name, value),
      delete: (name: string) => request.cookies.delete(name),
    }),
  }
})

vi.mock('next/navigation', () => ({
  redirect: (path: string) => {
    throw new Error(`redirect to ${path}`)
  },
  notFound: () => {
    throw new Error('not found')
  },
}))

vi.mock('next/cache', () => ({
  revalidatePath: () => undefined,
}))
[% endif %]
