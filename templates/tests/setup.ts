import { vi } from 'vitest'

// `server-only` throws outside a React Server environment; tests are server code too.
vi.mock('server-only', () => ({}))
