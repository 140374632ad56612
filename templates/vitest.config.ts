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
    // Files run one by one in one module graph: they share a single database (one in-memory
    // PGlite boot, or one PostgreSQL), and every test empties the tables first.
    fileParallelism: false,
    isolate: false,
    // So an environment variable a test stubs never leaks into the next one.
    unstubEnvs: true,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
