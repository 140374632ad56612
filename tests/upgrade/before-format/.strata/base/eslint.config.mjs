import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

/** Imports only go down the layers; `strata check` enforces the same rules. */
const layers = [
  {
    files: ['src/dal/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/services/**', '@/app/**', 'next', 'next/**'],
              message: 'The DAL only runs queries: no services, entry points or HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/**', 'next', 'next/**'],
              message: 'Services know nothing of HTTP, route handlers, actions or pages.',
            },
          ],
        },
      ],
    },
  },
]

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  ...layers,
  globalIgnores(['.next/**', 'out/**', 'build/**', '.data/**', '.strata/**', 'next-env.d.ts']),
])

export default eslintConfig
