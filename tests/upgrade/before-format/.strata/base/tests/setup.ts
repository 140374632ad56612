import { vi } from 'vitest'
import { chooseWorkerDatabase } from './worker-database'

// `server-only` throws outside a React Server environment; tests are server code too.
vi.mock('server-only', () => ({}))

// Workers run test files side by side: on PostgreSQL, each needs a database of its own.
await chooseWorkerDatabase()
