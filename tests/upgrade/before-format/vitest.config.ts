import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    passWithNoTests: true,
    setupFiles: ['./tests/setup.ts'],
    env: {
      AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
      PGLITE_DIR: 'memory://',
    },
    // Files run in parallel, one worker per core (vitest leaves one core idle by default); each
    // worker has a database of its own (an in-memory PGlite, or a PostgreSQL database of its
    // own: see tests/worker-database.ts), migrated once and kept across the files it runs.
    maxWorkers: '100%',
    isolate: false,
    // So an environment variable a test stubs never leaks into the next one.
    unstubEnvs: true,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
